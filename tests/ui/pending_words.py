# ruff: noqa: E501  (translations read best one to a line)
"""Translations of strings new in the code that the i18n/*.ts files do not carry yet.

The .ts files are filled in when the branch is merged; until then the language tests install
:class:`PendingTranslator` beside the shipped catalogue, so they check what a Japanese or Chinese user will
read once it is. Delete an entry once the .ts files carry it (and this file once it is empty).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTranslator

# (context, English source) → (ja, zh_Hans, zh_Hant)
PENDING: dict[tuple[str, str], tuple[str, str, str]] = {
    ("ScheduleError", "Say at what time it runs, like “every day at 9:00”."): (
        "実行する時刻も指定してください（例: 「毎日 9:00」）。",
        "请同时写明运行时间，例如“每天 9:00”。",
        "請同時寫明執行時間，例如「每天 9:00」。"),
    ("ScheduleError", "That hour can be read two ways; write it from 0 to 23, like 0:00 or 12:00."): (
        "その時刻は二通りに読めます。0〜23 時で書いてください（例: 0:00、12:00）。",
        "这个时间有两种理解；请用 0–23 点表示，例如 0:00 或 12:00。",
        "這個時間有兩種解讀；請用 0–23 點表示，例如 0:00 或 12:00。"),
    ("Problems", "check the API key"): ("API キーを確認してください", "请检查 API 密钥", "請檢查 API 金鑰"),
    ("Problems", "the key may lack access"): ("キーに権限がない可能性があります", "该密钥可能没有访问权限",
                                              "此金鑰可能沒有存取權限"),
    ("Problems", "check the base URL and model"): ("ベース URL とモデルを確認してください", "请检查基础 URL 和模型",
                                                   "請檢查基礎 URL 和模型"),
    ("Problems", "rate limited"): ("レート制限中", "请求过于频繁，已被限流", "請求過於頻繁，已被限流"),
    ("Problems", " ({hint})"): ("（{hint}）", "（{hint}）", "（{hint}）"),
    ("Problems", "No such file or folder"): ("ファイルまたはフォルダーがありません", "文件或文件夹不存在",
                                             "檔案或資料夾不存在"),
    ("Problems", "Permission denied"): ("アクセスが拒否されました", "权限不足", "權限不足"),
    ("Problems", "Not permitted"): ("許可されていません", "不允许此操作", "不允許此操作"),
    ("Problems", "The disk is read-only"): ("ディスクは読み取り専用です", "磁盘为只读", "磁碟為唯讀"),
    ("Problems", "The disk is full"): ("ディスクがいっぱいです", "磁盘已满", "磁碟已滿"),
    ("Problems", "This is a folder, not a file"): ("ファイルではなくフォルダーです", "这是文件夹，不是文件",
                                                   "這是資料夾，不是檔案"),
    ("Problems", "A part of the path is not a folder"): ("パスの途中がフォルダーではありません",
                                                         "路径中有一部分不是文件夹", "路徑中有一部分不是資料夾"),
    ("Problems", "It already exists"): ("すでに存在します", "已存在", "已存在"),
    ("Problems", "{reason}: {path}"): ("{reason}: {path}", "{reason}：{path}", "{reason}：{path}"),
    ("Problems", "Script “{name}” is refused: it must be a file inside {folder}."): (
        "スクリプト「{name}」は使えません: {folder} の中のファイルを指定してください。",
        "拒绝运行脚本“{name}”：它必须是 {folder} 中的文件。",
        "拒絕執行腳本「{name}」：它必須是 {folder} 中的檔案。"),
    ("Problems", "Script “{name}” is refused: it leads outside {folder}."): (
        "スクリプト「{name}」は使えません: {folder} の外を指しています。",
        "拒绝运行脚本“{name}”：它指向 {folder} 之外。",
        "拒絕執行腳本「{name}」：它指向 {folder} 之外。"),
    ("Problems", "Script “{name}” was not found in {folder}."): (
        "スクリプト「{name}」が {folder} に見つかりません。",
        "在 {folder} 中找不到脚本“{name}”。",
        "在 {folder} 中找不到腳本「{name}」。"),
    ("Problems", "Could not start {name}: {detail}"): (
        "{name} を起動できませんでした: {detail}", "无法启动 {name}：{detail}", "無法啟動 {name}：{detail}"),
    ("Problems", "{name} was stopped after {seconds} s (the job timeout)."): (
        "{name} はジョブのタイムアウト（{seconds} 秒）で停止されました。",
        "{name} 运行 {seconds} 秒后因任务超时被停止。",
        "{name} 執行 {seconds} 秒後因任務逾時被停止。"),
    ("Problems", "{name} was stopped after {seconds} s (the job timeout), along with the {count} processes "
                 "it started."): (
        "{name} はジョブのタイムアウト（{seconds} 秒）で停止されました。起動していた {count} 個のプロセスも停止しました。",
        "{name} 运行 {seconds} 秒后因任务超时被停止，它启动的 {count} 个进程也一并停止。",
        "{name} 執行 {seconds} 秒後因任務逾時被停止，它啟動的 {count} 個處理程序也一併停止。"),
    ("Problems", "{name} was stopped because the app was closing."): (
        "アプリの終了に伴い {name} を停止しました。", "应用正在退出，{name} 已被停止。", "應用程式正在結束，{name} 已被停止。"),
    ("Problems", "{name} was stopped because the app was closing, along with the {count} processes it started."): (
        "アプリの終了に伴い {name} と、それが起動した {count} 個のプロセスを停止しました。",
        "应用正在退出，{name} 及其启动的 {count} 个进程已被停止。",
        "應用程式正在結束，{name} 及其啟動的 {count} 個處理程序已被停止。"),
    ("Problems", "{name} ended, but its exit status was lost."): (
        "{name} は終了しましたが、終了コードを取得できませんでした。",
        "{name} 已结束，但未能获取其退出状态。", "{name} 已結束，但未能取得其結束狀態。"),
    ("Problems", "{name} ended, but its exit status was lost; the {count} processes it left running were "
                 "stopped."): (
        "{name} は終了しましたが、終了コードを取得できませんでした。残っていた {count} 個のプロセスは停止しました。",
        "{name} 已结束，但未能获取其退出状态；它遗留的 {count} 个进程已被停止。",
        "{name} 已結束，但未能取得其結束狀態；它遺留的 {count} 個處理程序已被停止。"),
    ("Problems", "{name} exited with code {code}."): (
        "{name} が終了コード {code} で終了しました。", "{name} 以退出码 {code} 结束。", "{name} 以結束代碼 {code} 結束。"),
    ("Problems", "{name} exited with code {code}:"): (
        "{name} が終了コード {code} で終了しました:", "{name} 以退出码 {code} 结束：", "{name} 以結束代碼 {code} 結束："),
    ("Problems", "{name} exited with code {code}; the {count} processes it left running were stopped."): (
        "{name} が終了コード {code} で終了しました。残っていた {count} 個のプロセスは停止しました。",
        "{name} 以退出码 {code} 结束；它遗留的 {count} 个进程已被停止。",
        "{name} 以結束代碼 {code} 結束；它遺留的 {count} 個處理程序已被停止。"),
    ("Problems", "{name} exited with code {code}; the {count} processes it left running were stopped:"): (
        "{name} が終了コード {code} で終了しました。残っていた {count} 個のプロセスは停止しました:",
        "{name} 以退出码 {code} 结束；它遗留的 {count} 个进程已被停止：",
        "{name} 以結束代碼 {code} 結束；它遺留的 {count} 個處理程序已被停止："),
    ("Problems", "No model endpoint is set up: set one in Settings."): (
        "モデルのエンドポイントが設定されていません。設定で指定してください。",
        "尚未配置模型端点，请在“设置”中配置。", "尚未設定模型端點，請在「設定」中設定。"),
    ("Problems", "The model endpoint {url} did not answer within {seconds} s."): (
        "モデルのエンドポイント {url} から {seconds} 秒以内に応答がありませんでした。",
        "模型端点 {url} 在 {seconds} 秒内没有响应。", "模型端點 {url} 在 {seconds} 秒內沒有回應。"),
    ("Problems", "The request to the model was stopped because the app was closing."): (
        "アプリの終了に伴い、モデルへのリクエストを中止しました。",
        "应用正在退出，已停止向模型发送的请求。", "應用程式正在結束，已停止傳送給模型的請求。"),
    ("Problems", "Could not reach the model endpoint {url}: {detail}"): (
        "モデルのエンドポイント {url} に接続できませんでした: {detail}",
        "无法连接模型端点 {url}：{detail}", "無法連線到模型端點 {url}：{detail}"),
    ("Problems", "The model endpoint answered HTTP {status}{hint}: {detail}"): (
        "モデルのエンドポイントが HTTP {status} を返しました{hint}: {detail}",
        "模型端点返回了 HTTP {status}{hint}：{detail}", "模型端點傳回了 HTTP {status}{hint}：{detail}"),
    ("Problems", "The model endpoint sent a reply that is not a chat completion."): (
        "モデルのエンドポイントからの応答がチャット補完の形式ではありません。",
        "模型端点返回的内容不是对话补全结果。", "模型端點傳回的內容不是對話補全結果。"),
    ("Problems", "The model endpoint's reply has no text."): (
        "モデルのエンドポイントからの応答に本文がありません。", "模型端点的回复中没有文本。", "模型端點的回覆中沒有文字。"),
    ("Problems", "Unexpected error: {detail}"): ("予期しないエラー: {detail}", "意外错误：{detail}", "未預期的錯誤：{detail}"),
    ("Problems", "Run failed: {detail}"): ("実行に失敗しました: {detail}", "运行失败：{detail}", "執行失敗：{detail}"),
    ("Problems", "The run started {at} by {owner} did not finish (its process ended or its lease ran out)."): (
        "{at} に {owner} が開始した実行は完了しませんでした（プロセスが終了したか、実行権の期限が切れました）。",
        "{owner} 于 {at} 开始的运行未能完成（其进程已结束或租约已过期）。",
        "{owner} 於 {at} 開始的執行未能完成（其處理程序已結束或租約已過期）。"),
    ("Problems", "This run was interrupted: {detail}"): (
        "この実行は中断されました: {detail}", "此次运行被中断：{detail}", "此次執行被中斷：{detail}"),
    ("Problems", "its process ended."): ("プロセスが終了しました。", "其进程已结束。", "其處理程序已結束。"),
    ("Problems", "This run's transcript could not be finished at the time (state.db was busy); it was ended "
                 "later."): (
        "state.db が使用中だったため、この実行の記録はその場で完了できず、後で完了しました。",
        "由于 state.db 正忙，此次运行的记录当时未能完成，之后已补上。",
        "由於 state.db 正忙，此次執行的記錄當時未能完成，之後已補上。"),
    ("Problems", "Missed: this one-shot was due {due} and did not run, because neither the app nor Hermes was "
                 "running. One-shots do not run late; edit the job to set a new time."): (
        "実行されず: この 1 回限りのジョブは {due} に実行予定でしたが、アプリも Hermes も動いていなかったため実行されませんでした。"
        "1 回限りのジョブは遅れて実行されません。ジョブを編集して新しい時刻を設定してください。",
        "未运行：此一次性任务原定于 {due} 运行，但当时应用和 Hermes 都未运行。一次性任务不会补运行；请编辑任务设置新的时间。",
        "未執行：此一次性任務原定於 {due} 執行，但當時應用程式和 Hermes 都未執行。一次性任務不會補執行；請編輯任務，設定新的時間。"),
    ("Problems", "{runs} scheduled runs from {first} to {last} did not run, because neither the app nor Hermes "
                 "was running. The job ran once when they came back, and its schedule moved on."): (
        "{first}〜{last} の {runs} 回の実行は、アプリも Hermes も動いていなかったため実行されませんでした。"
        "再開時にジョブを 1 回実行し、スケジュールを先に進めました。",
        "{first} 至 {last} 期间的 {runs} 次计划运行未执行，因为当时应用和 Hermes 都未运行。恢复后任务已运行一次，计划也已顺延。",
        "{first} 至 {last} 期間的 {runs} 次排定執行未進行，因為當時應用程式和 Hermes 都未執行。恢復後任務已執行一次，排程也已順延。"),
    ("Problems", "This run was due {due} and ran {late} s late, because neither the app nor Hermes was running. "
                 "{runs} scheduled runs up to now were folded into this one run."): (
        "この実行は {due} の予定でしたが、アプリも Hermes も動いていなかったため {late} 秒遅れて実行されました。"
        "ここまでの {runs} 回分をこの 1 回にまとめました。",
        "此次运行原定于 {due}，因应用和 Hermes 都未运行而晚了 {late} 秒。截至目前的 {runs} 次计划运行已合并为这一次。",
        "此次執行原定於 {due}，因應用程式和 Hermes 都未執行而晚了 {late} 秒。截至目前的 {runs} 次排定執行已合併為這一次。"),
    ("Problems", "Another program has held {path} for over {seconds} s; nothing was changed. Try again in a "
                 "moment."): (
        "別のプログラムが {path} を {seconds} 秒以上ロックしているため、何も変更していません。少し待ってからもう一度お試しください。",
        "另一个程序占用 {path} 已超过 {seconds} 秒，未做任何更改。请稍后重试。",
        "另一個程式佔用 {path} 已超過 {seconds} 秒，未做任何變更。請稍後再試。"),
    ("Problems", "The Hermes home is read-only here ({folder}); jobs can be listed but not added, changed, run "
                 "or ticked."): (
        "Hermes のホーム（{folder}）は読み取り専用です。ジョブの一覧は見られますが、追加・変更・実行はできません。",
        "Hermes 主目录（{folder}）在此为只读：可以查看任务列表，但无法添加、修改或运行任务。",
        "Hermes 主目錄（{folder}）在此為唯讀：可以檢視任務清單，但無法新增、修改或執行任務。"),
    ("Problems", "The Hermes home is read-only here ({folder}); nothing was changed."): (
        "Hermes のホーム（{folder}）は読み取り専用のため、何も変更していません。",
        "Hermes 主目录（{folder}）在此为只读，未做任何更改。", "Hermes 主目錄（{folder}）在此為唯讀，未做任何變更。"),
    ("Problems", "{path} is a folder, not a lock file; move it away so jobs can be changed and run."): (
        "{path} はロックファイルではなくフォルダーです。ジョブを変更・実行できるよう、別の場所へ移動してください。",
        "{path} 是文件夹而不是锁文件；请将其移走，才能修改和运行任务。",
        "{path} 是資料夾而不是鎖定檔；請將其移走，才能修改和執行任務。"),
    ("Problems", "Cannot take the lock {path}: {detail}."): (
        "ロック {path} を取得できません: {detail}", "无法获取锁 {path}：{detail}", "無法取得鎖定 {path}：{detail}"),
    ("Problems", "The disk is full; {path} was left as it was."): (
        "ディスクがいっぱいです。{path} は変更していません。", "磁盘已满；{path} 保持不变。", "磁碟已滿；{path} 保持不變。"),
    ("Problems", "Cannot write {path}: {detail}; it was left as it was."): (
        "{path} に書き込めません（{detail}）。ファイルは変更していません。",
        "无法写入 {path}（{detail}）；文件保持不变。", "無法寫入 {path}（{detail}）；檔案保持不變。"),
    ("Problems", "Cannot read {path}: {detail}"): (
        "{path} を読み込めません: {detail}", "无法读取 {path}：{detail}", "無法讀取 {path}：{detail}"),
    ("Problems", "{path} is not UTF-8 text (byte {byte}); fix it or move it away."): (
        "{path} は UTF-8 のテキストではありません（{byte} バイト目）。修正するか、別の場所へ移動してください。",
        "{path} 不是 UTF-8 文本（第 {byte} 字节）；请修正或将其移走。",
        "{path} 不是 UTF-8 文字（第 {byte} 位元組）；請修正或將其移走。"),
    ("Problems", "{path} is not valid JSON (line {line}, column {column}); it was left untouched. Fix it or move "
                 "it away."): (
        "{path} は正しい JSON ではありません（{line} 行 {column} 列）。ファイルには手を加えていません。修正するか、別の場所へ移動してください。",
        "{path} 不是有效的 JSON（第 {line} 行第 {column} 列）；文件未被改动。请修正或将其移走。",
        "{path} 不是有效的 JSON（第 {line} 行第 {column} 欄）；檔案未被改動。請修正或將其移走。"),
    ("Problems", "{path} is nested too deeply to be a jobs file; it was left untouched."): (
        "{path} は入れ子が深すぎてジョブファイルとして読めません。ファイルには手を加えていません。",
        "{path} 嵌套层级过深，无法作为任务文件读取；文件未被改动。",
        "{path} 巢狀層級過深，無法作為任務檔案讀取；檔案未被改動。"),
    ("Problems", "{path} cannot be read as a jobs file; it was left untouched."): (
        "{path} はジョブファイルとして読み込めません。ファイルには手を加えていません。",
        "{path} 无法作为任务文件读取；文件未被改动。", "{path} 無法作為任務檔案讀取；檔案未被改動。"),
    ("Problems", "{path} holds no list of jobs; it was left untouched."): (
        "{path} にジョブの一覧がありません。ファイルには手を加えていません。",
        "{path} 中没有任务列表；文件未被改动。", "{path} 中沒有任務清單；檔案未被改動。"),
    ("Problems", "There is no job with the id or name “{ref}”; it may have been deleted."): (
        "ID または名前が「{ref}」のジョブはありません。削除された可能性があります。",
        "没有 ID 或名称为“{ref}”的任务；它可能已被删除。",
        "沒有 ID 或名稱為「{ref}」的任務；它可能已被刪除。"),
    ("Problems", "This job has completed; there is nothing to pause."): (
        "このジョブは完了しているため、一時停止するものはありません。",
        "此任务已完成，无需暂停。", "此任務已完成，無需暫停。"),
    ("Problems", "{path} cannot be read, so it was not overwritten. Fix it or move it away."): (
        "{path} を読み込めないため、上書きしていません。修正するか、別の場所へ移動してください。",
        "无法读取 {path}，因此未覆盖它。请修正或将其移走。",
        "無法讀取 {path}，因此未覆寫它。請修正或將其移走。"),
    ("Problems", "{path} stayed locked by another program for {seconds} s ({attempts} attempts), so the change "
                 "was not saved."): (
        "{path} が別のプログラムに {seconds} 秒間（{attempts} 回試行）ロックされていたため、変更を保存できませんでした。",
        "{path} 被另一个程序锁定了 {seconds} 秒（尝试 {attempts} 次），因此更改未能保存。",
        "{path} 被另一個程式鎖定了 {seconds} 秒（嘗試 {attempts} 次），因此變更未能儲存。"),
}

LANGUAGE_INDEX = {"ja": 0, "zh_Hans": 1, "zh_Hant": 2}


class PendingTranslator(QTranslator):
    """Answers only the strings in :data:`PENDING`, for one language; everything else falls through."""

    def __init__(self, code: str) -> None:
        super().__init__()
        self.index = LANGUAGE_INDEX.get(code)

    def isEmpty(self) -> bool:
        return self.index is None

    def translate(self, context: str, source: str, disambiguation: str | None = None,  # type: ignore[override]
                  n: int = -1) -> str | None:
        if self.index is None:
            return None
        found = PENDING.get((context, source))
        return found[self.index] if found else None


_installed: list[QTranslator] = []


def install_pending(code: str) -> None:
    """Install the pending words for ``code`` beside the shipped translators (``code`` "en": none).

    It answers only its own strings, which the shipped catalogue lacks, so the order does not matter.
    """
    remove_pending()
    pending = PendingTranslator(code)
    if not pending.isEmpty():
        app = QCoreApplication.instance()
        assert app is not None
        app.installTranslator(pending)
        _installed.append(pending)


def remove_pending() -> None:
    app = QCoreApplication.instance()
    for old in _installed:
        if app is not None:
            app.removeTranslator(old)
    _installed.clear()
