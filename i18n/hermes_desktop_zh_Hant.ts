<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
    <context>
        <name>Agenda</name>
        <message>
            <source>Today</source>
            <translation>今天</translation>
        </message>
        <message>
            <source>Tomorrow</source>
            <translation>明天</translation>
        </message>
        <message>
            <source>{count} runs</source>
            <translation>{count} 次</translation>
        </message>
        <message>
            <source>once</source>
            <translation>僅一次</translation>
        </message>
        <message>
            <source>paused</source>
            <translation>已暫停</translation>
        </message>
        <message>
            <source>Daylight saving time: the clocks change before this run, from {old} to {new}.</source>
            <translation>夏令時間：此次執行前時鐘將從 {old} 調整為 {new}。</translation>
        </message>
        <message>
            <source>and %n more</source>
            <translation>還有 %n 項</translation>
        </message>
        <message>
            <source>DST</source>
            <translation>夏令時間</translation>
        </message>
        <message>
            <source>Paused: this run happens only if the job is resumed.</source>
            <translation>已暫停：只有恢復該任務後才會執行。</translation>
        </message>
    </context>
    <context>
        <name>AgendaPanel</name>
        <message>
            <source>Upcoming</source>
            <translation>即將執行</translation>
        </message>
        <message>
            <source>24 hours</source>
            <translation>24 小時</translation>
        </message>
        <message>
            <source>7 days</source>
            <translation>7 天</translation>
        </message>
        <message>
            <source>Show the next {span}</source>
            <translation>顯示接下來的 {span}</translation>
        </message>
        <message>
            <source>Upcoming runs</source>
            <translation>即將進行的執行</translation>
        </message>
        <message>
            <source>Nothing runs in the next 24 hours.</source>
            <translation>接下來 24 小時內沒有要執行的任務。</translation>
        </message>
        <message>
            <source>Nothing runs in the next 7 days.</source>
            <translation>接下來 7 天內沒有要執行的任務。</translation>
        </message>
        <message numerus="yes">
            <source>%n very frequent job(s) are shown only in part.</source>
            <translation>
                <numerusform>%n 個執行非常頻繁的任務只顯示了一部分。</numerusform>
            </translation>
        </message>
        <message>
            <source>Today: {ran} ran, {failed} failed</source>
            <translation>今天：已執行 {ran} 次，失敗 {failed} 次</translation>
        </message>
        <message>
            <source>next: {title} at {time}</source>
            <translation>下一個：{time} {title}</translation>
        </message>
    </context>
    <context>
        <name>AppContext</name>
        <message>
            <source>Due jobs could not be started: {error}</source>
            <translation>到期的任務無法啟動：{error}</translation>
        </message>
        <message>
            <source>Could not run the job: {error}</source>
            <translation>無法執行任務：{error}</translation>
        </message>
        <message>
            <source>Hermes is running this job right now; it was not started twice.</source>
            <translation>Hermes 正在執行此任務，因此沒有重複啟動。</translation>
        </message>
        <message>
            <source>This job is already running.</source>
            <translation>此任務已在執行。</translation>
        </message>
        <message>
            <source>Another program kept the jobs busy; try again in a moment.</source>
            <translation>另一個程式一直佔用著任務，請稍後再試。</translation>
        </message>
        <message>
            <source>The job is no longer in jobs.json.</source>
            <translation>該任務已不在 jobs.json 中。</translation>
        </message>
        <message>
            <source>This window does not run jobs now.</source>
            <translation>此視窗目前不執行任務。</translation>
        </message>
        <message>
            <source>Could not pause the job: {error}</source>
            <translation>無法暫停任務：{error}</translation>
        </message>
        <message>
            <source>Could not resume the job: {error}</source>
            <translation>無法繼續任務：{error}</translation>
        </message>
        <message>
            <source>Could not delete the job: {error}</source>
            <translation>無法刪除任務：{error}</translation>
        </message>
    </context>
    <context>
        <name>AppTray</name>
        <message>
            <source>Show window</source>
            <translation>顯示視窗</translation>
        </message>
        <message>
            <source>New cron job…</source>
            <translation>新增定時任務…</translation>
        </message>
        <message>
            <source>Settings…</source>
            <translation>設定…</translation>
        </message>
        <message>
            <source>Quit</source>
            <translation>結束</translation>
        </message>
        <message>
            <source>No scheduled runs</source>
            <translation>沒有排定的執行</translation>
        </message>
        <message>
            <source>Next: {title} {when}</source>
            <translation>下次：{title}（{when}）</translation>
        </message>
        <message>
            <source>Hide window</source>
            <translation>隱藏視窗</translation>
        </message>
        <message>
            <source>Resume all jobs</source>
            <translation>繼續所有任務</translation>
        </message>
        <message>
            <source>Pause all jobs</source>
            <translation>暫停所有任務</translation>
        </message>
        <message>
            <source>Hermes Desktop</source>
            <translation>Hermes Desktop</translation>
        </message>
        <message>
            <source>Paused: jobs do not run until you resume</source>
            <translation>已暫停：恢復前任務不會執行</translation>
        </message>
        <message numerus="yes">
            <source>%n run(s) failed since you last looked</source>
            <translation>
                <numerusform>自上次查看以來有 %n 次執行失敗</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Composer</name>
        <message>
            <source>Retry</source>
            <translation>重試</translation>
        </message>
        <message>
            <source>Message to Hermes</source>
            <translation>傳給 Hermes 的訊息</translation>
        </message>
        <message>
            <source>Message Hermes (Enter sends, Shift+Enter starts a new line)</source>
            <translation>傳訊息給 Hermes（Enter 傳送，Shift+Enter 換行）</translation>
        </message>
        <message>
            <source>Send</source>
            <translation>傳送</translation>
        </message>
        <message>
            <source>Stop</source>
            <translation>停止</translation>
        </message>
        <message>
            <source>Write a message first.</source>
            <translation>請先輸入訊息。</translation>
        </message>
    </context>
    <context>
        <name>Countdown</name>
        <message>
            <source>overdue</source>
            <translation>已逾期</translation>
        </message>
        <message>
            <source>now</source>
            <translation>即將</translation>
        </message>
        <message numerus="yes">
            <source>in %ns</source>
            <translation>
                <numerusform>%n 秒後</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>in %n min</source>
            <translation>
                <numerusform>%n 分鐘後</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>in %n h</source>
            <translation>
                <numerusform>%n 小時後</numerusform>
            </translation>
        </message>
        <message>
            <source>in {hours} h {minutes} min</source>
            <translation>{hours} 小時 {minutes} 分鐘後</translation>
        </message>
        <message numerus="yes">
            <source>in %n d</source>
            <translation>
                <numerusform>%n 天後</numerusform>
            </translation>
        </message>
        <message>
            <source>in {days} d {hours} h</source>
            <translation>{days} 天 {hours} 小時後</translation>
        </message>
        <message>
            <source>just now</source>
            <translation>剛剛</translation>
        </message>
        <message numerus="yes">
            <source>%n min ago</source>
            <translation>
                <numerusform>%n 分鐘前</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n h ago</source>
            <translation>
                <numerusform>%n 小時前</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n d ago</source>
            <translation>
                <numerusform>%n 天前</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>CronManageWindow</name>
        <message>
            <source>Cron jobs</source>
            <translation>定時任務</translation>
        </message>
        <message>
            <source>Search title, prompt, schedule</source>
            <translation>搜尋標題、提示詞、排程</translation>
        </message>
        <message>
            <source>Search jobs</source>
            <translation>搜尋任務</translation>
        </message>
        <message>
            <source>New cron job</source>
            <translation>新增定時任務</translation>
        </message>
        <message>
            <source>Jobs</source>
            <translation>任務</translation>
        </message>
        <message>
            <source>No job matches the search.</source>
            <translation>沒有符合搜尋的任務。</translation>
        </message>
        <message>
            <source>Upcoming runs</source>
            <translation>即將進行的執行</translation>
        </message>
        <message>
            <source>No cron jobs yet. A cron job runs a prompt or a script on a schedule — every morning, every 30 minutes, once next Tuesday.</source>
            <translation>還沒有定時任務。定時任務會依排程執行提示詞或腳本——每天早上、每 30 分鐘，或下週二執行一次。</translation>
        </message>
        <message>
            <source>Clear the search</source>
            <translation>清除搜尋</translation>
        </message>
        <message>
            <source>Problem</source>
            <translation>問題</translation>
        </message>
        <message>
            <source>No job matches “{text}”.</source>
            <translation>沒有與「{text}」相符的任務。</translation>
        </message>
        <message>
            <source>Delete cron job</source>
            <translation>刪除定時任務</translation>
        </message>
        <message>
            <source>Delete “{title}”? Its output files go too; its past runs stay in your sessions.</source>
            <translation>刪除「{title}」？其輸出檔案也會一併刪除；過去的執行記錄仍保留在對話中。</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>刪除</translation>
        </message>
        <message>
            <source>Run now</source>
            <translation>立即執行</translation>
        </message>
        <message>
            <source>Resume</source>
            <translation>繼續</translation>
        </message>
        <message>
            <source>Pause</source>
            <translation>暫停</translation>
        </message>
        <message>
            <source>Edit…</source>
            <translation>編輯…</translation>
        </message>
        <message>
            <source>Delete…</source>
            <translation>刪除…</translation>
        </message>
    </context>
    <context>
        <name>CronSection</name>
        <message>
            <source>Cron jobs</source>
            <translation>定時任務</translation>
        </message>
        <message numerus="yes">
            <source>%n job(s)</source>
            <translation>
                <numerusform>%n 個任務</numerusform>
            </translation>
        </message>
        <message>
            <source>Cron jobs, expanded</source>
            <translation>定時任務（已展開）</translation>
        </message>
        <message>
            <source>Cron jobs, collapsed</source>
            <translation>定時任務（已收合）</translation>
        </message>
    </context>
    <context>
        <name>Deliver</name>
        <message>
            <source>This desktop (the output is only saved)</source>
            <translation>此桌面（僅儲存輸出）</translation>
        </message>
        <message>
            <source>The chat the job was made in</source>
            <translation>建立任務時所在的聊天</translation>
        </message>
        <message>
            <source>Every home channel</source>
            <translation>所有主頻道</translation>
        </message>
        <message>
            <source>Email</source>
            <translation>電子郵件</translation>
        </message>
        <message>
            <source>SMS</source>
            <translation>簡訊</translation>
        </message>
        <message>
            <source>Webhook</source>
            <translation>Webhook</translation>
        </message>
        <message>
            <source>Hermes sends the output nowhere; it is saved with the job's runs.</source>
            <translation>Hermes 不會傳送輸出，只隨任務的執行紀錄儲存。</translation>
        </message>
        <message>
            <source>The chat the job was made from; for a job made here, the first platform with a home channel.</source>
            <translation>建立任務的聊天；在這裡建立的任務則傳到第一個設有主頻道的平台。</translation>
        </message>
        <message>
            <source>Every platform that has a home channel set when the job runs.</source>
            <translation>任務執行時已設定主頻道的所有平台。</translation>
        </message>
    </context>
    <context>
        <name>FieldError</name>
        <message>
            <source>Hermes does not deliver to that platform.</source>
            <translation>Hermes 不向該平台傳送。</translation>
        </message>
        <message>
            <source>Write chats as platform:chat, with commas.</source>
            <translation>聊天請寫成 platform:chat，以逗號分隔。</translation>
        </message>
        <message>
            <source>Cron jobs never get cronjob, messaging, clarify.</source>
            <translation>定時任務不能使用 cronjob、messaging、clarify。</translation>
        </message>
        <message>
            <source>A base URL needs a provider (custom: your own).</source>
            <translation>基礎 URL 需要指定供應商（自有端點用 custom）。</translation>
        </message>
        <message>
            <source>Give the folder's full path.</source>
            <translation>請填寫資料夾的完整路徑。</translation>
        </message>
        <message>
            <source>That folder does not exist.</source>
            <translation>該資料夾不存在。</translation>
        </message>
        <message>
            <source>That is a file, not a folder.</source>
            <translation>這是檔案，不是資料夾。</translation>
        </message>
        <message>
            <source>A job picked here no longer exists.</source>
            <translation>此處選擇的任務已不存在。</translation>
        </message>
        <message>
            <source>Hermes reads output of hex job ids only.</source>
            <translation>Hermes 只讀取十六進位任務 ID 的輸出。</translation>
        </message>
        <message>
            <source>Pick a file in the home's scripts folder.</source>
            <translation>請選擇主目錄 scripts 資料夾中的檔案。</translation>
        </message>
    </context>
    <context>
        <name>Firing</name>
        <message>
            <source>Not run by this window; no Hermes gateway seen</source>
            <translation>此視窗不執行，也未發現 Hermes 閘道</translation>
        </message>
        <message>
            <source>Scheduled jobs run while this window is open</source>
            <translation>此視窗開啟期間會執行定時任務</translation>
        </message>
        <message>
            <source>A Hermes gateway runs the scheduled jobs (pid {pid}); this window stands by</source>
            <translation>Hermes 閘道（pid {pid}）正在執行定時任務；此視窗處於待命狀態</translation>
        </message>
        <message>
            <source>Nobody runs these jobs now: this window runs only the profile on screen (see Settings)</source>
            <translation>目前沒有任何程式執行這些任務：此視窗只執行目前顯示的設定檔（見設定）</translation>
        </message>
        <message>
            <source>Nobody runs scheduled jobs now: this window is set not to (see Settings) and no Hermes gateway is running</source>
            <translation>目前沒有任何程式執行定時任務：此視窗已設定為不執行（見設定），且沒有 Hermes 閘道在執行</translation>
        </message>
        <message>
            <source>this window</source>
            <translation>此視窗</translation>
        </message>
        <message>
            <source>Hermes gateway (pid {pid})</source>
            <translation>Hermes 閘道（pid {pid}）</translation>
        </message>
        <message>
            <source>nobody</source>
            <translation>無</translation>
        </message>
        <message>
            <source>{when}, not run</source>
            <translation>{when}，不會執行</translation>
        </message>
    </context>
    <context>
        <name>Job</name>
        <message>
            <source>Cron job</source>
            <translation>定時任務</translation>
        </message>
    </context>
    <context>
        <name>JobChecklist</name>
        <message>
            <source>Filter jobs</source>
            <translation>篩選任務</translation>
        </message>
    </context>
    <context>
        <name>JobDetail</name>
        <message>
            <source>Pause</source>
            <translation>暫停</translation>
        </message>
        <message>
            <source>Run now</source>
            <translation>立即執行</translation>
        </message>
        <message>
            <source>Edit…</source>
            <translation>編輯…</translation>
        </message>
        <message>
            <source>Delete…</source>
            <translation>刪除…</translation>
        </message>
        <message>
            <source>What runs</source>
            <translation>執行內容</translation>
        </message>
        <message>
            <source>Run history</source>
            <translation>執行記錄</translation>
        </message>
        <message>
            <source>No runs yet.</source>
            <translation>尚無執行記錄。</translation>
        </message>
        <message>
            <source>Cron job</source>
            <translation>定時任務</translation>
        </message>
        <message>
            <source>State: {state}</source>
            <translation>狀態：{state}</translation>
        </message>
        <message>
            <source>Resume</source>
            <translation>繼續</translation>
        </message>
        <message>
            <source>This one-shot did not run: it was due {when}. Edit the job to give it a new time.</source>
            <translation>此一次性任務未執行：原定於 {when} 執行。請編輯任務，設定新的時間。</translation>
        </message>
        <message>
            <source>Last run failed: {error}</source>
            <translation>上次執行失敗：{error}</translation>
        </message>
        <message>
            <source>Schedule</source>
            <translation>排程</translation>
        </message>
        <message>
            <source>Next run</source>
            <translation>下次執行</translation>
        </message>
        <message>
            <source>none</source>
            <translation>無</translation>
        </message>
        <message>
            <source>Last run</source>
            <translation>上次執行</translation>
        </message>
        <message>
            <source>never</source>
            <translation>從未執行</translation>
        </message>
        <message>
            <source>once</source>
            <translation>僅一次</translation>
        </message>
        <message>
            <source>done</source>
            <translation>已完成</translation>
        </message>
        <message>
            <source>{done} of {times} runs</source>
            <translation>{done}/{times} 次</translation>
        </message>
        <message>
            <source>forever ({done} so far)</source>
            <translation>永久（目前已執行 {done} 次）</translation>
        </message>
        <message>
            <source>Repeat</source>
            <translation>重複</translation>
        </message>
        <message>
            <source>Paused because</source>
            <translation>暫停原因</translation>
        </message>
        <message>
            <source>Runs with</source>
            <translation>執行方式</translation>
        </message>
        <message>
            <source>Prompt:</source>
            <translation>提示詞：</translation>
        </message>
        <message>
            <source>Script: {name}</source>
            <translation>腳本：{name}</translation>
        </message>
        <message>
            <source>(its output feeds the prompt)</source>
            <translation>（其輸出會提供給提示詞）</translation>
        </message>
    </context>
    <context>
        <name>JobEditor</name>
        <message>
            <source>Edit cron job</source>
            <translation>編輯定時任務</translation>
        </message>
        <message>
            <source>New cron job</source>
            <translation>新增定時任務</translation>
        </message>
        <message>
            <source>Optional — the prompt or script names it otherwise</source>
            <translation>可選——留空則以提示詞或腳本命名</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>名稱</translation>
        </message>
        <message>
            <source>&amp;Name</source>
            <translation>名稱(&amp;N)</translation>
        </message>
        <message>
            <source>A prompt for the agent</source>
            <translation>給代理的提示詞</translation>
        </message>
        <message>
            <source>A script</source>
            <translation>腳本</translation>
        </message>
        <message>
            <source>A script whose output feeds the prompt</source>
            <translation>將輸出提供給提示詞的腳本</translation>
        </message>
        <message>
            <source>What runs</source>
            <translation>執行內容</translation>
        </message>
        <message>
            <source>Prompt</source>
            <translation>提示詞</translation>
        </message>
        <message>
            <source>What should Hermes do each time?</source>
            <translation>每次要讓 Hermes 做什麼？</translation>
        </message>
        <message>
            <source>&amp;Prompt</source>
            <translation>提示詞(&amp;P)</translation>
        </message>
        <message>
            <source>Script</source>
            <translation>腳本</translation>
        </message>
        <message>
            <source>A file in {folder}</source>
            <translation>{folder} 中的檔案</translation>
        </message>
        <message>
            <source>S&amp;cript</source>
            <translation>腳本(&amp;C)</translation>
        </message>
        <message>
            <source>Schedule</source>
            <translation>排程</translation>
        </message>
        <message>
            <source>Schedule preset</source>
            <translation>排程預設</translation>
        </message>
        <message>
            <source>Custom (type below)</source>
            <translation>自訂（在下方輸入）</translation>
        </message>
        <message>
            <source>Every N minutes</source>
            <translation>每 N 分鐘</translation>
        </message>
        <message>
            <source>Hourly</source>
            <translation>每小時</translation>
        </message>
        <message>
            <source>Daily at</source>
            <translation>每天</translation>
        </message>
        <message>
            <source>Weekdays at</source>
            <translation>平日</translation>
        </message>
        <message>
            <source>Weekly on a day at</source>
            <translation>每週指定星期的</translation>
        </message>
        <message>
            <source>Monthly on a day at</source>
            <translation>每月指定日期的</translation>
        </message>
        <message>
            <source>Once at a date and time</source>
            <translation>在指定日期和時間執行一次</translation>
        </message>
        <message>
            <source> min</source>
            <translation> 分鐘</translation>
        </message>
        <message>
            <source>Minutes between runs</source>
            <translation>執行間隔（分鐘）</translation>
        </message>
        <message>
            <source>Day of the week</source>
            <translation>星期幾</translation>
        </message>
        <message>
            <source>day </source>
            <translation>日期 </translation>
        </message>
        <message>
            <source>Day of the month</source>
            <translation>每月的日期</translation>
        </message>
        <message>
            <source>Time of day</source>
            <translation>時間</translation>
        </message>
        <message>
            <source>Date and time</source>
            <translation>日期和時間</translation>
        </message>
        <message>
            <source>every 30m · weekdays at 9am · 0 9 * * 1-5 · in 20m</source>
            <translation>每天 9點 · 工作日 9:00 · 每30分鐘 · 0 9 * * 1-5</translation>
        </message>
        <message>
            <source>What the schedule means</source>
            <translation>排程的含義</translation>
        </message>
        <message>
            <source>Deliver to</source>
            <translation>傳送到</translation>
        </message>
        <message>
            <source>Other delivery targets</source>
            <translation>其他傳送目標</translation>
        </message>
        <message>
            <source>Chats: telegram:-1001234567, discord:123456</source>
            <translation>聊天：telegram:-1001234567, discord:123456</translation>
        </message>
        <message>
            <source>Forever</source>
            <translation>永久</translation>
        </message>
        <message>
            <source>Repeat</source>
            <translation>重複</translation>
        </message>
        <message>
            <source> runs</source>
            <translation> 次</translation>
        </message>
        <message>
            <source>Working folder</source>
            <translation>工作資料夾</translation>
        </message>
        <message>
            <source>None — Hermes' own folder, no project files</source>
            <translation>無 — 使用 Hermes 自己的資料夾，不含專案檔案</translation>
        </message>
        <message>
            <source>Choose…</source>
            <translation>選擇…</translation>
        </message>
        <message>
            <source>Choose the working folder</source>
            <translation>選擇工作資料夾</translation>
        </message>
        <message>
            <source>Skills</source>
            <translation>技能</translation>
        </message>
        <message>
            <source>None — names, separated by commas</source>
            <translation>無 — 名稱，以逗號分隔</translation>
        </message>
        <message>
            <source>Toolsets</source>
            <translation>工具集</translation>
        </message>
        <message>
            <source>All that Hermes gives cron jobs — or: web, terminal, file</source>
            <translation>Hermes 給定時任務的全部工具集 — 或：web, terminal, file</translation>
        </message>
        <message>
            <source>Default from Settings</source>
            <translation>使用設定中的預設值</translation>
        </message>
        <message>
            <source>Model</source>
            <translation>模型</translation>
        </message>
        <message>
            <source>Default — or a provider name, custom for your own endpoint</source>
            <translation>預設 — 或供應商名稱（自有端點用 custom）</translation>
        </message>
        <message>
            <source>Provider</source>
            <translation>供應商</translation>
        </message>
        <message>
            <source>Endpoint</source>
            <translation>端點</translation>
        </message>
        <message>
            <source>Output of other jobs as context</source>
            <translation>以其他任務的輸出作為上下文</translation>
        </message>
        <message>
            <source>No other jobs yet.</source>
            <translation>還沒有其他任務。</translation>
        </message>
        <message>
            <source>Output and running</source>
            <translation>輸出與執行</translation>
        </message>
        <message>
            <source>&amp;Deliver to</source>
            <translation>傳送到(&amp;D)</translation>
        </message>
        <message>
            <source>&amp;Working folder</source>
            <translation>工作資料夾(&amp;W)</translation>
        </message>
        <message>
            <source>&amp;Repeat</source>
            <translation>重複(&amp;R)</translation>
        </message>
        <message>
            <source>The agent</source>
            <translation>代理</translation>
        </message>
        <message>
            <source>S&amp;kills</source>
            <translation>技能(&amp;K)</translation>
        </message>
        <message>
            <source>&amp;Toolsets</source>
            <translation>工具集(&amp;T)</translation>
        </message>
        <message>
            <source>&amp;Model</source>
            <translation>模型(&amp;M)</translation>
        </message>
        <message>
            <source>Pro&amp;vider</source>
            <translation>供應商(&amp;V)</translation>
        </message>
        <message>
            <source>&amp;Endpoint (base URL)</source>
            <translation>端點（基礎 URL）(&amp;E)</translation>
        </message>
        <message>
            <source>&amp;Context from</source>
            <translation>上下文來源(&amp;C)</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>儲存</translation>
        </message>
        <message>
            <source>(deleted job {id})</source>
            <translation>（已刪除的任務 {id}）</translation>
        </message>
        <message>
            <source>moved: that time does not exist on this day (daylight saving)</source>
            <translation>已順延：該時間在這一天不存在（夏令時間）</translation>
        </message>
        <message>
            <source>that time happens twice on this day (daylight saving); runs once</source>
            <translation>該時間在這一天出現兩次（夏令時間）；只執行一次</translation>
        </message>
        <message>
            <source>Time zone: {zone}</source>
            <translation>時區：{zone}</translation>
        </message>
        <message>
            <source>Next runs:</source>
            <translation>接下來的執行：</translation>
        </message>
        <message>
            <source>none — this time has passed</source>
            <translation>無——該時間已過</translation>
        </message>
        <message>
            <source>Fix the schedule first.</source>
            <translation>請先修正排程。</translation>
        </message>
        <message>
            <source>Write the prompt.</source>
            <translation>請填寫提示詞。</translation>
        </message>
        <message>
            <source>Pick a script.</source>
            <translation>請選擇腳本。</translation>
        </message>
        <message>
            <source>Fix the fields marked in red first.</source>
            <translation>請先修正標紅的欄位。</translation>
        </message>
        <message>
            <source>Not saved: {reason}</source>
            <translation>未儲存：{reason}</translation>
        </message>
        <message>
            <source>unknown error</source>
            <translation>未知錯誤</translation>
        </message>
    </context>
    <context>
        <name>JobRow</name>
        <message>
            <source>Run now</source>
            <translation>立即執行</translation>
        </message>
        <message>
            <source>Manage</source>
            <translation>管理</translation>
        </message>
        <message>
            <source>Manage this job</source>
            <translation>管理此任務</translation>
        </message>
        <message>
            <source>{title} — {state}</source>
            <translation>{title} — {state}</translation>
        </message>
        <message>
            <source>{title}, {state}</source>
            <translation>{title}，{state}</translation>
        </message>
        <message>
            <source>{title} — {state}, {when}</source>
            <translation>{title} — {state}，{when}</translation>
        </message>
        <message>
            <source>{title}, {state}, {when}</source>
            <translation>{title}，{state}，{when}</translation>
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
            <translation>檔案(&amp;F)</translation>
        </message>
        <message>
            <source>New &amp;chat</source>
            <translation>新對話(&amp;C)</translation>
        </message>
        <message>
            <source>&amp;Profiles…</source>
            <translation>設定檔(&amp;P)…</translation>
        </message>
        <message>
            <source>&amp;Settings…</source>
            <translation>設定(&amp;S)…</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>結束(&amp;Q)</translation>
        </message>
        <message>
            <source>&amp;Cron</source>
            <translation>定時任務(&amp;C)</translation>
        </message>
        <message>
            <source>&amp;Manage cron jobs…</source>
            <translation>管理定時任務(&amp;M)…</translation>
        </message>
        <message>
            <source>&amp;New cron job</source>
            <translation>新增定時任務(&amp;N)</translation>
        </message>
        <message>
            <source>{app} — profile {name}</source>
            <translation>{app} — 設定檔 {name}</translation>
        </message>
        <message>
            <source>Paused: jobs do not run until you resume</source>
            <translation>已暫停：恢復前任務不會執行</translation>
        </message>
    </context>
    <context>
        <name>MissedRuns</name>
        <message>
            <source>Missed — was due {time}</source>
            <translation>已錯過 — 原定於 {time} 執行</translation>
        </message>
        <message>
            <source>Missed run at {time}</source>
            <translation>已錯過 {time} 的執行</translation>
        </message>
        <message numerus="yes">
            <source>%n run(s) missed, {span}</source>
            <translation>
                <numerusform>已錯過 %n 次執行（{span}）</numerusform>
            </translation>
        </message>
        <message>
            <source>{start}–{end}</source>
            <translation>{start} 至 {end}</translation>
        </message>
    </context>
    <context>
        <name>Notifier</name>
        <message numerus="yes">
            <source>%n job(s) failed</source>
            <translation>
                <numerusform>%n 個任務失敗</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Notify</name>
        <message>
            <source>{title} (profile {profile})</source>
            <translation>{title}（設定檔 {profile}）</translation>
        </message>
        <message>
            <source>Cron job failed: {title}</source>
            <translation>定時任務失敗：{title}</translation>
        </message>
        <message>
            <source>Cron job finished: {title}</source>
            <translation>定時任務已完成：{title}</translation>
        </message>
        <message>
            <source>It was due {when} and did not run. One-shot jobs do not run late; edit the job to give it a new time.</source>
            <translation>原定於 {when} 執行，但沒有執行。一次性任務不會延後執行；請編輯任務，設定新的時間。</translation>
        </message>
        <message>
            <source>Cron job missed: {title}</source>
            <translation>定時任務已錯過：{title}</translation>
        </message>
    </context>
    <context>
        <name>Problems</name>
        <message>
            <source>check the API key</source>
            <translation>請檢查 API 金鑰</translation>
        </message>
        <message>
            <source>the key may lack access</source>
            <translation>此金鑰可能沒有存取權限</translation>
        </message>
        <message>
            <source>check the base URL and model</source>
            <translation>請檢查基礎 URL 和模型</translation>
        </message>
        <message>
            <source>rate limited</source>
            <translation>請求過於頻繁，已被限流</translation>
        </message>
        <message>
            <source> ({hint})</source>
            <translation>（{hint}）</translation>
        </message>
        <message>
            <source>No such file or folder</source>
            <translation>檔案或資料夾不存在</translation>
        </message>
        <message>
            <source>Permission denied</source>
            <translation>權限不足</translation>
        </message>
        <message>
            <source>Not permitted</source>
            <translation>不允許此操作</translation>
        </message>
        <message>
            <source>The disk is read-only</source>
            <translation>磁碟為唯讀</translation>
        </message>
        <message>
            <source>The disk is full</source>
            <translation>磁碟已滿</translation>
        </message>
        <message>
            <source>This is a folder, not a file</source>
            <translation>這是資料夾，不是檔案</translation>
        </message>
        <message>
            <source>A part of the path is not a folder</source>
            <translation>路徑中有一部分不是資料夾</translation>
        </message>
        <message>
            <source>It already exists</source>
            <translation>已存在</translation>
        </message>
        <message>
            <source>{reason}: {path}</source>
            <translation>{reason}：{path}</translation>
        </message>
        <message>
            <source>Script “{name}” is refused: it must be a file inside {folder}.</source>
            <translation>拒絕執行腳本「{name}」：它必須是 {folder} 中的檔案。</translation>
        </message>
        <message>
            <source>Script “{name}” is refused: it leads outside {folder}.</source>
            <translation>拒絕執行腳本「{name}」：它指向 {folder} 之外。</translation>
        </message>
        <message>
            <source>Script “{name}” was not found in {folder}.</source>
            <translation>在 {folder} 中找不到腳本「{name}」。</translation>
        </message>
        <message>
            <source>Could not start {name}: {detail}</source>
            <translation>無法啟動 {name}：{detail}</translation>
        </message>
        <message>
            <source>{name} was stopped after {seconds} s (the job timeout).</source>
            <translation>{name} 執行 {seconds} 秒後因任務逾時被停止。</translation>
        </message>
        <message>
            <source>{name} was stopped after {seconds} s (the job timeout), along with the {count} processes it started.</source>
            <translation>{name} 執行 {seconds} 秒後因任務逾時被停止，它啟動的 {count} 個處理程序也一併停止。</translation>
        </message>
        <message>
            <source>{name} was stopped because the app was closing.</source>
            <translation>應用程式正在結束，{name} 已被停止。</translation>
        </message>
        <message>
            <source>{name} was stopped because the app was closing, along with the {count} processes it started.</source>
            <translation>應用程式正在結束，{name} 及其啟動的 {count} 個處理程序已被停止。</translation>
        </message>
        <message>
            <source>{name} ended, but its exit status was lost.</source>
            <translation>{name} 已結束，但未能取得其結束狀態。</translation>
        </message>
        <message>
            <source>{name} ended, but its exit status was lost; the {count} processes it left running were stopped.</source>
            <translation>{name} 已結束，但未能取得其結束狀態；它遺留的 {count} 個處理程序已被停止。</translation>
        </message>
        <message>
            <source>{name} exited with code {code}.</source>
            <translation>{name} 以結束代碼 {code} 結束。</translation>
        </message>
        <message>
            <source>{name} exited with code {code}:</source>
            <translation>{name} 以結束代碼 {code} 結束：</translation>
        </message>
        <message>
            <source>{name} exited with code {code}; the {count} processes it left running were stopped.</source>
            <translation>{name} 以結束代碼 {code} 結束；它遺留的 {count} 個處理程序已被停止。</translation>
        </message>
        <message>
            <source>{name} exited with code {code}; the {count} processes it left running were stopped:</source>
            <translation>{name} 以結束代碼 {code} 結束；它遺留的 {count} 個處理程序已被停止：</translation>
        </message>
        <message>
            <source>No model endpoint is set up: set one in Settings.</source>
            <translation>尚未設定模型端點，請在「設定」中設定。</translation>
        </message>
        <message>
            <source>The model endpoint {url} did not answer within {seconds} s.</source>
            <translation>模型端點 {url} 在 {seconds} 秒內沒有回應。</translation>
        </message>
        <message>
            <source>The request to the model was stopped because the app was closing.</source>
            <translation>應用程式正在結束，已停止傳送給模型的請求。</translation>
        </message>
        <message>
            <source>Could not reach the model endpoint {url}: {detail}</source>
            <translation>無法連線到模型端點 {url}：{detail}</translation>
        </message>
        <message>
            <source>The model endpoint answered HTTP {status}{hint}: {detail}</source>
            <translation>模型端點傳回了 HTTP {status}{hint}：{detail}</translation>
        </message>
        <message>
            <source>The model endpoint sent a reply that is not a chat completion.</source>
            <translation>模型端點傳回的內容不是對話補全結果。</translation>
        </message>
        <message>
            <source>The model endpoint's reply has no text.</source>
            <translation>模型端點的回覆中沒有文字。</translation>
        </message>
        <message>
            <source>Unexpected error: {detail}</source>
            <translation>未預期的錯誤：{detail}</translation>
        </message>
        <message>
            <source>Run failed: {detail}</source>
            <translation>執行失敗：{detail}</translation>
        </message>
        <message>
            <source>The run started {at} by {owner} did not finish (its process ended or its lease ran out).</source>
            <translation>{owner} 於 {at} 開始的執行未能完成（其處理程序已結束或租約已過期）。</translation>
        </message>
        <message>
            <source>This run was interrupted: {detail}</source>
            <translation>此次執行被中斷：{detail}</translation>
        </message>
        <message>
            <source>its process ended.</source>
            <translation>其處理程序已結束。</translation>
        </message>
        <message>
            <source>This run's transcript could not be finished at the time (state.db was busy); it was ended later.</source>
            <translation>由於 state.db 正忙，此次執行的記錄當時未能完成，之後已補上。</translation>
        </message>
        <message>
            <source>Missed: this one-shot was due {due} and did not run, because neither the app nor Hermes was running. One-shots do not run late; edit the job to set a new time.</source>
            <translation>未執行：此一次性任務原定於 {due} 執行，但當時應用程式和 Hermes 都未執行。一次性任務不會補執行；請編輯任務，設定新的時間。</translation>
        </message>
        <message>
            <source>{runs} scheduled runs from {first} to {last} did not run, because neither the app nor Hermes was running. The job ran once when they came back, and its schedule moved on.</source>
            <translation>{first} 至 {last} 期間的 {runs} 次排定執行未進行，因為當時應用程式和 Hermes 都未執行。恢復後任務已執行一次，排程也已順延。</translation>
        </message>
        <message>
            <source>{runs} scheduled runs from {first} to {last} did not run: jobs were checked {late} s late, so the job ran once for them and its schedule moved on.</source>
            <translation>{first} 至 {last} 期間的 {runs} 次排定執行未進行：任務檢查晚了 {late} 秒，因此合併執行了一次，排程也已順延。</translation>
        </message>
        <message>
            <source>This run was due {due} and ran {late} s late, because neither the app nor Hermes was running. {runs} scheduled runs up to now were folded into this one run.</source>
            <translation>此次執行原定於 {due}，因應用程式和 Hermes 都未執行而晚了 {late} 秒。截至目前的 {runs} 次排定執行已合併為這一次。</translation>
        </message>
        <message>
            <source>Another program has held {path} for over {seconds} s; nothing was changed. Try again in a moment.</source>
            <translation>另一個程式佔用 {path} 已超過 {seconds} 秒，未做任何變更。請稍後再試。</translation>
        </message>
        <message>
            <source>The Hermes home is read-only here ({folder}); jobs can be listed but not added, changed, run or ticked.</source>
            <translation>Hermes 主目錄（{folder}）在此為唯讀：可以檢視任務清單，但無法新增、修改或執行任務。</translation>
        </message>
        <message>
            <source>The Hermes home is read-only here ({folder}); nothing was changed.</source>
            <translation>Hermes 主目錄（{folder}）在此為唯讀，未做任何變更。</translation>
        </message>
        <message>
            <source>{path} is a folder, not a lock file; move it away so jobs can be changed and run.</source>
            <translation>{path} 是資料夾而不是鎖定檔；請將其移走，才能修改和執行任務。</translation>
        </message>
        <message>
            <source>Cannot take the lock {path}: {detail}.</source>
            <translation>無法取得鎖定 {path}：{detail}</translation>
        </message>
        <message>
            <source>The disk is full; {path} was left as it was.</source>
            <translation>磁碟已滿；{path} 保持不變。</translation>
        </message>
        <message>
            <source>Cannot write {path}: {detail}; it was left as it was.</source>
            <translation>無法寫入 {path}（{detail}）；檔案保持不變。</translation>
        </message>
        <message>
            <source>Cannot read {path}: {detail}</source>
            <translation>無法讀取 {path}：{detail}</translation>
        </message>
        <message>
            <source>{path} is not UTF-8 text (byte {byte}); fix it or move it away.</source>
            <translation>{path} 不是 UTF-8 文字（第 {byte} 位元組）；請修正或將其移走。</translation>
        </message>
        <message>
            <source>{path} is not valid JSON (line {line}, column {column}); it was left untouched. Fix it or move it away.</source>
            <translation>{path} 不是有效的 JSON（第 {line} 行第 {column} 欄）；檔案未被改動。請修正或將其移走。</translation>
        </message>
        <message>
            <source>{path} is nested too deeply to be a jobs file; it was left untouched.</source>
            <translation>{path} 巢狀層級過深，無法作為任務檔案讀取；檔案未被改動。</translation>
        </message>
        <message>
            <source>{path} cannot be read as a jobs file; it was left untouched.</source>
            <translation>{path} 無法作為任務檔案讀取；檔案未被改動。</translation>
        </message>
        <message>
            <source>{path} holds no list of jobs; it was left untouched.</source>
            <translation>{path} 中沒有任務清單；檔案未被改動。</translation>
        </message>
        <message>
            <source>There is no job with the id or name “{ref}”; it may have been deleted.</source>
            <translation>沒有 ID 或名稱為「{ref}」的任務；它可能已被刪除。</translation>
        </message>
        <message>
            <source>This job has completed; there is nothing to pause.</source>
            <translation>此任務已完成，無需暫停。</translation>
        </message>
        <message>
            <source>{path} cannot be read, so it was not overwritten. Fix it or move it away.</source>
            <translation>無法讀取 {path}，因此未覆寫它。請修正或將其移走。</translation>
        </message>
        <message>
            <source>{path} stayed locked by another program for {seconds} s ({attempts} attempts), so the change was not saved.</source>
            <translation>{path} 被另一個程式鎖定了 {seconds} 秒（嘗試 {attempts} 次），因此變更未能儲存。</translation>
        </message>
    </context>
    <context>
        <name>ProfilesWindow</name>
        <message>
            <source>Profiles</source>
            <translation>設定檔</translation>
        </message>
        <message>
            <source>New profile</source>
            <translation>新增設定檔</translation>
        </message>
        <message>
            <source>Switch to this profile</source>
            <translation>切換到此設定檔</translation>
        </message>
        <message>
            <source>default</source>
            <translation>預設</translation>
        </message>
        <message>
            <source>{name} (active)</source>
            <translation>{name}（使用中）</translation>
        </message>
        <message>
            <source>Counting…</source>
            <translation>正在統計…</translation>
        </message>
        <message numerus="yes">
            <source>%n session(s)</source>
            <translation>
                <numerusform>%n 個對話</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n job(s)</source>
            <translation>
                <numerusform>%n 個任務</numerusform>
            </translation>
        </message>
        <message>
            <source>Jobs run by: {who}</source>
            <translation>任務由誰執行：{who}</translation>
        </message>
        <message>
            <source>Use letters, digits, dots, dashes or underscores (not “default”).</source>
            <translation>請使用字母、數字、點、連字號或底線（不能是「default」）。</translation>
        </message>
        <message>
            <source>A profile named “{name}” exists already.</source>
            <translation>名為「{name}」的設定檔已存在。</translation>
        </message>
        <message>
            <source>Name of the new profile:</source>
            <translation>新設定檔的名稱：</translation>
        </message>
    </context>
    <context>
        <name>RenameDialog</name>
        <message>
            <source>Rename session</source>
            <translation>重新命名對話</translation>
        </message>
        <message>
            <source>New title for “{title}”:</source>
            <translation>「{title}」的新標題：</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>標題</translation>
        </message>
        <message>
            <source>Empty: the list shows the first message</source>
            <translation>留空：清單中顯示第一則訊息</translation>
        </message>
        <message>
            <source>Rename</source>
            <translation>重新命名</translation>
        </message>
        <message>
            <source>That title is too long: {length} characters, at most {limit}.</source>
            <translation>標題太長：{length} 個字元，最多 {limit} 個。</translation>
        </message>
        <message>
            <source>Another session already has the title “{title}”. Titles are unique, as in Hermes.</source>
            <translation>已有另一個對話使用標題「{title}」。與 Hermes 相同，標題不可重複。</translation>
        </message>
        <message>
            <source>This session no longer exists.</source>
            <translation>此對話已不存在。</translation>
        </message>
        <message>
            <source>Could not rename: {reason}</source>
            <translation>無法重新命名：{reason}</translation>
        </message>
    </context>
    <context>
        <name>RunHistory</name>
        <message>
            <source>Scheduled</source>
            <translation>按排程</translation>
        </message>
        <message>
            <source>Run now</source>
            <translation>立即執行</translation>
        </message>
        <message>
            <source>Catch-up</source>
            <translation>補執行</translation>
        </message>
        <message>
            <source>Missed</source>
            <translation>已錯過</translation>
        </message>
        <message>
            <source>Started at a time the schedule names.</source>
            <translation>在排程的時間開始。</translation>
        </message>
        <message>
            <source>Started when no run was due: most likely Run now (a late catch-up of a single run looks the same).</source>
            <translation>在沒有排程執行的時間開始：很可能是「立即執行」（僅補執行一次的延遲執行看起來也一樣）。</translation>
        </message>
        <message>
            <source>Started late, right after missed runs: the app or Hermes came back and ran the job once.</source>
            <translation>在錯過的執行之後延遲開始：應用程式或 Hermes 恢復後執行了一次該任務。</translation>
        </message>
        <message>
            <source>Nothing was running jobs at these times, so these runs did not happen.</source>
            <translation>這些時間沒有程式在執行任務，因此這些執行沒有發生。</translation>
        </message>
        <message>
            <source>How this run started is not recorded (Run now moves an interval job's times).</source>
            <translation>未記錄此次執行是如何開始的（「立即執行」會改變間隔任務的時間）。</translation>
        </message>
        <message>
            <source>{m} min {s} s</source>
            <translation>{m} 分 {s} 秒</translation>
        </message>
        <message>
            <source>{h} h {m} min</source>
            <translation>{h} 小時 {m} 分</translation>
        </message>
        <message>
            <source>Run history</source>
            <translation>執行記錄</translation>
        </message>
    </context>
    <context>
        <name>RunPeek</name>
        <message>
            <source>Recent runs</source>
            <translation>最近的執行</translation>
        </message>
        <message>
            <source>No runs yet</source>
            <translation>尚無執行記錄</translation>
        </message>
    </context>
    <context>
        <name>Runner</name>
        <message>
            <source>Hermes was not found at {path}. Prompt jobs fail until the path in Settings is fixed or cleared.</source>
            <translation>在 {path} 找不到 Hermes。在修正或清除設定中的路徑之前，提示詞任務都會失敗。</translation>
        </message>
        <message>
            <source>{path} is a folder, not the hermes program. Prompt jobs fail until the path in Settings is fixed or cleared.</source>
            <translation>{path} 是資料夾，不是 hermes 程式。在修正或清除設定中的路徑之前，提示詞任務都會失敗。</translation>
        </message>
        <message>
            <source>{path} is not hermes-agent's hermes program. Prompt jobs fail until the path in Settings is fixed or cleared.</source>
            <translation>{path} 不是 hermes-agent 的 hermes 程式。在修正或清除設定中的路徑之前，提示詞任務都會失敗。</translation>
        </message>
        <message>
            <source>No Hermes found: prompt jobs use the built-in runner and the endpoint below.</source>
            <translation>找不到 Hermes：提示詞任務使用內建執行器和下方的端點。</translation>
        </message>
        <message>
            <source>Prompt jobs run with Hermes {version} ({path}).</source>
            <translation>提示詞任務由 Hermes {version}（{path}）執行。</translation>
        </message>
        <message>
            <source>Prompt jobs run with Hermes ({path}); its version could not be read.</source>
            <translation>提示詞任務由 Hermes（{path}）執行；無法讀取其版本。</translation>
        </message>
        <message>
            <source>This app (a script job)</source>
            <translation>本應用程式（腳本任務）</translation>
        </message>
        <message>
            <source>The built-in runner (OpenAI-compatible endpoint)</source>
            <translation>內建執行器（OpenAI 相容端點）</translation>
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
                <numerusform>每 %n 天</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Every %n hour(s)</source>
            <translation>
                <numerusform>每 %n 小時</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Every %n minute(s)</source>
            <translation>
                <numerusform>每 %n 分鐘</numerusform>
            </translation>
        </message>
        <message>
            <source>Once (the time is unreadable)</source>
            <translation>僅一次（無法讀取時間）</translation>
        </message>
        <message>
            <source>Once, on {when}</source>
            <translation>僅一次，{when}</translation>
        </message>
        <message>
            <source>Every hour at {minute} minutes past</source>
            <translation>每小時的第 {minute} 分鐘</translation>
        </message>
        <message numerus="yes">
            <source>Every %n hour(s), at {minute} minutes past the hour</source>
            <translation>
                <numerusform>每 %n 小時，在第 {minute} 分鐘</numerusform>
            </translation>
        </message>
        <message>
            <source>Every day at {time}</source>
            <translation>每天 {time}</translation>
        </message>
        <message>
            <source>Weekdays (Monday to Friday) at {time}</source>
            <translation>平日（週一至週五）{time}</translation>
        </message>
        <message>
            <source>Weekends at {time}</source>
            <translation>週末 {time}</translation>
        </message>
        <message>
            <source>Every {days} at {time}</source>
            <translation>每{days} {time}</translation>
        </message>
        <message>
            <source>Monthly on day {day} at {time}</source>
            <translation>每月 {day} 日 {time}</translation>
        </message>
        <message>
            <source>Every year on {month} {day} at {time}</source>
            <translation>每年{month}{day}日 {time}</translation>
        </message>
        <message>
            <source>Cron schedule {expr}</source>
            <translation>cron 表達式 {expr}</translation>
        </message>
    </context>
    <context>
        <name>ScheduleError</name>
        <message>
            <source>The schedule is empty.</source>
            <translation>排程為空。</translation>
        </message>
        <message>
            <source>The schedule is too long (at most 200 characters).</source>
            <translation>排程過長（最多 200 個字元）。</translation>
        </message>
        <message>
            <source>This is not a valid cron expression: it needs 5 fields, each in range.</source>
            <translation>這不是有效的 cron 表達式：需要 5 個欄位，且每個都在有效範圍內。</translation>
        </message>
        <message>
            <source>This cron expression never occurs: no calendar date matches it.</source>
            <translation>此 cron 表達式永遠不會觸發：沒有符合的日期。</translation>
        </message>
        <message>
            <source>An interval must be a whole number of minutes, hours or days, at least 1 minute.</source>
            <translation>間隔必須是整數的分鐘、小時或天數，至少 1 分鐘。</translation>
        </message>
        <message>
            <source>That is not a time of day or a date and time this app can read.</source>
            <translation>這不是本應用程式能辨識的時間或日期時間。</translation>
        </message>
        <message>
            <source>That time has already passed.</source>
            <translation>該時間已經過去。</translation>
        </message>
        <message>
            <source>That is more than 100 years from now.</source>
            <translation>這個時間在 100 年之後。</translation>
        </message>
        <message>
            <source>This is not a schedule this app understands.</source>
            <translation>本應用程式無法辨識此排程。</translation>
        </message>
        <message>
            <source>The stored schedule is damaged.</source>
            <translation>已儲存的排程已損毀。</translation>
        </message>
        <message>
            <source>Say at what time it runs, like “every day at 9:00”.</source>
            <translation>請同時寫明執行時間，例如「每天 9:00」。</translation>
        </message>
        <message>
            <source>That hour can be read two ways; write it from 0 to 23, like 0:00 or 12:00.</source>
            <translation>這個時間有兩種解讀；請用 0–23 點表示，例如 0:00 或 12:00。</translation>
        </message>
        <message>
            <source>Forms that work: every 30m · 2h · in 20m · 2026-02-03T14:00 · 0 9 * * 1-5 · @daily · weekdays at 9am · every monday 9am</source>
            <translation>可用的寫法：每天 9點 · 工作日 9:00 · 每週一 下午3點 · 每月1號 9點 · 每30分鐘 · 每2小時 · every 30m · in 20m · 0 9 * * 1-5 · 2026-02-03T14:00</translation>
        </message>
    </context>
    <context>
        <name>SessionActions</name>
        <message>
            <source>Rename…</source>
            <translation>重新命名…</translation>
        </message>
        <message>
            <source>Export as Markdown…</source>
            <translation>匯出為 Markdown…</translation>
        </message>
        <message>
            <source>Copy as Markdown</source>
            <translation>複製為 Markdown</translation>
        </message>
        <message>
            <source>Delete…</source>
            <translation>刪除…</translation>
        </message>
        <message>
            <source>&amp;Session</source>
            <translation>對話(&amp;S)</translation>
        </message>
        <message>
            <source>Could not read “{title}”: {reason}</source>
            <translation>無法讀取「{title}」：{reason}</translation>
        </message>
        <message>
            <source>“{title}” no longer exists; another program deleted it.</source>
            <translation>「{title}」已不存在，已被其他程式刪除。</translation>
        </message>
        <message>
            <source>Session</source>
            <translation>對話</translation>
        </message>
        <message>
            <source>Delete session</source>
            <translation>刪除對話</translation>
        </message>
        <message numerus="yes">
            <source>Delete “{title}” and its %n message(s) for good?</source>
            <translation>
                <numerusform>永久刪除「{title}」及其 %n 則訊息？</numerusform>
            </translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>刪除</translation>
        </message>
        <message>
            <source>Hermes is still replying in “{title}”. Stop the reply, then delete it.</source>
            <translation>Hermes 仍在「{title}」中回覆。請先停止回覆，再刪除。</translation>
        </message>
        <message>
            <source>“{title}” is still running. Delete it once it has finished.</source>
            <translation>「{title}」仍在執行中。請在執行結束後再刪除。</translation>
        </message>
        <message>
            <source>Could not delete “{title}”: {reason}</source>
            <translation>無法刪除「{title}」：{reason}</translation>
        </message>
        <message>
            <source>Started</source>
            <translation>開始時間</translation>
        </message>
        <message>
            <source>Source</source>
            <translation>來源</translation>
        </message>
        <message>
            <source>Untitled session</source>
            <translation>未命名對話</translation>
        </message>
        <message>
            <source>No messages.</source>
            <translation>沒有訊息。</translation>
        </message>
        <message>
            <source>Export as Markdown</source>
            <translation>匯出為 Markdown</translation>
        </message>
        <message>
            <source>Markdown (*.md);;All files (*)</source>
            <translation>Markdown (*.md);;所有檔案 (*)</translation>
        </message>
        <message>
            <source>{path} is not a regular file; choose a file name.</source>
            <translation>{path} 不是一般檔案；請選擇一個檔案名稱。</translation>
        </message>
        <message>
            <source>{path} is one of the Hermes home's own files; choose another name.</source>
            <translation>{path} 是 Hermes 主目錄本身的檔案；請換一個名稱。</translation>
        </message>
        <message>
            <source>the folder {path} does not exist.</source>
            <translation>資料夾 {path} 不存在。</translation>
        </message>
        <message>
            <source>Could not export “{title}”: {reason}</source>
            <translation>無法匯出「{title}」：{reason}</translation>
        </message>
        <message>
            <source>Exported “{title}” to {path}</source>
            <translation>已將「{title}」匯出至 {path}</translation>
        </message>
        <message>
            <source>Could not copy “{title}”: {reason}</source>
            <translation>無法複製「{title}」：{reason}</translation>
        </message>
        <message>
            <source>Copied “{title}” as Markdown</source>
            <translation>已將「{title}」複製為 Markdown</translation>
        </message>
    </context>
    <context>
        <name>SessionSearchBox</name>
        <message>
            <source>Search conversations</source>
            <translation>搜尋對話</translation>
        </message>
        <message>
            <source>Words, "a phrase" or a prefix*; Chinese and Japanese match anywhere. Enter opens the best match, Escape clears.</source>
            <translation>可輸入詞語、"片語"或字首*；中文和日文可比對文中任何位置。按 Enter 開啟最符合的結果，按 Esc 清除。</translation>
        </message>
        <message>
            <source>Include cron runs</source>
            <translation>包含定時任務的執行</translation>
        </message>
        <message>
            <source>Search results</source>
            <translation>搜尋結果</translation>
        </message>
        <message>
            <source>The search failed: {error}</source>
            <translation>搜尋失敗：{error}</translation>
        </message>
        <message>
            <source>Type a word to search for.</source>
            <translation>請輸入要搜尋的字詞。</translation>
        </message>
        <message>
            <source>No conversation matches “{query}”</source>
            <translation>沒有符合「{query}」的對話</translation>
        </message>
        <message>
            <source>Older conversations may match too: the search stopped early.</source>
            <translation>搜尋已提前停止，較早的對話中可能還有符合的項目。</translation>
        </message>
        <message numerus="yes">
            <source>Searched the newest %n message(s) only.</source>
            <translation>
                <numerusform>僅搜尋了最新的 %n 則訊息。</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Sessions</name>
        <message>
            <source>Loading…</source>
            <translation>正在載入…</translation>
        </message>
        <message>
            <source>Untitled session</source>
            <translation>未命名對話</translation>
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
            <translation>語言</translation>
        </message>
        <message>
            <source>System</source>
            <translation>跟隨系統</translation>
        </message>
        <message>
            <source>&amp;Language</source>
            <translation>語言(&amp;L)</translation>
        </message>
        <message>
            <source>The new language shows the next time Hermes Desktop starts.</source>
            <translation>新語言將在下次啟動 Hermes Desktop 時生效。</translation>
        </message>
        <message>
            <source>Appearance</source>
            <translation>外觀</translation>
        </message>
        <message>
            <source>Follow the system</source>
            <translation>跟隨系統</translation>
        </message>
        <message>
            <source>Light</source>
            <translation>淺色</translation>
        </message>
        <message>
            <source>Dark</source>
            <translation>深色</translation>
        </message>
        <message>
            <source>&amp;Appearance</source>
            <translation>外觀(&amp;A)</translation>
        </message>
        <message>
            <source>Run scheduled jobs while the app is open</source>
            <translation>應用程式開啟時執行定時任務</translation>
        </message>
        <message>
            <source>Run the jobs of every profile, not only the one on screen</source>
            <translation>執行所有設定檔的任務，而不僅是目前顯示的設定檔</translation>
        </message>
        <message>
            <source>Notify when any run finishes</source>
            <translation>每次執行結束時通知</translation>
        </message>
        <message>
            <source>Start Hermes Desktop when I log in</source>
            <translation>登入時啟動 Hermes Desktop</translation>
        </message>
        <message>
            <source>Hermes</source>
            <translation>Hermes</translation>
        </message>
        <message>
            <source>Looking for Hermes…</source>
            <translation>正在尋找 Hermes…</translation>
        </message>
        <message>
            <source>Find automatically</source>
            <translation>自動尋找</translation>
        </message>
        <message>
            <source>Hermes program</source>
            <translation>Hermes 程式</translation>
        </message>
        <message>
            <source>Browse…</source>
            <translation>瀏覽…</translation>
        </message>
        <message>
            <source>Choose the hermes program</source>
            <translation>選擇 hermes 程式</translation>
        </message>
        <message>
            <source>&amp;Program</source>
            <translation>程式(&amp;P)</translation>
        </message>
        <message>
            <source>Agent endpoint (OpenAI-compatible)</source>
            <translation>代理端點（相容 OpenAI）</translation>
        </message>
        <message>
            <source>Base URL</source>
            <translation>基礎 URL</translation>
        </message>
        <message>
            <source>Model</source>
            <translation>模型</translation>
        </message>
        <message>
            <source>API key</source>
            <translation>API 金鑰</translation>
        </message>
        <message>
            <source>Stored in the home, readable by you only</source>
            <translation>儲存在主目錄中，僅你可讀取</translation>
        </message>
        <message>
            <source>Show</source>
            <translation>顯示</translation>
        </message>
        <message>
            <source>Show the API key</source>
            <translation>顯示 API 金鑰</translation>
        </message>
        <message>
            <source>&amp;Base URL</source>
            <translation>基礎 URL(&amp;B)</translation>
        </message>
        <message>
            <source>&amp;Model</source>
            <translation>模型(&amp;M)</translation>
        </message>
        <message>
            <source>API &amp;key</source>
            <translation>API 金鑰(&amp;K)</translation>
        </message>
        <message>
            <source>Runs</source>
            <translation>執行</translation>
        </message>
        <message>
            <source>Keep all</source>
            <translation>全部保留</translation>
        </message>
        <message>
            <source>Runs kept per job</source>
            <translation>每個任務保留的執行數</translation>
        </message>
        <message>
            <source>Never</source>
            <translation>永不</translation>
        </message>
        <message>
            <source> days</source>
            <translation> 天</translation>
        </message>
        <message>
            <source>Delete runs older than</source>
            <translation>刪除早於此時間的執行記錄</translation>
        </message>
        <message>
            <source> min</source>
            <translation> 分鐘</translation>
        </message>
        <message>
            <source>Job timeout</source>
            <translation>任務逾時</translation>
        </message>
        <message>
            <source>Keep the newest runs of each job</source>
            <translation>每個任務保留的最新執行記錄</translation>
        </message>
        <message>
            <source>Stop a run after</source>
            <translation>執行逾時時間</translation>
        </message>
        <message>
            <source>Start at login not changed: {reason}</source>
            <translation>未能變更登入時啟動：{reason}</translation>
        </message>
        <message>
            <source>Hide</source>
            <translation>隱藏</translation>
        </message>
        <message>
            <source>Hide the API key</source>
            <translation>隱藏 API 金鑰</translation>
        </message>
        <message>
            <source>This API key has a space, line break or control character in it, so it was not saved. Paste it again as one line.</source>
            <translation>此 API 金鑰含有空格、換行字元或控制字元，因此未儲存。請以單行重新貼上。</translation>
        </message>
        <message>
            <source>This API key has characters that cannot go in a request header, so it was not saved. Paste it again.</source>
            <translation>此 API 金鑰含有無法放入請求標頭的字元，因此未儲存。請重新貼上。</translation>
        </message>
        <message>
            <source>Settings not saved: {reason}</source>
            <translation>設定未儲存：{reason}</translation>
        </message>
        <message>
            <source>unknown error</source>
            <translation>未知錯誤</translation>
        </message>
    </context>
    <context>
        <name>Sidebar</name>
        <message>
            <source>Sessions</source>
            <translation>對話</translation>
        </message>
        <message>
            <source>No conversations yet. Chats you have with Hermes show up here.</source>
            <translation>還沒有對話。你與 Hermes 的對話會顯示在這裡。</translation>
        </message>
        <message numerus="yes">
            <source>%n session(s)</source>
            <translation>
                <numerusform>%n 個對話</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>StartMenu</name>
        <message>
            <source>Blank</source>
            <translation>空白</translation>
        </message>
        <message>
            <source>From blueprint</source>
            <translation>從藍圖建立</translation>
        </message>
        <message>
            <source>Duplicate the selected job</source>
            <translation>複製所選任務</translation>
        </message>
        <message>
            <source>Select a job first.</source>
            <translation>請先選擇一個任務。</translation>
        </message>
        <message>
            <source>Cron job</source>
            <translation>定時任務</translation>
        </message>
        <message>
            <source>Duplicate “{title}”</source>
            <translation>複製「{title}」</translation>
        </message>
        <message>
            <source>{name} (copy)</source>
            <translation>{name}（副本）</translation>
        </message>
        <message>
            <source>Reading Hermes' blueprints…</source>
            <translation>正在讀取 Hermes 的藍圖…</translation>
        </message>
        <message>
            <source>No blueprints: Hermes is not installed here</source>
            <translation>沒有藍圖：此處未安裝 Hermes</translation>
        </message>
    </context>
    <context>
        <name>State</name>
        <message>
            <source>Scheduled</source>
            <translation>已排程</translation>
        </message>
        <message>
            <source>Running</source>
            <translation>執行中</translation>
        </message>
        <message>
            <source>Paused</source>
            <translation>已暫停</translation>
        </message>
        <message>
            <source>Error</source>
            <translation>錯誤</translation>
        </message>
        <message>
            <source>Completed</source>
            <translation>已完成</translation>
        </message>
        <message>
            <source>Disabled</source>
            <translation>已停用</translation>
        </message>
        <message>
            <source>Queued</source>
            <translation>排隊中</translation>
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
            <translation>已錯過</translation>
        </message>
        <message>
            <source>Outcome unknown</source>
            <translation>結果未知</translation>
        </message>
    </context>
    <context>
        <name>StatusStrip</name>
        <message>
            <source>Last runs</source>
            <translation>最近的執行</translation>
        </message>
        <message>
            <source>{when} · {outcome}</source>
            <translation>{when} · {outcome}</translation>
        </message>
        <message numerus="yes">
            <source>%n run(s) shown, oldest first.</source>
            <translation>
                <numerusform>顯示 %n 次執行，最早的在前。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n failed.</source>
            <translation>
                <numerusform>%n 次失敗。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n missed.</source>
            <translation>
                <numerusform>%n 次錯過。</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>TalkBack</name>
        <message>
            <source>Hermes is replying… Stop ends the reply and keeps what has arrived.</source>
            <translation>Hermes 正在回覆… 按「停止」可結束回覆，已收到的內容會保留。</translation>
        </message>
        <message>
            <source>Sending…</source>
            <translation>正在傳送…</translation>
        </message>
        <message>
            <source>Hermes is replying in another conversation; wait for it or stop it there.</source>
            <translation>Hermes 正在另一個對話中回覆；請等待完成，或到該對話中停止。</translation>
        </message>
        <message>
            <source>Loading the conversation…</source>
            <translation>正在載入對話…</translation>
        </message>
        <message>
            <source>Stopping…</source>
            <translation>正在停止…</translation>
        </message>
        <message>
            <source>No model to answer: set a model endpoint in Settings, or install Hermes.</source>
            <translation>沒有可回覆的模型：請在設定中填寫模型端點，或安裝 Hermes。</translation>
        </message>
        <message>
            <source>The reply failed: {reason}</source>
            <translation>回覆失敗：{reason}</translation>
        </message>
        <message>
            <source>The message could not be sent: {reason}</source>
            <translation>無法傳送訊息：{reason}</translation>
        </message>
    </context>
    <context>
        <name>TranscriptView</name>
        <message>
            <source>Pick a conversation or a cron run on the left to read it here.</source>
            <translation>在左側選擇一個對話或一次定時任務執行，即可在此閱讀。</translation>
        </message>
        <message>
            <source>Transcript</source>
            <translation>對話記錄</translation>
        </message>
        <message>
            <source>Untitled session</source>
            <translation>未命名對話</translation>
        </message>
        <message>
            <source>Started {when}</source>
            <translation>開始於 {when}</translation>
        </message>
        <message>
            <source>This run was recorded without a conversation, so it cannot be continued.</source>
            <translation>此次執行沒有記錄對話，因此無法繼續。</translation>
        </message>
        <message>
            <source>Run of job {job}</source>
            <translation>任務 {job} 的執行</translation>
        </message>
        <message>
            <source>took {seconds:.1f} s</source>
            <translation>耗時 {seconds:.1f} 秒</translation>
        </message>
        <message>
            <source>Hermes run ({source})</source>
            <translation>由 Hermes 執行（{source}）</translation>
        </message>
        <message>
            <source>No output file was found for this run.</source>
            <translation>找不到此次執行的輸出檔案。</translation>
        </message>
        <message>
            <source>This run is still going; you can reply once it has finished.</source>
            <translation>此次執行仍在進行；結束後即可回覆。</translation>
        </message>
        <message>
            <source>No messages yet.</source>
            <translation>尚無訊息。</translation>
        </message>
        <message numerus="yes">
            <source>%n message(s)</source>
            <translation>
                <numerusform>%n 則訊息</numerusform>
            </translation>
        </message>
        <message>
            <source>Script</source>
            <translation>腳本</translation>
        </message>
        <message>
            <source>Job prompt</source>
            <translation>任務提示詞</translation>
        </message>
        <message>
            <source>Script output</source>
            <translation>腳本輸出</translation>
        </message>
        <message>
            <source>Cron delivery</source>
            <translation>定時任務推送</translation>
        </message>
        <message>
            <source>You</source>
            <translation>你</translation>
        </message>
        <message>
            <source>Hermes</source>
            <translation>Hermes</translation>
        </message>
        <message>
            <source>System</source>
            <translation>系統</translation>
        </message>
        <message>
            <source>Tool</source>
            <translation>工具</translation>
        </message>
        <message>
            <source>Output</source>
            <translation>輸出</translation>
        </message>
        <message>
            <source>New chat</source>
            <translation>新對話</translation>
        </message>
        <message>
            <source>Your first message starts the conversation.</source>
            <translation>傳送第一則訊息即可開始對話。</translation>
        </message>
        <message>
            <source>Copy message</source>
            <translation>複製訊息</translation>
        </message>
        <message>
            <source>Showing the first {shown} characters of {size}.</source>
            <translation>正在顯示 {size} 中的前 {shown} 個字元。</translation>
        </message>
        <message>
            <source>Show all</source>
            <translation>顯示全部</translation>
        </message>
    </context>
    <context>
        <name>Tray</name>
        <message>
            <source>Hermes Desktop is still running</source>
            <translation>Hermes Desktop 仍在執行</translation>
        </message>
        <message>
            <source>Scheduled jobs keep running. To quit, choose Quit in the tray icon's menu.</source>
            <translation>定時任務會繼續執行。要結束，請在系統匣圖示的選單中選擇「結束」。</translation>
        </message>
    </context>
    <context>
        <name>WholeMessageWindow</name>
        <message>
            <source>Whole message</source>
            <translation>完整訊息</translation>
        </message>
        <message>
            <source>Loading…</source>
            <translation>正在載入…</translation>
        </message>
        <message>
            <source>Copy all</source>
            <translation>全部複製</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>關閉</translation>
        </message>
    </context>
</TS>
