<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja">
    <context>
        <name>Agenda</name>
        <message>
            <source>Today</source>
            <translation>今日</translation>
        </message>
        <message>
            <source>Tomorrow</source>
            <translation>明日</translation>
        </message>
        <message>
            <source>{count} runs</source>
            <translation>{count} 回</translation>
        </message>
        <message>
            <source>once</source>
            <translation>1 回のみ</translation>
        </message>
        <message>
            <source>paused</source>
            <translation>一時停止中</translation>
        </message>
        <message>
            <source>Daylight saving time: the clocks change before this run, from {old} to {new}.</source>
            <translation>夏時間: この実行の前に時計が {old} から {new} に切り替わります。</translation>
        </message>
        <message>
            <source>and %n more</source>
            <translation>ほか %n 件</translation>
        </message>
        <message>
            <source>DST</source>
            <translation>夏時間</translation>
        </message>
        <message>
            <source>Paused: this run happens only if the job is resumed.</source>
            <translation>一時停止中: ジョブを再開した場合にのみ実行されます。</translation>
        </message>
    </context>
    <context>
        <name>AgendaPanel</name>
        <message>
            <source>Upcoming</source>
            <translation>今後の実行</translation>
        </message>
        <message>
            <source>24 hours</source>
            <translation>24 時間</translation>
        </message>
        <message>
            <source>7 days</source>
            <translation>7 日間</translation>
        </message>
        <message>
            <source>Show the next {span}</source>
            <translation>今後 {span} を表示</translation>
        </message>
        <message>
            <source>Upcoming runs</source>
            <translation>今後の実行</translation>
        </message>
        <message>
            <source>Nothing runs in the next 24 hours.</source>
            <translation>今後 24 時間に実行予定はありません。</translation>
        </message>
        <message>
            <source>Nothing runs in the next 7 days.</source>
            <translation>今後 7 日間に実行予定はありません。</translation>
        </message>
        <message numerus="yes">
            <source>%n very frequent job(s) are shown only in part.</source>
            <translation>
                <numerusform>実行頻度がとても高い %n 件のジョブは一部のみ表示しています。</numerusform>
            </translation>
        </message>
        <message>
            <source>Today: {ran} ran, {failed} failed</source>
            <translation>今日: {ran} 件実行、{failed} 件失敗</translation>
        </message>
        <message>
            <source>next: {title} at {time}</source>
            <translation>次: {time} に {title}</translation>
        </message>
    </context>
    <context>
        <name>AppContext</name>
        <message>
            <source>Due jobs could not be started: {error}</source>
            <translation>実行時刻になったジョブを開始できませんでした: {error}</translation>
        </message>
        <message>
            <source>Could not run the job: {error}</source>
            <translation>ジョブを実行できませんでした: {error}</translation>
        </message>
        <message>
            <source>Hermes is running this job right now; it was not started twice.</source>
            <translation>Hermes がいまこのジョブを実行中のため、二重には開始しませんでした。</translation>
        </message>
        <message>
            <source>This job is already running.</source>
            <translation>このジョブはすでに実行中です。</translation>
        </message>
        <message>
            <source>Another program kept the jobs busy; try again in a moment.</source>
            <translation>別のプログラムがジョブを使用中でした。少ししてからもう一度お試しください。</translation>
        </message>
        <message>
            <source>The job is no longer in jobs.json.</source>
            <translation>このジョブはもう jobs.json にありません。</translation>
        </message>
        <message>
            <source>This window does not run jobs now.</source>
            <translation>このウィンドウは現在ジョブを実行していません。</translation>
        </message>
        <message>
            <source>Could not pause the job: {error}</source>
            <translation>ジョブを一時停止できませんでした: {error}</translation>
        </message>
        <message>
            <source>Could not resume the job: {error}</source>
            <translation>ジョブを再開できませんでした: {error}</translation>
        </message>
        <message>
            <source>Could not delete the job: {error}</source>
            <translation>ジョブを削除できませんでした: {error}</translation>
        </message>
    </context>
    <context>
        <name>AppTray</name>
        <message>
            <source>Show window</source>
            <translation>ウィンドウを表示</translation>
        </message>
        <message>
            <source>New cron job…</source>
            <translation>新しい定期ジョブ…</translation>
        </message>
        <message>
            <source>Settings…</source>
            <translation>設定…</translation>
        </message>
        <message>
            <source>Quit</source>
            <translation>終了</translation>
        </message>
        <message>
            <source>No scheduled runs</source>
            <translation>予定された実行はありません</translation>
        </message>
        <message>
            <source>Next: {title} {when}</source>
            <translation>次回: {title}（{when}）</translation>
        </message>
        <message>
            <source>Hide window</source>
            <translation>ウィンドウを隠す</translation>
        </message>
        <message>
            <source>Resume all jobs</source>
            <translation>すべてのジョブを再開</translation>
        </message>
        <message>
            <source>Pause all jobs</source>
            <translation>すべてのジョブを一時停止</translation>
        </message>
        <message>
            <source>Hermes Desktop</source>
            <translation>Hermes Desktop</translation>
        </message>
        <message>
            <source>Paused: jobs do not run until you resume</source>
            <translation>一時停止中: 再開するまでジョブは実行されません</translation>
        </message>
        <message numerus="yes">
            <source>%n run(s) failed since you last looked</source>
            <translation>
                <numerusform>前回確認してから %n 件の実行が失敗しました</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Composer</name>
        <message>
            <source>Retry</source>
            <translation>再試行</translation>
        </message>
        <message>
            <source>Message to Hermes</source>
            <translation>Hermes へのメッセージ</translation>
        </message>
        <message>
            <source>Message Hermes (Enter sends, Shift+Enter starts a new line)</source>
            <translation>Hermes にメッセージ（Enter で送信、Shift+Enter で改行）</translation>
        </message>
        <message>
            <source>Send</source>
            <translation>送信</translation>
        </message>
        <message>
            <source>Stop</source>
            <translation>停止</translation>
        </message>
        <message>
            <source>Write a message first.</source>
            <translation>先にメッセージを入力してください。</translation>
        </message>
    </context>
    <context>
        <name>Countdown</name>
        <message>
            <source>overdue</source>
            <translation>遅延中</translation>
        </message>
        <message>
            <source>now</source>
            <translation>まもなく</translation>
        </message>
        <message numerus="yes">
            <source>in %ns</source>
            <translation>
                <numerusform>あと %n 秒</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>in %n min</source>
            <translation>
                <numerusform>あと %n 分</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>in %n h</source>
            <translation>
                <numerusform>あと %n 時間</numerusform>
            </translation>
        </message>
        <message>
            <source>in {hours} h {minutes} min</source>
            <translation>あと {hours} 時間 {minutes} 分</translation>
        </message>
        <message numerus="yes">
            <source>in %n d</source>
            <translation>
                <numerusform>あと %n 日</numerusform>
            </translation>
        </message>
        <message>
            <source>in {days} d {hours} h</source>
            <translation>あと {days} 日 {hours} 時間</translation>
        </message>
        <message>
            <source>just now</source>
            <translation>たった今</translation>
        </message>
        <message numerus="yes">
            <source>%n min ago</source>
            <translation>
                <numerusform>%n 分前</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n h ago</source>
            <translation>
                <numerusform>%n 時間前</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n d ago</source>
            <translation>
                <numerusform>%n 日前</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>CronManageWindow</name>
        <message>
            <source>Cron jobs</source>
            <translation>定期ジョブ</translation>
        </message>
        <message>
            <source>Search title, prompt, schedule</source>
            <translation>タイトル・プロンプト・スケジュールを検索</translation>
        </message>
        <message>
            <source>Search jobs</source>
            <translation>ジョブを検索</translation>
        </message>
        <message>
            <source>New cron job</source>
            <translation>新しい定期ジョブ</translation>
        </message>
        <message>
            <source>Jobs</source>
            <translation>ジョブ</translation>
        </message>
        <message>
            <source>No job matches the search.</source>
            <translation>検索に一致するジョブはありません。</translation>
        </message>
        <message>
            <source>Upcoming runs</source>
            <translation>今後の実行</translation>
        </message>
        <message>
            <source>No cron jobs yet. A cron job runs a prompt or a script on a schedule — every morning, every 30 minutes, once next Tuesday.</source>
            <translation>定期ジョブはまだありません。定期ジョブは、プロンプトやスクリプトをスケジュールに沿って実行します。毎朝、30 分ごと、来週の火曜日に一度だけ、など。</translation>
        </message>
        <message>
            <source>Clear the search</source>
            <translation>検索をクリア</translation>
        </message>
        <message>
            <source>Problem</source>
            <translation>問題</translation>
        </message>
        <message>
            <source>No job matches “{text}”.</source>
            <translation>「{text}」に一致するジョブはありません。</translation>
        </message>
        <message>
            <source>Delete cron job</source>
            <translation>定期ジョブの削除</translation>
        </message>
        <message>
            <source>Delete “{title}”? Its output files go too; its past runs stay in your sessions.</source>
            <translation>「{title}」を削除しますか？出力ファイルも削除されますが、過去の実行はセッションに残ります。</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>削除</translation>
        </message>
        <message>
            <source>Run now</source>
            <translation>今すぐ実行</translation>
        </message>
        <message>
            <source>Resume</source>
            <translation>再開</translation>
        </message>
        <message>
            <source>Pause</source>
            <translation>一時停止</translation>
        </message>
        <message>
            <source>Edit…</source>
            <translation>編集…</translation>
        </message>
        <message>
            <source>Delete…</source>
            <translation>削除…</translation>
        </message>
    </context>
    <context>
        <name>CronSection</name>
        <message>
            <source>Cron jobs</source>
            <translation>定期ジョブ</translation>
        </message>
        <message numerus="yes">
            <source>%n job(s)</source>
            <translation>
                <numerusform>%n 件のジョブ</numerusform>
            </translation>
        </message>
        <message>
            <source>Cron jobs, expanded</source>
            <translation>定期ジョブ（展開中）</translation>
        </message>
        <message>
            <source>Cron jobs, collapsed</source>
            <translation>定期ジョブ（折りたたみ中）</translation>
        </message>
    </context>
    <context>
        <name>Deliver</name>
        <message>
            <source>This desktop (the output is only saved)</source>
            <translation>このデスクトップ（出力は保存のみ）</translation>
        </message>
        <message>
            <source>The chat the job was made in</source>
            <translation>ジョブを作成したチャット</translation>
        </message>
        <message>
            <source>Every home channel</source>
            <translation>すべてのホームチャンネル</translation>
        </message>
        <message>
            <source>Email</source>
            <translation>メール</translation>
        </message>
        <message>
            <source>SMS</source>
            <translation>SMS</translation>
        </message>
        <message>
            <source>Webhook</source>
            <translation>Webhook</translation>
        </message>
        <message>
            <source>Hermes sends the output nowhere; it is saved with the job's runs.</source>
            <translation>Hermes は出力をどこにも送りません。ジョブの実行記録と一緒に保存されます。</translation>
        </message>
        <message>
            <source>The chat the job was made from; for a job made here, the first platform with a home channel.</source>
            <translation>ジョブを作成したチャット。ここで作成したジョブでは、ホームチャンネルのある最初のプラットフォーム。</translation>
        </message>
        <message>
            <source>Every platform that has a home channel set when the job runs.</source>
            <translation>ジョブの実行時にホームチャンネルが設定されているすべてのプラットフォーム。</translation>
        </message>
    </context>
    <context>
        <name>FieldError</name>
        <message>
            <source>Hermes does not deliver to that platform.</source>
            <translation>Hermes はそのプラットフォームに配信しません。</translation>
        </message>
        <message>
            <source>Write chats as platform:chat, with commas.</source>
            <translation>チャットは platform:chat の形でカンマ区切りで書いてください。</translation>
        </message>
        <message>
            <source>Cron jobs never get cronjob, messaging, clarify.</source>
            <translation>定期ジョブに cronjob・messaging・clarify は使えません。</translation>
        </message>
        <message>
            <source>A base URL needs a provider (custom: your own).</source>
            <translation>ベース URL にはプロバイダーが必要です（独自のものは custom）。</translation>
        </message>
        <message>
            <source>Give the folder's full path.</source>
            <translation>フォルダーのフルパスを指定してください。</translation>
        </message>
        <message>
            <source>That folder does not exist.</source>
            <translation>そのフォルダーは存在しません。</translation>
        </message>
        <message>
            <source>That is a file, not a folder.</source>
            <translation>それはフォルダーではなくファイルです。</translation>
        </message>
        <message>
            <source>A job picked here no longer exists.</source>
            <translation>ここで選んだジョブはもう存在しません。</translation>
        </message>
        <message>
            <source>Hermes reads output of hex job ids only.</source>
            <translation>Hermes は16進数のジョブ ID の出力しか読みません。</translation>
        </message>
        <message>
            <source>Pick a file in the home's scripts folder.</source>
            <translation>ホームの scripts フォルダー内のファイルを選んでください。</translation>
        </message>
    </context>
    <context>
        <name>Firing</name>
        <message>
            <source>Not run by this window; no Hermes gateway seen</source>
            <translation>このウィンドウでは実行せず、Hermes ゲートウェイも見当たりません</translation>
        </message>
        <message>
            <source>Scheduled jobs run while this window is open</source>
            <translation>このウィンドウを開いている間、定期ジョブを実行します</translation>
        </message>
        <message>
            <source>A Hermes gateway runs the scheduled jobs (pid {pid}); this window stands by</source>
            <translation>Hermes ゲートウェイ（pid {pid}）が定期ジョブを実行中のため、このウィンドウは待機しています</translation>
        </message>
        <message>
            <source>Nobody runs these jobs now: this window runs only the profile on screen (see Settings)</source>
            <translation>現在これらのジョブを実行するものはありません。このウィンドウは表示中のプロファイルだけを実行します（設定を参照）</translation>
        </message>
        <message>
            <source>Nobody runs scheduled jobs now: this window is set not to (see Settings) and no Hermes gateway is running</source>
            <translation>現在、定期ジョブを実行するものはありません。このウィンドウは実行しない設定で（設定を参照）、Hermes ゲートウェイも動いていません</translation>
        </message>
        <message>
            <source>this window</source>
            <translation>このウィンドウ</translation>
        </message>
        <message>
            <source>Hermes gateway (pid {pid})</source>
            <translation>Hermes ゲートウェイ（pid {pid}）</translation>
        </message>
        <message>
            <source>nobody</source>
            <translation>なし</translation>
        </message>
        <message>
            <source>{when}, not run</source>
            <translation>{when}（実行されません）</translation>
        </message>
    </context>
    <context>
        <name>Job</name>
        <message>
            <source>Cron job</source>
            <translation>定期ジョブ</translation>
        </message>
    </context>
    <context>
        <name>JobChecklist</name>
        <message>
            <source>Filter jobs</source>
            <translation>ジョブを絞り込む</translation>
        </message>
    </context>
    <context>
        <name>JobDetail</name>
        <message>
            <source>Pause</source>
            <translation>一時停止</translation>
        </message>
        <message>
            <source>Run now</source>
            <translation>今すぐ実行</translation>
        </message>
        <message>
            <source>Edit…</source>
            <translation>編集…</translation>
        </message>
        <message>
            <source>Delete…</source>
            <translation>削除…</translation>
        </message>
        <message>
            <source>What runs</source>
            <translation>実行する内容</translation>
        </message>
        <message>
            <source>Run history</source>
            <translation>実行履歴</translation>
        </message>
        <message>
            <source>No runs yet.</source>
            <translation>まだ実行されていません。</translation>
        </message>
        <message>
            <source>Cron job</source>
            <translation>定期ジョブ</translation>
        </message>
        <message>
            <source>State: {state}</source>
            <translation>状態: {state}</translation>
        </message>
        <message>
            <source>Resume</source>
            <translation>再開</translation>
        </message>
        <message>
            <source>This one-shot did not run: it was due {when}. Edit the job to give it a new time.</source>
            <translation>この 1 回限りのジョブは実行されませんでした（{when} に実行予定）。ジョブを編集して新しい時刻を設定してください。</translation>
        </message>
        <message>
            <source>Last run failed: {error}</source>
            <translation>前回の実行は失敗しました: {error}</translation>
        </message>
        <message>
            <source>Schedule</source>
            <translation>スケジュール</translation>
        </message>
        <message>
            <source>Next run</source>
            <translation>次回の実行</translation>
        </message>
        <message>
            <source>none</source>
            <translation>なし</translation>
        </message>
        <message>
            <source>Last run</source>
            <translation>前回の実行</translation>
        </message>
        <message>
            <source>never</source>
            <translation>まだ実行されていません</translation>
        </message>
        <message>
            <source>once</source>
            <translation>1 回のみ</translation>
        </message>
        <message>
            <source>done</source>
            <translation>完了</translation>
        </message>
        <message>
            <source>{done} of {times} runs</source>
            <translation>{times} 回中 {done} 回</translation>
        </message>
        <message>
            <source>forever ({done} so far)</source>
            <translation>無期限（これまで {done} 回）</translation>
        </message>
        <message>
            <source>Repeat</source>
            <translation>繰り返し</translation>
        </message>
        <message>
            <source>Paused because</source>
            <translation>一時停止の理由</translation>
        </message>
        <message>
            <source>Runs with</source>
            <translation>実行環境</translation>
        </message>
        <message>
            <source>Prompt:</source>
            <translation>プロンプト:</translation>
        </message>
        <message>
            <source>Script: {name}</source>
            <translation>スクリプト: {name}</translation>
        </message>
        <message>
            <source>(its output feeds the prompt)</source>
            <translation>（出力をプロンプトに渡します）</translation>
        </message>
    </context>
    <context>
        <name>JobEditor</name>
        <message>
            <source>Edit cron job</source>
            <translation>定期ジョブの編集</translation>
        </message>
        <message>
            <source>New cron job</source>
            <translation>新しい定期ジョブ</translation>
        </message>
        <message>
            <source>Optional — the prompt or script names it otherwise</source>
            <translation>省略可 — 省略するとプロンプトかスクリプト名が使われます</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>名前</translation>
        </message>
        <message>
            <source>&amp;Name</source>
            <translation>名前(&amp;N)</translation>
        </message>
        <message>
            <source>A prompt for the agent</source>
            <translation>エージェントへのプロンプト</translation>
        </message>
        <message>
            <source>A script</source>
            <translation>スクリプト</translation>
        </message>
        <message>
            <source>A script whose output feeds the prompt</source>
            <translation>出力をプロンプトに渡すスクリプト</translation>
        </message>
        <message>
            <source>What runs</source>
            <translation>実行する内容</translation>
        </message>
        <message>
            <source>Prompt</source>
            <translation>プロンプト</translation>
        </message>
        <message>
            <source>What should Hermes do each time?</source>
            <translation>毎回 Hermes に何をしてもらいますか？</translation>
        </message>
        <message>
            <source>&amp;Prompt</source>
            <translation>プロンプト(&amp;P)</translation>
        </message>
        <message>
            <source>Script</source>
            <translation>スクリプト</translation>
        </message>
        <message>
            <source>A file in {folder}</source>
            <translation>{folder} 内のファイル</translation>
        </message>
        <message>
            <source>S&amp;cript</source>
            <translation>スクリプト(&amp;C)</translation>
        </message>
        <message>
            <source>Schedule</source>
            <translation>スケジュール</translation>
        </message>
        <message>
            <source>Schedule preset</source>
            <translation>スケジュールのプリセット</translation>
        </message>
        <message>
            <source>Custom (type below)</source>
            <translation>カスタム（下に入力）</translation>
        </message>
        <message>
            <source>Every N minutes</source>
            <translation>N 分ごと</translation>
        </message>
        <message>
            <source>Hourly</source>
            <translation>毎時</translation>
        </message>
        <message>
            <source>Daily at</source>
            <translation>毎日</translation>
        </message>
        <message>
            <source>Weekdays at</source>
            <translation>平日</translation>
        </message>
        <message>
            <source>Weekly on a day at</source>
            <translation>毎週、指定曜日の</translation>
        </message>
        <message>
            <source>Monthly on a day at</source>
            <translation>毎月、指定日の</translation>
        </message>
        <message>
            <source>Once at a date and time</source>
            <translation>日時を指定して 1 回</translation>
        </message>
        <message>
            <source> min</source>
            <translation> 分</translation>
        </message>
        <message>
            <source>Minutes between runs</source>
            <translation>実行の間隔（分）</translation>
        </message>
        <message>
            <source>Day of the week</source>
            <translation>曜日</translation>
        </message>
        <message>
            <source>day </source>
            <translation>日付 </translation>
        </message>
        <message>
            <source>Day of the month</source>
            <translation>日付</translation>
        </message>
        <message>
            <source>Time of day</source>
            <translation>時刻</translation>
        </message>
        <message>
            <source>Date and time</source>
            <translation>日時</translation>
        </message>
        <message>
            <source>every 30m · weekdays at 9am · 0 9 * * 1-5 · in 20m</source>
            <translation>毎日 9:00 · 平日 9時 · 30分ごと · 0 9 * * 1-5</translation>
        </message>
        <message>
            <source>What the schedule means</source>
            <translation>スケジュールの意味</translation>
        </message>
        <message>
            <source>Deliver to</source>
            <translation>配信先</translation>
        </message>
        <message>
            <source>Other delivery targets</source>
            <translation>その他の配信先</translation>
        </message>
        <message>
            <source>Chats: telegram:-1001234567, discord:123456</source>
            <translation>チャット: telegram:-1001234567, discord:123456</translation>
        </message>
        <message>
            <source>Forever</source>
            <translation>無期限</translation>
        </message>
        <message>
            <source>Repeat</source>
            <translation>繰り返し</translation>
        </message>
        <message>
            <source> runs</source>
            <translation> 回</translation>
        </message>
        <message>
            <source>Working folder</source>
            <translation>作業フォルダー</translation>
        </message>
        <message>
            <source>None — Hermes' own folder, no project files</source>
            <translation>なし — Hermes 自身のフォルダー（プロジェクトファイルなし）</translation>
        </message>
        <message>
            <source>Choose…</source>
            <translation>選択…</translation>
        </message>
        <message>
            <source>Choose the working folder</source>
            <translation>作業フォルダーを選択</translation>
        </message>
        <message>
            <source>Skills</source>
            <translation>スキル</translation>
        </message>
        <message>
            <source>None — names, separated by commas</source>
            <translation>なし — 名前をカンマ区切りで</translation>
        </message>
        <message>
            <source>Toolsets</source>
            <translation>ツールセット</translation>
        </message>
        <message>
            <source>All that Hermes gives cron jobs — or: web, terminal, file</source>
            <translation>Hermes が定期ジョブに与えるすべて — または: web, terminal, file</translation>
        </message>
        <message>
            <source>Default from Settings</source>
            <translation>設定の既定値</translation>
        </message>
        <message>
            <source>Model</source>
            <translation>モデル</translation>
        </message>
        <message>
            <source>Default — or a provider name, custom for your own endpoint</source>
            <translation>既定 — またはプロバイダー名（独自のエンドポイントは custom）</translation>
        </message>
        <message>
            <source>Provider</source>
            <translation>プロバイダー</translation>
        </message>
        <message>
            <source>Endpoint</source>
            <translation>エンドポイント</translation>
        </message>
        <message>
            <source>Output of other jobs as context</source>
            <translation>他のジョブの出力をコンテキストに</translation>
        </message>
        <message>
            <source>No other jobs yet.</source>
            <translation>ほかのジョブはまだありません。</translation>
        </message>
        <message>
            <source>Output and running</source>
            <translation>出力と実行</translation>
        </message>
        <message>
            <source>&amp;Deliver to</source>
            <translation>配信先(&amp;D)</translation>
        </message>
        <message>
            <source>&amp;Working folder</source>
            <translation>作業フォルダー(&amp;W)</translation>
        </message>
        <message>
            <source>&amp;Repeat</source>
            <translation>繰り返し(&amp;R)</translation>
        </message>
        <message>
            <source>The agent</source>
            <translation>エージェント</translation>
        </message>
        <message>
            <source>S&amp;kills</source>
            <translation>スキル(&amp;K)</translation>
        </message>
        <message>
            <source>&amp;Toolsets</source>
            <translation>ツールセット(&amp;T)</translation>
        </message>
        <message>
            <source>&amp;Model</source>
            <translation>モデル(&amp;M)</translation>
        </message>
        <message>
            <source>Pro&amp;vider</source>
            <translation>プロバイダー(&amp;V)</translation>
        </message>
        <message>
            <source>&amp;Endpoint (base URL)</source>
            <translation>エンドポイント (ベース URL)(&amp;E)</translation>
        </message>
        <message>
            <source>&amp;Context from</source>
            <translation>コンテキスト元(&amp;C)</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>保存</translation>
        </message>
        <message>
            <source>(deleted job {id})</source>
            <translation>（削除されたジョブ {id}）</translation>
        </message>
        <message>
            <source>moved: that time does not exist on this day (daylight saving)</source>
            <translation>繰り下げ: この日はその時刻がありません（夏時間）</translation>
        </message>
        <message>
            <source>that time happens twice on this day (daylight saving); runs once</source>
            <translation>この日はその時刻が 2 回あります（夏時間）。実行は 1 回です</translation>
        </message>
        <message>
            <source>Time zone: {zone}</source>
            <translation>タイムゾーン: {zone}</translation>
        </message>
        <message>
            <source>Next runs:</source>
            <translation>今後の実行:</translation>
        </message>
        <message>
            <source>none — this time has passed</source>
            <translation>なし — この時刻は過ぎています</translation>
        </message>
        <message>
            <source>Fix the schedule first.</source>
            <translation>先にスケジュールを直してください。</translation>
        </message>
        <message>
            <source>Write the prompt.</source>
            <translation>プロンプトを入力してください。</translation>
        </message>
        <message>
            <source>Pick a script.</source>
            <translation>スクリプトを選んでください。</translation>
        </message>
        <message>
            <source>Fix the fields marked in red first.</source>
            <translation>赤で示された項目を先に直してください。</translation>
        </message>
        <message>
            <source>Not saved: {reason}</source>
            <translation>保存できませんでした: {reason}</translation>
        </message>
        <message>
            <source>unknown error</source>
            <translation>不明なエラー</translation>
        </message>
    </context>
    <context>
        <name>JobRow</name>
        <message>
            <source>Run now</source>
            <translation>今すぐ実行</translation>
        </message>
        <message>
            <source>Manage</source>
            <translation>管理</translation>
        </message>
        <message>
            <source>Manage this job</source>
            <translation>このジョブを管理</translation>
        </message>
        <message>
            <source>{title} — {state}</source>
            <translation>{title} — {state}</translation>
        </message>
        <message>
            <source>{title}, {state}</source>
            <translation>{title}、{state}</translation>
        </message>
        <message>
            <source>{title} — {state}, {when}</source>
            <translation>{title} — {state}、{when}</translation>
        </message>
        <message>
            <source>{title}, {state}, {when}</source>
            <translation>{title}、{state}、{when}</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Hermes Desktop</source>
            <translation>Hermes Desktop</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>ファイル(&amp;F)</translation>
        </message>
        <message>
            <source>New &amp;chat</source>
            <translation>新しいチャット(&amp;C)</translation>
        </message>
        <message>
            <source>&amp;Profiles…</source>
            <translation>プロファイル(&amp;P)…</translation>
        </message>
        <message>
            <source>&amp;Settings…</source>
            <translation>設定(&amp;S)…</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>終了(&amp;Q)</translation>
        </message>
        <message>
            <source>&amp;Cron</source>
            <translation>定期ジョブ(&amp;C)</translation>
        </message>
        <message>
            <source>&amp;Manage cron jobs…</source>
            <translation>定期ジョブの管理(&amp;M)…</translation>
        </message>
        <message>
            <source>&amp;New cron job</source>
            <translation>新しい定期ジョブ(&amp;N)</translation>
        </message>
        <message>
            <source>{app} — profile {name}</source>
            <translation>{app} — プロファイル {name}</translation>
        </message>
        <message>
            <source>Paused: jobs do not run until you resume</source>
            <translation>一時停止中: 再開するまでジョブは実行されません</translation>
        </message>
    </context>
    <context>
        <name>MissedRuns</name>
        <message>
            <source>Missed — was due {time}</source>
            <translation>未実行 — {time} に実行予定でした</translation>
        </message>
        <message>
            <source>Missed run at {time}</source>
            <translation>{time} の実行は行われませんでした</translation>
        </message>
        <message numerus="yes">
            <source>%n run(s) missed, {span}</source>
            <translation>
                <numerusform>{span} の %n 回の実行が行われませんでした</numerusform>
            </translation>
        </message>
        <message>
            <source>{start}–{end}</source>
            <translation>{start}〜{end}</translation>
        </message>
    </context>
    <context>
        <name>Notifier</name>
        <message numerus="yes">
            <source>%n job(s) failed</source>
            <translation>
                <numerusform>%n 件のジョブが失敗しました</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Notify</name>
        <message>
            <source>{title} (profile {profile})</source>
            <translation>{title}（プロファイル {profile}）</translation>
        </message>
        <message>
            <source>Cron job failed: {title}</source>
            <translation>定期ジョブが失敗しました: {title}</translation>
        </message>
        <message>
            <source>Cron job finished: {title}</source>
            <translation>定期ジョブが完了しました: {title}</translation>
        </message>
        <message>
            <source>It was due {when} and did not run. One-shot jobs do not run late; edit the job to give it a new time.</source>
            <translation>{when} に実行予定でしたが、実行されませんでした。1 回限りのジョブは遅れて実行されません。ジョブを編集して新しい時刻を設定してください。</translation>
        </message>
        <message>
            <source>Cron job missed: {title}</source>
            <translation>定期ジョブが実行されませんでした: {title}</translation>
        </message>
    </context>
    <context>
        <name>Problems</name>
        <message>
            <source>check the API key</source>
            <translation>API キーを確認してください</translation>
        </message>
        <message>
            <source>the key may lack access</source>
            <translation>キーに権限がない可能性があります</translation>
        </message>
        <message>
            <source>check the base URL and model</source>
            <translation>ベース URL とモデルを確認してください</translation>
        </message>
        <message>
            <source>rate limited</source>
            <translation>レート制限中</translation>
        </message>
        <message>
            <source> ({hint})</source>
            <translation>（{hint}）</translation>
        </message>
        <message>
            <source>No such file or folder</source>
            <translation>ファイルまたはフォルダーがありません</translation>
        </message>
        <message>
            <source>Permission denied</source>
            <translation>アクセスが拒否されました</translation>
        </message>
        <message>
            <source>Not permitted</source>
            <translation>許可されていません</translation>
        </message>
        <message>
            <source>The disk is read-only</source>
            <translation>ディスクは読み取り専用です</translation>
        </message>
        <message>
            <source>The disk is full</source>
            <translation>ディスクがいっぱいです</translation>
        </message>
        <message>
            <source>This is a folder, not a file</source>
            <translation>ファイルではなくフォルダーです</translation>
        </message>
        <message>
            <source>A part of the path is not a folder</source>
            <translation>パスの途中がフォルダーではありません</translation>
        </message>
        <message>
            <source>It already exists</source>
            <translation>すでに存在します</translation>
        </message>
        <message>
            <source>{reason}: {path}</source>
            <translation>{reason}: {path}</translation>
        </message>
        <message>
            <source>Script “{name}” is refused: it must be a file inside {folder}.</source>
            <translation>スクリプト「{name}」は使えません: {folder} の中のファイルを指定してください。</translation>
        </message>
        <message>
            <source>Script “{name}” is refused: it leads outside {folder}.</source>
            <translation>スクリプト「{name}」は使えません: {folder} の外を指しています。</translation>
        </message>
        <message>
            <source>Script “{name}” was not found in {folder}.</source>
            <translation>スクリプト「{name}」が {folder} に見つかりません。</translation>
        </message>
        <message>
            <source>Could not start {name}: {detail}</source>
            <translation>{name} を起動できませんでした: {detail}</translation>
        </message>
        <message>
            <source>{name} was stopped after {seconds} s (the job timeout).</source>
            <translation>{name} はジョブのタイムアウト（{seconds} 秒）で停止されました。</translation>
        </message>
        <message>
            <source>{name} was stopped after {seconds} s (the job timeout), along with the {count} processes it started.</source>
            <translation>{name} はジョブのタイムアウト（{seconds} 秒）で停止されました。起動していた {count} 個のプロセスも停止しました。</translation>
        </message>
        <message>
            <source>{name} was stopped because the app was closing.</source>
            <translation>アプリの終了に伴い {name} を停止しました。</translation>
        </message>
        <message>
            <source>{name} was stopped because the app was closing, along with the {count} processes it started.</source>
            <translation>アプリの終了に伴い {name} と、それが起動した {count} 個のプロセスを停止しました。</translation>
        </message>
        <message>
            <source>{name} ended, but its exit status was lost.</source>
            <translation>{name} は終了しましたが、終了コードを取得できませんでした。</translation>
        </message>
        <message>
            <source>{name} ended, but its exit status was lost; the {count} processes it left running were stopped.</source>
            <translation>{name} は終了しましたが、終了コードを取得できませんでした。残っていた {count} 個のプロセスは停止しました。</translation>
        </message>
        <message>
            <source>{name} exited with code {code}.</source>
            <translation>{name} が終了コード {code} で終了しました。</translation>
        </message>
        <message>
            <source>{name} exited with code {code}:</source>
            <translation>{name} が終了コード {code} で終了しました:</translation>
        </message>
        <message>
            <source>{name} exited with code {code}; the {count} processes it left running were stopped.</source>
            <translation>{name} が終了コード {code} で終了しました。残っていた {count} 個のプロセスは停止しました。</translation>
        </message>
        <message>
            <source>{name} exited with code {code}; the {count} processes it left running were stopped:</source>
            <translation>{name} が終了コード {code} で終了しました。残っていた {count} 個のプロセスは停止しました:</translation>
        </message>
        <message>
            <source>No model endpoint is set up: set one in Settings.</source>
            <translation>モデルのエンドポイントが設定されていません。設定で指定してください。</translation>
        </message>
        <message>
            <source>The model endpoint {url} did not answer within {seconds} s.</source>
            <translation>モデルのエンドポイント {url} から {seconds} 秒以内に応答がありませんでした。</translation>
        </message>
        <message>
            <source>The request to the model was stopped because the app was closing.</source>
            <translation>アプリの終了に伴い、モデルへのリクエストを中止しました。</translation>
        </message>
        <message>
            <source>Could not reach the model endpoint {url}: {detail}</source>
            <translation>モデルのエンドポイント {url} に接続できませんでした: {detail}</translation>
        </message>
        <message>
            <source>The model endpoint answered HTTP {status}{hint}: {detail}</source>
            <translation>モデルのエンドポイントが HTTP {status} を返しました{hint}: {detail}</translation>
        </message>
        <message>
            <source>The model endpoint sent a reply that is not a chat completion.</source>
            <translation>モデルのエンドポイントからの応答がチャット補完の形式ではありません。</translation>
        </message>
        <message>
            <source>The model endpoint's reply has no text.</source>
            <translation>モデルのエンドポイントからの応答に本文がありません。</translation>
        </message>
        <message>
            <source>Unexpected error: {detail}</source>
            <translation>予期しないエラー: {detail}</translation>
        </message>
        <message>
            <source>Run failed: {detail}</source>
            <translation>実行に失敗しました: {detail}</translation>
        </message>
        <message>
            <source>The run started {at} by {owner} did not finish (its process ended or its lease ran out).</source>
            <translation>{at} に {owner} が開始した実行は完了しませんでした（プロセスが終了したか、実行権の期限が切れました）。</translation>
        </message>
        <message>
            <source>This run was interrupted: {detail}</source>
            <translation>この実行は中断されました: {detail}</translation>
        </message>
        <message>
            <source>its process ended.</source>
            <translation>プロセスが終了しました。</translation>
        </message>
        <message>
            <source>This run's transcript could not be finished at the time (state.db was busy); it was ended later.</source>
            <translation>state.db が使用中だったため、この実行の記録はその場で完了できず、後で完了しました。</translation>
        </message>
        <message>
            <source>Missed: this one-shot was due {due} and did not run, because neither the app nor Hermes was running. One-shots do not run late; edit the job to set a new time.</source>
            <translation>実行されず: この 1 回限りのジョブは {due} に実行予定でしたが、アプリも Hermes も動いていなかったため実行されませんでした。1 回限りのジョブは遅れて実行されません。ジョブを編集して新しい時刻を設定してください。</translation>
        </message>
        <message>
            <source>{runs} scheduled runs from {first} to {last} did not run, because neither the app nor Hermes was running. The job ran once when they came back, and its schedule moved on.</source>
            <translation>{first}〜{last} の {runs} 回の実行は、アプリも Hermes も動いていなかったため実行されませんでした。再開時にジョブを 1 回実行し、スケジュールを先に進めました。</translation>
        </message>
        <message>
            <source>{runs} scheduled runs from {first} to {last} did not run: jobs were checked {late} s late, so the job ran once for them and its schedule moved on.</source>
            <translation>{first}〜{last} の {runs} 回の実行は行われませんでした。ジョブの確認が {late} 秒遅れたため、まとめて 1 回実行し、スケジュールを先に進めました。</translation>
        </message>
        <message>
            <source>This run was due {due} and ran {late} s late, because neither the app nor Hermes was running. {runs} scheduled runs up to now were folded into this one run.</source>
            <translation>この実行は {due} の予定でしたが、アプリも Hermes も動いていなかったため {late} 秒遅れて実行されました。ここまでの {runs} 回分をこの 1 回にまとめました。</translation>
        </message>
        <message>
            <source>Another program has held {path} for over {seconds} s; nothing was changed. Try again in a moment.</source>
            <translation>別のプログラムが {path} を {seconds} 秒以上ロックしているため、何も変更していません。少し待ってからもう一度お試しください。</translation>
        </message>
        <message>
            <source>The Hermes home is read-only here ({folder}); jobs can be listed but not added, changed, run or ticked.</source>
            <translation>Hermes のホーム（{folder}）は読み取り専用です。ジョブの一覧は見られますが、追加・変更・実行はできません。</translation>
        </message>
        <message>
            <source>The Hermes home is read-only here ({folder}); nothing was changed.</source>
            <translation>Hermes のホーム（{folder}）は読み取り専用のため、何も変更していません。</translation>
        </message>
        <message>
            <source>{path} is a folder, not a lock file; move it away so jobs can be changed and run.</source>
            <translation>{path} はロックファイルではなくフォルダーです。ジョブを変更・実行できるよう、別の場所へ移動してください。</translation>
        </message>
        <message>
            <source>Cannot take the lock {path}: {detail}.</source>
            <translation>ロック {path} を取得できません: {detail}</translation>
        </message>
        <message>
            <source>The disk is full; {path} was left as it was.</source>
            <translation>ディスクがいっぱいです。{path} は変更していません。</translation>
        </message>
        <message>
            <source>Cannot write {path}: {detail}; it was left as it was.</source>
            <translation>{path} に書き込めません（{detail}）。ファイルは変更していません。</translation>
        </message>
        <message>
            <source>Cannot read {path}: {detail}</source>
            <translation>{path} を読み込めません: {detail}</translation>
        </message>
        <message>
            <source>{path} is not UTF-8 text (byte {byte}); fix it or move it away.</source>
            <translation>{path} は UTF-8 のテキストではありません（{byte} バイト目）。修正するか、別の場所へ移動してください。</translation>
        </message>
        <message>
            <source>{path} is not valid JSON (line {line}, column {column}); it was left untouched. Fix it or move it away.</source>
            <translation>{path} は正しい JSON ではありません（{line} 行 {column} 列）。ファイルには手を加えていません。修正するか、別の場所へ移動してください。</translation>
        </message>
        <message>
            <source>{path} is nested too deeply to be a jobs file; it was left untouched.</source>
            <translation>{path} は入れ子が深すぎてジョブファイルとして読めません。ファイルには手を加えていません。</translation>
        </message>
        <message>
            <source>{path} cannot be read as a jobs file; it was left untouched.</source>
            <translation>{path} はジョブファイルとして読み込めません。ファイルには手を加えていません。</translation>
        </message>
        <message>
            <source>{path} holds no list of jobs; it was left untouched.</source>
            <translation>{path} にジョブの一覧がありません。ファイルには手を加えていません。</translation>
        </message>
        <message>
            <source>There is no job with the id or name “{ref}”; it may have been deleted.</source>
            <translation>ID または名前が「{ref}」のジョブはありません。削除された可能性があります。</translation>
        </message>
        <message>
            <source>This job has completed; there is nothing to pause.</source>
            <translation>このジョブは完了しているため、一時停止するものはありません。</translation>
        </message>
        <message>
            <source>{path} cannot be read, so it was not overwritten. Fix it or move it away.</source>
            <translation>{path} を読み込めないため、上書きしていません。修正するか、別の場所へ移動してください。</translation>
        </message>
        <message>
            <source>{path} stayed locked by another program for {seconds} s ({attempts} attempts), so the change was not saved.</source>
            <translation>{path} が別のプログラムに {seconds} 秒間（{attempts} 回試行）ロックされていたため、変更を保存できませんでした。</translation>
        </message>
    </context>
    <context>
        <name>ProfilesWindow</name>
        <message>
            <source>Profiles</source>
            <translation>プロファイル</translation>
        </message>
        <message>
            <source>New profile</source>
            <translation>新しいプロファイル</translation>
        </message>
        <message>
            <source>Switch to this profile</source>
            <translation>このプロファイルに切り替える</translation>
        </message>
        <message>
            <source>default</source>
            <translation>既定</translation>
        </message>
        <message>
            <source>{name} (active)</source>
            <translation>{name}（使用中）</translation>
        </message>
        <message>
            <source>Counting…</source>
            <translation>数えています…</translation>
        </message>
        <message numerus="yes">
            <source>%n session(s)</source>
            <translation>
                <numerusform>%n 件のセッション</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n job(s)</source>
            <translation>
                <numerusform>%n 件のジョブ</numerusform>
            </translation>
        </message>
        <message>
            <source>Jobs run by: {who}</source>
            <translation>ジョブの実行: {who}</translation>
        </message>
        <message>
            <source>Use letters, digits, dots, dashes or underscores (not “default”).</source>
            <translation>英字・数字・ドット・ハイフン・アンダースコアが使えます（「default」以外）。</translation>
        </message>
        <message>
            <source>A profile named “{name}” exists already.</source>
            <translation>「{name}」という名前のプロファイルはすでにあります。</translation>
        </message>
        <message>
            <source>Name of the new profile:</source>
            <translation>新しいプロファイルの名前:</translation>
        </message>
    </context>
    <context>
        <name>RenameDialog</name>
        <message>
            <source>Rename session</source>
            <translation>セッション名を変更</translation>
        </message>
        <message>
            <source>New title for “{title}”:</source>
            <translation>「{title}」の新しいタイトル:</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>タイトル</translation>
        </message>
        <message>
            <source>Empty: the list shows the first message</source>
            <translation>空欄にすると、一覧には最初のメッセージが表示されます</translation>
        </message>
        <message>
            <source>Rename</source>
            <translation>名前を変更</translation>
        </message>
        <message>
            <source>That title is too long: {length} characters, at most {limit}.</source>
            <translation>タイトルが長すぎます（{length} 文字、最大 {limit} 文字）。</translation>
        </message>
        <message>
            <source>Another session already has the title “{title}”. Titles are unique, as in Hermes.</source>
            <translation>「{title}」というタイトルのセッションがすでにあります。Hermes と同じく、タイトルは重複できません。</translation>
        </message>
        <message>
            <source>This session no longer exists.</source>
            <translation>このセッションはもう存在しません。</translation>
        </message>
        <message>
            <source>Could not rename: {reason}</source>
            <translation>名前を変更できませんでした: {reason}</translation>
        </message>
    </context>
    <context>
        <name>RunHistory</name>
        <message>
            <source>Scheduled</source>
            <translation>スケジュール通り</translation>
        </message>
        <message>
            <source>Run now</source>
            <translation>今すぐ実行</translation>
        </message>
        <message>
            <source>Catch-up</source>
            <translation>遅れて実行</translation>
        </message>
        <message>
            <source>Missed</source>
            <translation>未実行</translation>
        </message>
        <message>
            <source>Started at a time the schedule names.</source>
            <translation>スケジュールどおりの時刻に開始しました。</translation>
        </message>
        <message>
            <source>Started when no run was due: most likely Run now (a late catch-up of a single run looks the same).</source>
            <translation>予定のない時刻に開始しました。おそらく「今すぐ実行」です（1 回分だけ遅れて実行した場合も同じように見えます）。</translation>
        </message>
        <message>
            <source>Started late, right after missed runs: the app or Hermes came back and ran the job once.</source>
            <translation>実行されなかった回の直後に遅れて開始しました。アプリか Hermes が再開し、ジョブを 1 回実行しました。</translation>
        </message>
        <message>
            <source>Nothing was running jobs at these times, so these runs did not happen.</source>
            <translation>この時間帯はジョブを実行するものが動いていなかったため、これらの実行は行われませんでした。</translation>
        </message>
        <message>
            <source>How this run started is not recorded (Run now moves an interval job's times).</source>
            <translation>この実行がどのように開始されたかは記録されていません（「今すぐ実行」は間隔ジョブの時刻をずらします）。</translation>
        </message>
        <message>
            <source>{m} min {s} s</source>
            <translation>{m} 分 {s} 秒</translation>
        </message>
        <message>
            <source>{h} h {m} min</source>
            <translation>{h} 時間 {m} 分</translation>
        </message>
        <message>
            <source>Run history</source>
            <translation>実行履歴</translation>
        </message>
    </context>
    <context>
        <name>RunPeek</name>
        <message>
            <source>Recent runs</source>
            <translation>最近の実行</translation>
        </message>
        <message>
            <source>No runs yet</source>
            <translation>まだ実行されていません</translation>
        </message>
    </context>
    <context>
        <name>Runner</name>
        <message>
            <source>Hermes was not found at {path}. Prompt jobs fail until the path in Settings is fixed or cleared.</source>
            <translation>{path} に Hermes が見つかりません。設定のパスを直すか空にするまで、プロンプトのジョブは失敗します。</translation>
        </message>
        <message>
            <source>{path} is a folder, not the hermes program. Prompt jobs fail until the path in Settings is fixed or cleared.</source>
            <translation>{path} はフォルダーで、hermes プログラムではありません。設定のパスを直すか空にするまで、プロンプトのジョブは失敗します。</translation>
        </message>
        <message>
            <source>{path} is not hermes-agent's hermes program. Prompt jobs fail until the path in Settings is fixed or cleared.</source>
            <translation>{path} は hermes-agent の hermes プログラムではありません。設定のパスを直すか空にするまで、プロンプトのジョブは失敗します。</translation>
        </message>
        <message>
            <source>No Hermes found: prompt jobs use the built-in runner and the endpoint below.</source>
            <translation>Hermes が見つかりません。プロンプトのジョブは内蔵の実行機能と下のエンドポイントで実行します。</translation>
        </message>
        <message>
            <source>Prompt jobs run with Hermes {version} ({path}).</source>
            <translation>プロンプトのジョブは Hermes {version}（{path}）で実行します。</translation>
        </message>
        <message>
            <source>Prompt jobs run with Hermes ({path}); its version could not be read.</source>
            <translation>プロンプトのジョブは Hermes（{path}）で実行します。バージョンは読み取れませんでした。</translation>
        </message>
        <message>
            <source>This app (a script job)</source>
            <translation>このアプリ（スクリプトのジョブ）</translation>
        </message>
        <message>
            <source>The built-in runner (OpenAI-compatible endpoint)</source>
            <translation>内蔵の実行機能（OpenAI 互換エンドポイント）</translation>
        </message>
        <message>
            <source>Hermes {version} ({path})</source>
            <translation>Hermes {version}（{path}）</translation>
        </message>
        <message>
            <source>Hermes ({path})</source>
            <translation>Hermes（{path}）</translation>
        </message>
    </context>
    <context>
        <name>Runs</name>
        <message>
            <source>{seconds:.1f} s</source>
            <translation>{seconds:.1f} 秒</translation>
        </message>
    </context>
    <context>
        <name>Schedule</name>
        <message numerus="yes">
            <source>Every %n day(s)</source>
            <translation>
                <numerusform>%n 日ごと</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Every %n hour(s)</source>
            <translation>
                <numerusform>%n 時間ごと</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Every %n minute(s)</source>
            <translation>
                <numerusform>%n 分ごと</numerusform>
            </translation>
        </message>
        <message>
            <source>Once (the time is unreadable)</source>
            <translation>1 回のみ（日時を読み取れません）</translation>
        </message>
        <message>
            <source>Once, on {when}</source>
            <translation>1 回のみ、{when}</translation>
        </message>
        <message>
            <source>Every hour at {minute} minutes past</source>
            <translation>毎時 {minute} 分</translation>
        </message>
        <message numerus="yes">
            <source>Every %n hour(s), at {minute} minutes past the hour</source>
            <translation>
                <numerusform>%n 時間ごと、{minute} 分</numerusform>
            </translation>
        </message>
        <message>
            <source>Every day at {time}</source>
            <translation>毎日 {time}</translation>
        </message>
        <message>
            <source>Weekdays (Monday to Friday) at {time}</source>
            <translation>平日（月〜金）{time}</translation>
        </message>
        <message>
            <source>Weekends at {time}</source>
            <translation>週末 {time}</translation>
        </message>
        <message>
            <source>Every {days} at {time}</source>
            <translation>毎週{days} {time}</translation>
        </message>
        <message>
            <source>Monthly on day {day} at {time}</source>
            <translation>毎月 {day} 日 {time}</translation>
        </message>
        <message>
            <source>Every year on {month} {day} at {time}</source>
            <translation>毎年 {month}{day}日 {time}</translation>
        </message>
        <message>
            <source>Cron schedule {expr}</source>
            <translation>cron 式 {expr}</translation>
        </message>
    </context>
    <context>
        <name>ScheduleError</name>
        <message>
            <source>The schedule is empty.</source>
            <translation>スケジュールが空です。</translation>
        </message>
        <message>
            <source>The schedule is too long (at most 200 characters).</source>
            <translation>スケジュールが長すぎます（200 文字まで）。</translation>
        </message>
        <message>
            <source>This is not a valid cron expression: it needs 5 fields, each in range.</source>
            <translation>有効な cron 式ではありません。範囲内の値を持つ 5 つのフィールドが必要です。</translation>
        </message>
        <message>
            <source>This cron expression never occurs: no calendar date matches it.</source>
            <translation>この cron 式は実行されることがありません。一致する日付がありません。</translation>
        </message>
        <message>
            <source>An interval must be a whole number of minutes, hours or days, at least 1 minute.</source>
            <translation>間隔は分・時間・日の整数で、1 分以上にしてください。</translation>
        </message>
        <message>
            <source>That is not a time of day or a date and time this app can read.</source>
            <translation>このアプリが読み取れる時刻や日時ではありません。</translation>
        </message>
        <message>
            <source>That time has already passed.</source>
            <translation>その時刻はもう過ぎています。</translation>
        </message>
        <message>
            <source>That is more than 100 years from now.</source>
            <translation>100 年以上先の時刻です。</translation>
        </message>
        <message>
            <source>This is not a schedule this app understands.</source>
            <translation>このアプリが理解できるスケジュールではありません。</translation>
        </message>
        <message>
            <source>The stored schedule is damaged.</source>
            <translation>保存されているスケジュールが壊れています。</translation>
        </message>
        <message>
            <source>Say at what time it runs, like “every day at 9:00”.</source>
            <translation>実行する時刻も指定してください（例: 「毎日 9:00」）。</translation>
        </message>
        <message>
            <source>That hour can be read two ways; write it from 0 to 23, like 0:00 or 12:00.</source>
            <translation>その時刻は二通りに読めます。0〜23 時で書いてください（例: 0:00、12:00）。</translation>
        </message>
        <message>
            <source>Forms that work: every 30m · 2h · in 20m · 2026-02-03T14:00 · 0 9 * * 1-5 · @daily · weekdays at 9am · every monday 9am</source>
            <translation>使える書き方: 毎日 9:00 · 平日 9時 · 毎週月曜 8:30 · 毎月1日 9時 · 30分ごと · 2時間ごと · every 30m · in 20m · 0 9 * * 1-5 · 2026-02-03T14:00</translation>
        </message>
    </context>
    <context>
        <name>SessionActions</name>
        <message>
            <source>Rename…</source>
            <translation>名前を変更…</translation>
        </message>
        <message>
            <source>Export as Markdown…</source>
            <translation>Markdown として書き出す…</translation>
        </message>
        <message>
            <source>Copy as Markdown</source>
            <translation>Markdown としてコピー</translation>
        </message>
        <message>
            <source>Delete…</source>
            <translation>削除…</translation>
        </message>
        <message>
            <source>&amp;Session</source>
            <translation>セッション(&amp;S)</translation>
        </message>
        <message>
            <source>Could not read “{title}”: {reason}</source>
            <translation>「{title}」を読み込めませんでした: {reason}</translation>
        </message>
        <message>
            <source>“{title}” no longer exists; another program deleted it.</source>
            <translation>「{title}」はもう存在しません。別のプログラムによって削除されました。</translation>
        </message>
        <message>
            <source>Session</source>
            <translation>セッション</translation>
        </message>
        <message>
            <source>Delete session</source>
            <translation>セッションの削除</translation>
        </message>
        <message numerus="yes">
            <source>Delete “{title}” and its %n message(s) for good?</source>
            <translation>
                <numerusform>「{title}」と %n 件のメッセージを完全に削除しますか？</numerusform>
            </translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>削除</translation>
        </message>
        <message>
            <source>Hermes is still replying in “{title}”. Stop the reply, then delete it.</source>
            <translation>Hermes は「{title}」でまだ返信中です。返信を停止してから削除してください。</translation>
        </message>
        <message>
            <source>“{title}” is still running. Delete it once it has finished.</source>
            <translation>「{title}」はまだ実行中です。終了してから削除してください。</translation>
        </message>
        <message>
            <source>Could not delete “{title}”: {reason}</source>
            <translation>「{title}」を削除できませんでした: {reason}</translation>
        </message>
        <message>
            <source>Started</source>
            <translation>開始</translation>
        </message>
        <message>
            <source>Source</source>
            <translation>ソース</translation>
        </message>
        <message>
            <source>Untitled session</source>
            <translation>無題のセッション</translation>
        </message>
        <message>
            <source>No messages.</source>
            <translation>メッセージはありません。</translation>
        </message>
        <message>
            <source>Export as Markdown</source>
            <translation>Markdown として書き出す</translation>
        </message>
        <message>
            <source>Markdown (*.md);;All files (*)</source>
            <translation>Markdown (*.md);;すべてのファイル (*)</translation>
        </message>
        <message>
            <source>{path} is not a regular file; choose a file name.</source>
            <translation>{path} は通常のファイルではありません。ファイル名を指定してください。</translation>
        </message>
        <message>
            <source>{path} is one of the Hermes home's own files; choose another name.</source>
            <translation>{path} は Hermes のホームのファイルです。別の名前を指定してください。</translation>
        </message>
        <message>
            <source>the folder {path} does not exist.</source>
            <translation>フォルダー {path} がありません。</translation>
        </message>
        <message>
            <source>Could not export “{title}”: {reason}</source>
            <translation>「{title}」を書き出せませんでした: {reason}</translation>
        </message>
        <message>
            <source>Exported “{title}” to {path}</source>
            <translation>「{title}」を {path} に書き出しました</translation>
        </message>
        <message>
            <source>Could not copy “{title}”: {reason}</source>
            <translation>「{title}」をコピーできませんでした: {reason}</translation>
        </message>
        <message>
            <source>Copied “{title}” as Markdown</source>
            <translation>「{title}」を Markdown としてコピーしました</translation>
        </message>
    </context>
    <context>
        <name>SessionSearchBox</name>
        <message>
            <source>Search conversations</source>
            <translation>会話を検索</translation>
        </message>
        <message>
            <source>Words, "a phrase" or a prefix*; Chinese and Japanese match anywhere. Enter opens the best match, Escape clears.</source>
            <translation>単語、"フレーズ"、または前方一致*で検索します。中国語と日本語は文中のどこでも一致します。Enter で最も一致する会話を開き、Esc で消去します。</translation>
        </message>
        <message>
            <source>Include cron runs</source>
            <translation>定期ジョブの実行も含める</translation>
        </message>
        <message>
            <source>Search results</source>
            <translation>検索結果</translation>
        </message>
        <message>
            <source>The search failed: {error}</source>
            <translation>検索に失敗しました: {error}</translation>
        </message>
        <message>
            <source>Type a word to search for.</source>
            <translation>検索する語を入力してください。</translation>
        </message>
        <message>
            <source>No conversation matches “{query}”</source>
            <translation>「{query}」に一致する会話はありません</translation>
        </message>
        <message>
            <source>Older conversations may match too: the search stopped early.</source>
            <translation>検索を途中で打ち切りました。これより古い会話にも一致するものがあるかもしれません。</translation>
        </message>
        <message numerus="yes">
            <source>Searched the newest %n message(s) only.</source>
            <translation>
                <numerusform>最新の %n 件のメッセージのみを検索しました。</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Sessions</name>
        <message>
            <source>Loading…</source>
            <translation>読み込み中…</translation>
        </message>
        <message>
            <source>Untitled session</source>
            <translation>無題のセッション</translation>
        </message>
    </context>
    <context>
        <name>SettingsWindow</name>
        <message>
            <source>Settings</source>
            <translation>設定</translation>
        </message>
        <message>
            <source>General</source>
            <translation>一般</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>言語</translation>
        </message>
        <message>
            <source>System</source>
            <translation>システムに合わせる</translation>
        </message>
        <message>
            <source>&amp;Language</source>
            <translation>言語(&amp;L)</translation>
        </message>
        <message>
            <source>The new language shows the next time Hermes Desktop starts.</source>
            <translation>新しい言語は Hermes Desktop の次回起動時に反映されます。</translation>
        </message>
        <message>
            <source>Appearance</source>
            <translation>外観</translation>
        </message>
        <message>
            <source>Follow the system</source>
            <translation>システムに合わせる</translation>
        </message>
        <message>
            <source>Light</source>
            <translation>ライト</translation>
        </message>
        <message>
            <source>Dark</source>
            <translation>ダーク</translation>
        </message>
        <message>
            <source>&amp;Appearance</source>
            <translation>外観(&amp;A)</translation>
        </message>
        <message>
            <source>Run scheduled jobs while the app is open</source>
            <translation>アプリを開いている間、定期ジョブを実行する</translation>
        </message>
        <message>
            <source>Run the jobs of every profile, not only the one on screen</source>
            <translation>表示中のプロファイルだけでなく、すべてのプロファイルのジョブを実行する</translation>
        </message>
        <message>
            <source>Notify when any run finishes</source>
            <translation>実行が終わるたびに通知する</translation>
        </message>
        <message>
            <source>Start Hermes Desktop when I log in</source>
            <translation>ログイン時に Hermes Desktop を起動する</translation>
        </message>
        <message>
            <source>Hermes</source>
            <translation>Hermes</translation>
        </message>
        <message>
            <source>Looking for Hermes…</source>
            <translation>Hermes を探しています…</translation>
        </message>
        <message>
            <source>Find automatically</source>
            <translation>自動で探す</translation>
        </message>
        <message>
            <source>Hermes program</source>
            <translation>Hermes のプログラム</translation>
        </message>
        <message>
            <source>Browse…</source>
            <translation>参照…</translation>
        </message>
        <message>
            <source>Choose the hermes program</source>
            <translation>hermes プログラムを選ぶ</translation>
        </message>
        <message>
            <source>&amp;Program</source>
            <translation>プログラム(&amp;P)</translation>
        </message>
        <message>
            <source>Agent endpoint (OpenAI-compatible)</source>
            <translation>エージェントのエンドポイント（OpenAI 互換）</translation>
        </message>
        <message>
            <source>Base URL</source>
            <translation>ベース URL</translation>
        </message>
        <message>
            <source>Model</source>
            <translation>モデル</translation>
        </message>
        <message>
            <source>API key</source>
            <translation>API キー</translation>
        </message>
        <message>
            <source>Stored in the home, readable by you only</source>
            <translation>ホームに保存され、あなただけが読めます</translation>
        </message>
        <message>
            <source>Show</source>
            <translation>表示</translation>
        </message>
        <message>
            <source>Show the API key</source>
            <translation>API キーを表示</translation>
        </message>
        <message>
            <source>&amp;Base URL</source>
            <translation>ベース URL(&amp;B)</translation>
        </message>
        <message>
            <source>&amp;Model</source>
            <translation>モデル(&amp;M)</translation>
        </message>
        <message>
            <source>API &amp;key</source>
            <translation>API キー(&amp;K)</translation>
        </message>
        <message>
            <source>Runs</source>
            <translation>実行</translation>
        </message>
        <message>
            <source>Keep all</source>
            <translation>すべて保持</translation>
        </message>
        <message>
            <source>Runs kept per job</source>
            <translation>ジョブごとに保持する実行数</translation>
        </message>
        <message>
            <source>Never</source>
            <translation>しない</translation>
        </message>
        <message>
            <source> days</source>
            <translation> 日</translation>
        </message>
        <message>
            <source>Delete runs older than</source>
            <translation>これより古い実行を削除</translation>
        </message>
        <message>
            <source> min</source>
            <translation> 分</translation>
        </message>
        <message>
            <source>Job timeout</source>
            <translation>ジョブのタイムアウト</translation>
        </message>
        <message>
            <source>Keep the newest runs of each job</source>
            <translation>ジョブごとに保持する最新の実行</translation>
        </message>
        <message>
            <source>Stop a run after</source>
            <translation>実行を打ち切るまでの時間</translation>
        </message>
        <message>
            <source>Start at login not changed: {reason}</source>
            <translation>ログイン時の起動を変更できませんでした: {reason}</translation>
        </message>
        <message>
            <source>Hide</source>
            <translation>隠す</translation>
        </message>
        <message>
            <source>Hide the API key</source>
            <translation>API キーを隠す</translation>
        </message>
        <message>
            <source>This API key has a space, line break or control character in it, so it was not saved. Paste it again as one line.</source>
            <translation>この API キーには空白・改行・制御文字が含まれているため、保存しませんでした。1 行で貼り付け直してください。</translation>
        </message>
        <message>
            <source>This API key has characters that cannot go in a request header, so it was not saved. Paste it again.</source>
            <translation>この API キーにはリクエストヘッダーに入れられない文字が含まれているため、保存しませんでした。もう一度貼り付けてください。</translation>
        </message>
        <message>
            <source>Settings not saved: {reason}</source>
            <translation>設定を保存できませんでした: {reason}</translation>
        </message>
        <message>
            <source>unknown error</source>
            <translation>不明なエラー</translation>
        </message>
    </context>
    <context>
        <name>Sidebar</name>
        <message>
            <source>Sessions</source>
            <translation>セッション</translation>
        </message>
        <message>
            <source>No conversations yet. Chats you have with Hermes show up here.</source>
            <translation>まだ会話はありません。Hermes との会話がここに表示されます。</translation>
        </message>
        <message numerus="yes">
            <source>%n session(s)</source>
            <translation>
                <numerusform>%n 件のセッション</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>StartMenu</name>
        <message>
            <source>Blank</source>
            <translation>空白から</translation>
        </message>
        <message>
            <source>From blueprint</source>
            <translation>ブループリントから</translation>
        </message>
        <message>
            <source>Duplicate the selected job</source>
            <translation>選択したジョブを複製</translation>
        </message>
        <message>
            <source>Select a job first.</source>
            <translation>先にジョブを選択してください。</translation>
        </message>
        <message>
            <source>Cron job</source>
            <translation>定期ジョブ</translation>
        </message>
        <message>
            <source>Duplicate “{title}”</source>
            <translation>「{title}」を複製</translation>
        </message>
        <message>
            <source>{name} (copy)</source>
            <translation>{name}（コピー）</translation>
        </message>
        <message>
            <source>Reading Hermes' blueprints…</source>
            <translation>Hermes のブループリントを読み込み中…</translation>
        </message>
        <message>
            <source>No blueprints: Hermes is not installed here</source>
            <translation>ブループリントなし: Hermes がインストールされていません</translation>
        </message>
    </context>
    <context>
        <name>State</name>
        <message>
            <source>Scheduled</source>
            <translation>予約済み</translation>
        </message>
        <message>
            <source>Running</source>
            <translation>実行中</translation>
        </message>
        <message>
            <source>Paused</source>
            <translation>一時停止中</translation>
        </message>
        <message>
            <source>Error</source>
            <translation>エラー</translation>
        </message>
        <message>
            <source>Completed</source>
            <translation>完了</translation>
        </message>
        <message>
            <source>Disabled</source>
            <translation>無効</translation>
        </message>
        <message>
            <source>Queued</source>
            <translation>待機中</translation>
        </message>
        <message>
            <source>Succeeded</source>
            <translation>成功</translation>
        </message>
        <message>
            <source>Failed</source>
            <translation>失敗</translation>
        </message>
        <message>
            <source>Missed</source>
            <translation>未実行</translation>
        </message>
        <message>
            <source>Outcome unknown</source>
            <translation>結果不明</translation>
        </message>
    </context>
    <context>
        <name>StatusStrip</name>
        <message>
            <source>Last runs</source>
            <translation>最近の実行</translation>
        </message>
        <message>
            <source>{when} · {outcome}</source>
            <translation>{when} · {outcome}</translation>
        </message>
        <message numerus="yes">
            <source>%n run(s) shown, oldest first.</source>
            <translation>
                <numerusform>%n 回分の実行を古い順に表示しています。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n failed.</source>
            <translation>
                <numerusform>%n 回失敗。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n missed.</source>
            <translation>
                <numerusform>%n 回未実行。</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>TalkBack</name>
        <message>
            <source>Hermes is replying… Stop ends the reply and keeps what has arrived.</source>
            <translation>Hermes が返信中です… 「停止」で返信を止めても、届いた分は残ります。</translation>
        </message>
        <message>
            <source>Sending…</source>
            <translation>送信中…</translation>
        </message>
        <message>
            <source>Hermes is replying in another conversation; wait for it or stop it there.</source>
            <translation>Hermes は別の会話で返信中です。終わるまで待つか、その会話で停止してください。</translation>
        </message>
        <message>
            <source>Loading the conversation…</source>
            <translation>会話を読み込み中…</translation>
        </message>
        <message>
            <source>Stopping…</source>
            <translation>停止中…</translation>
        </message>
        <message>
            <source>No model to answer: set a model endpoint in Settings, or install Hermes.</source>
            <translation>応答するモデルがありません。設定でモデルのエンドポイントを指定するか、Hermes をインストールしてください。</translation>
        </message>
        <message>
            <source>The reply failed: {reason}</source>
            <translation>返信に失敗しました: {reason}</translation>
        </message>
        <message>
            <source>The message could not be sent: {reason}</source>
            <translation>メッセージを送信できませんでした: {reason}</translation>
        </message>
    </context>
    <context>
        <name>TranscriptView</name>
        <message>
            <source>Pick a conversation or a cron run on the left to read it here.</source>
            <translation>左の会話か定期ジョブの実行を選ぶと、ここに表示されます。</translation>
        </message>
        <message>
            <source>Transcript</source>
            <translation>会話記録</translation>
        </message>
        <message>
            <source>Untitled session</source>
            <translation>無題のセッション</translation>
        </message>
        <message>
            <source>Started {when}</source>
            <translation>開始 {when}</translation>
        </message>
        <message>
            <source>This run was recorded without a conversation, so it cannot be continued.</source>
            <translation>この実行は会話なしで記録されたため、続けることはできません。</translation>
        </message>
        <message>
            <source>Run of job {job}</source>
            <translation>ジョブ {job} の実行</translation>
        </message>
        <message>
            <source>took {seconds:.1f} s</source>
            <translation>所要 {seconds:.1f} 秒</translation>
        </message>
        <message>
            <source>Hermes run ({source})</source>
            <translation>Hermes による実行（{source}）</translation>
        </message>
        <message>
            <source>No output file was found for this run.</source>
            <translation>この実行の出力ファイルは見つかりませんでした。</translation>
        </message>
        <message>
            <source>This run is still going; you can reply once it has finished.</source>
            <translation>この実行はまだ続いています。終了後に返信できます。</translation>
        </message>
        <message>
            <source>No messages yet.</source>
            <translation>まだメッセージはありません。</translation>
        </message>
        <message numerus="yes">
            <source>%n message(s)</source>
            <translation>
                <numerusform>%n 件のメッセージ</numerusform>
            </translation>
        </message>
        <message>
            <source>Script</source>
            <translation>スクリプト</translation>
        </message>
        <message>
            <source>Job prompt</source>
            <translation>ジョブのプロンプト</translation>
        </message>
        <message>
            <source>Script output</source>
            <translation>スクリプトの出力</translation>
        </message>
        <message>
            <source>Cron delivery</source>
            <translation>定期ジョブの配信</translation>
        </message>
        <message>
            <source>You</source>
            <translation>あなた</translation>
        </message>
        <message>
            <source>Hermes</source>
            <translation>Hermes</translation>
        </message>
        <message>
            <source>System</source>
            <translation>システム</translation>
        </message>
        <message>
            <source>Tool</source>
            <translation>ツール</translation>
        </message>
        <message>
            <source>Output</source>
            <translation>出力</translation>
        </message>
        <message>
            <source>New chat</source>
            <translation>新しいチャット</translation>
        </message>
        <message>
            <source>Your first message starts the conversation.</source>
            <translation>最初のメッセージを送ると会話が始まります。</translation>
        </message>
        <message>
            <source>Copy message</source>
            <translation>メッセージをコピー</translation>
        </message>
        <message>
            <source>Showing the first {shown} characters of {size}.</source>
            <translation>{size} のうち最初の {shown} 文字を表示しています。</translation>
        </message>
        <message>
            <source>Show all</source>
            <translation>すべて表示</translation>
        </message>
    </context>
    <context>
        <name>Tray</name>
        <message>
            <source>Hermes Desktop is still running</source>
            <translation>Hermes Desktop は実行中です</translation>
        </message>
        <message>
            <source>Scheduled jobs keep running. To quit, choose Quit in the tray icon's menu.</source>
            <translation>定期ジョブは引き続き実行されます。終了するには、トレイアイコンのメニューで「終了」を選んでください。</translation>
        </message>
    </context>
    <context>
        <name>WholeMessageWindow</name>
        <message>
            <source>Whole message</source>
            <translation>メッセージ全文</translation>
        </message>
        <message>
            <source>Loading…</source>
            <translation>読み込み中…</translation>
        </message>
        <message>
            <source>Copy all</source>
            <translation>すべてコピー</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>閉じる</translation>
        </message>
    </context>
</TS>
