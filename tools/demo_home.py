"""Make a demo Hermes home (chats, jobs, runs) for screenshots: ``python tools/demo_home.py DIR``."""

from __future__ import annotations

import argparse
import shutil
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from hermes_desktop.core.home import HermesHome
from hermes_desktop.core.jobs import JobStore, apply_run_outcome
from hermes_desktop.core.runner import run_job
from hermes_desktop.core.sessions import SessionStore
from hermes_desktop.core.settings import Settings

CHATS = [
    ("cli", "How do I rotate my SSH keys without locking myself out?",
     "Generate the new key first, add it next to the old one, test a login, then remove the old key:\n\n"
     "```sh\nssh-keygen -t ed25519 -C laptop-2026\nssh-copy-id -i ~/.ssh/id_ed25519.pub server\n```"),
    ("telegram", "What did we decide about the Q3 roadmap?",
     "You agreed to ship **offline mode** first and move the plugin store to Q4."),
    ("desktop", "Draft a reply to Anna about the offsite in March",
     "Hi Anna — March works for us. Could we keep it to two days?"),
    ("cli", "Why is the build slower since Tuesday?",
     "The cache key now includes the commit hash, so every build misses the cache."),
    ("discord", "Summarise the release notes of v0.19",
     "- cron jobs fire from the desktop app\n- faster run history\n- retention settings"),
]

# What a user of each language would have typed: chats and job names are the user's own words.
CHATS_IN = {
    "ja": [
        ("cli", "締め出されずに SSH 鍵を入れ替えるには？",
         "まず新しい鍵を作って古い鍵の隣に追加し、ログインを確かめてから古い鍵を消します：\n\n"
         "```sh\nssh-keygen -t ed25519 -C laptop-2026\nssh-copy-id -i ~/.ssh/id_ed25519.pub server\n```"),
        ("telegram", "第3四半期のロードマップはどう決めたっけ？",
         "**オフラインモード**を先に出し、プラグインストアは第4四半期に回すことで合意しました。"),
        ("desktop", "3月の合宿についてアンナさんへの返信を下書きして",
         "アンナさん、3月で大丈夫です。2日間に収められますか？"),
        ("cli", "火曜日からビルドが遅いのはなぜ？",
         "キャッシュキーにコミットハッシュが入るようになり、毎回キャッシュが外れています。"),
        ("discord", "v0.19 のリリースノートを要約して",
         "- デスクトップアプリから cron ジョブを実行\n- 実行履歴の高速化\n- 保持期間の設定"),
    ],
    "zh_Hans": [
        ("cli", "怎样轮换 SSH 密钥而不把自己锁在外面？",
         "先生成新密钥并加在旧密钥旁边，测试能否登录，再删除旧密钥：\n\n"
         "```sh\nssh-keygen -t ed25519 -C laptop-2026\nssh-copy-id -i ~/.ssh/id_ed25519.pub server\n```"),
        ("telegram", "第三季度路线图我们是怎么定的？", "大家同意先发布**离线模式**，插件商店推迟到第四季度。"),
        ("desktop", "帮我起草给安娜的回复，关于三月的团建", "安娜你好，三月可以。能控制在两天之内吗？"),
        ("cli", "为什么从周二开始构建变慢了？", "缓存键现在包含提交哈希，所以每次构建都无法命中缓存。"),
        ("discord", "总结一下 v0.19 的发布说明", "- 桌面应用可运行定时任务\n- 运行历史更快\n- 保留期设置"),
    ],
    "zh_Hant": [
        ("cli", "怎樣輪換 SSH 金鑰而不把自己鎖在外面？",
         "先產生新金鑰並加在舊金鑰旁邊，測試能否登入，再刪除舊金鑰：\n\n"
         "```sh\nssh-keygen -t ed25519 -C laptop-2026\nssh-copy-id -i ~/.ssh/id_ed25519.pub server\n```"),
        ("telegram", "第三季路線圖我們是怎麼決定的？", "大家同意先推出**離線模式**，外掛商店延到第四季。"),
        ("desktop", "幫我草擬給安娜的回覆，關於三月的員工旅遊", "安娜你好，三月可以。能控制在兩天之內嗎？"),
        ("cli", "為什麼從週二開始建置變慢了？", "快取鍵現在包含提交雜湊，所以每次建置都無法命中快取。"),
        ("discord", "摘要一下 v0.19 的版本說明", "- 桌面應用程式可執行排程工作\n- 執行紀錄更快\n- 保留期限設定"),
    ],
}

JOB_NAMES = {  # disk watch, nightly backup, inbox summary (a prompt), weekly plan, dentist reminder
    "en": ("Disk space watch", "Nightly backup", "Summarize my inbox and flag anything urgent from my manager",
           "Weekly plan", "Dentist reminder", "Plan my week from the calendar", "Remind me to call the dentist",
           "on holiday"),
    "ja": ("ディスク容量の監視", "夜間バックアップ", "受信トレイを要約して、上司からの急ぎの用件に印を付けて",
           "週間計画", "歯医者のリマインダー", "カレンダーから今週の予定を立てて", "歯医者に電話するよう知らせて",
           "休暇中"),
    "zh_Hans": ("磁盘空间监控", "每晚备份", "总结我的收件箱，并标出经理发来的紧急事项", "每周计划", "牙医提醒",
                "根据日历安排我这一周", "提醒我给牙医打电话", "休假中"),
    "zh_Hant": ("磁碟空間監控", "每晚備份", "摘要我的收件匣，並標出主管寄來的緊急事項", "每週計畫", "牙醫提醒",
                "根據行事曆安排我這一週", "提醒我打電話給牙醫", "休假中"),
}


def build(root: Path, lang: str = "en") -> HermesHome:
    if root.exists():
        shutil.rmtree(root)
    home = HermesHome(root).ensure()
    sessions = SessionStore(home.state_db)
    now = time.time()
    for i, (source, question, answer) in enumerate(CHATS_IN.get(lang, CHATS)):
        sid = f"demo{i}"
        started = now - 3600 * (i * 5 + 1)
        sessions._conn().execute("INSERT INTO sessions (id, source, started_at) VALUES (?, ?, ?)",
                                 (sid, source, started))
        sessions.append_message(sid, "user", question, started)
        sessions.append_message(sid, "assistant", answer, started + 20)
    (home.scripts_dir / "disk.sh").write_text("df -h / | tail -1\n")
    (home.scripts_dir / "backup.sh").write_text("echo 'backup target not mounted' >&2; exit 2\n")
    store = JobStore(home)
    disk_name, backup_name, inbox, weekly, dentist, plan, call, holiday = JOB_NAMES.get(lang, JOB_NAMES["en"])
    disk = store.create("every 15m", script="disk.sh", no_agent=True, name=disk_name)
    backup = store.create("0 2 * * *", script="backup.sh", no_agent=True, name=backup_name)
    store.create("weekdays at 9am", inbox)
    brief = store.create("every monday 8:30am", plan, name=weekly)
    store.pause(brief["id"], holiday)
    store.create("in 45m", call, name=dentist)
    base = datetime.now(UTC) - timedelta(hours=6)
    for k in range(6):
        run_job(home, disk, sessions, Settings(), clock=lambda k=k: base + timedelta(minutes=15 * k))
    result = run_job(home, backup, sessions, Settings(), clock=lambda: base)

    def mark(records: list) -> None:
        for rec in records:
            if rec["id"] == backup["id"]:
                apply_run_outcome(rec, ok=False, error=result.error, ran_at=base, tz=UTC)
            if rec["id"] == disk["id"]:
                apply_run_outcome(rec, ok=True, error=None, ran_at=base + timedelta(minutes=75), tz=UTC)

    store.mutate(mark)
    sessions.close()
    return home


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("dir", type=Path)
    parser.add_argument("--lang", default="en", choices=["en", *CHATS_IN], help="the language of the chats and jobs")
    args = parser.parse_args()
    print(build(args.dir, args.lang).root)
