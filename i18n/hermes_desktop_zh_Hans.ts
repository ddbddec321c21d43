<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
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
            <translation>仅一次</translation>
        </message>
        <message>
            <source>paused</source>
            <translation>已暂停</translation>
        </message>
        <message>
            <source>Daylight saving time: the clocks change before this run, from {old} to {new}.</source>
            <translation>夏令时：此次运行前时钟将从 {old} 调整为 {new}。</translation>
        </message>
        <message>
            <source>and %n more</source>
            <translation>还有 %n 项</translation>
        </message>
        <message>
            <source>DST</source>
            <translation>夏令时</translation>
        </message>
        <message>
            <source>Paused: this run happens only if the job is resumed.</source>
            <translation>已暂停：只有恢复该任务后才会运行。</translation>
        </message>
    </context>
    <context>
        <name>AgendaPanel</name>
        <message>
            <source>Upcoming</source>
            <translation>即将运行</translation>
        </message>
        <message>
            <source>24 hours</source>
            <translation>24 小时</translation>
        </message>
        <message>
            <source>7 days</source>
            <translation>7 天</translation>
        </message>
        <message>
            <source>Show the next {span}</source>
            <translation>显示接下来的 {span}</translation>
        </message>
        <message>
            <source>Upcoming runs</source>
            <translation>即将进行的运行</translation>
        </message>
        <message>
            <source>Nothing runs in the next 24 hours.</source>
            <translation>接下来 24 小时内没有要运行的任务。</translation>
        </message>
        <message>
            <source>Nothing runs in the next 7 days.</source>
            <translation>接下来 7 天内没有要运行的任务。</translation>
        </message>
        <message numerus="yes">
            <source>%n very frequent job(s) are shown only in part.</source>
            <translation>
                <numerusform>%n 个运行非常频繁的任务只显示了一部分。</numerusform>
            </translation>
        </message>
        <message>
            <source>Today: {ran} ran, {failed} failed</source>
            <translation>今天：已运行 {ran} 次，失败 {failed} 次</translation>
        </message>
        <message>
            <source>next: {title} at {time}</source>
            <translation>下一个：{time} {title}</translation>
        </message>
    </context>
    <context>
        <name>AppContext</name>
        <message>
            <source>Due jobs could not be started: {error}</source>
            <translation>到期的任务无法启动：{error}</translation>
        </message>
        <message>
            <source>Could not run the job: {error}</source>
            <translation>无法运行任务：{error}</translation>
        </message>
        <message>
            <source>Hermes is running this job right now; it was not started twice.</source>
            <translation>Hermes 正在运行此任务，因此没有重复启动。</translation>
        </message>
        <message>
            <source>This job is already running.</source>
            <translation>此任务已在运行。</translation>
        </message>
        <message>
            <source>Another program kept the jobs busy; try again in a moment.</source>
            <translation>另一个程序一直占用着任务，请稍后再试。</translation>
        </message>
        <message>
            <source>The job is no longer in jobs.json.</source>
            <translation>该任务已不在 jobs.json 中。</translation>
        </message>
        <message>
            <source>This window does not run jobs now.</source>
            <translation>此窗口当前不运行任务。</translation>
        </message>
        <message>
            <source>Could not pause the job: {error}</source>
            <translation>无法暂停任务：{error}</translation>
        </message>
        <message>
            <source>Could not resume the job: {error}</source>
            <translation>无法恢复任务：{error}</translation>
        </message>
        <message>
            <source>Could not delete the job: {error}</source>
            <translation>无法删除任务：{error}</translation>
        </message>
    </context>
    <context>
        <name>AppTray</name>
        <message>
            <source>Show window</source>
            <translation>显示窗口</translation>
        </message>
        <message>
            <source>New cron job…</source>
            <translation>新建定时任务…</translation>
        </message>
        <message>
            <source>Settings…</source>
            <translation>设置…</translation>
        </message>
        <message>
            <source>Quit</source>
            <translation>退出</translation>
        </message>
        <message>
            <source>No scheduled runs</source>
            <translation>没有计划中的运行</translation>
        </message>
        <message>
            <source>Next: {title} {when}</source>
            <translation>下次：{title}（{when}）</translation>
        </message>
        <message>
            <source>Hide window</source>
            <translation>隐藏窗口</translation>
        </message>
        <message>
            <source>Resume all jobs</source>
            <translation>恢复所有任务</translation>
        </message>
        <message>
            <source>Pause all jobs</source>
            <translation>暂停所有任务</translation>
        </message>
        <message>
            <source>Hermes Desktop</source>
            <translation>Hermes Desktop</translation>
        </message>
        <message>
            <source>Paused: jobs do not run until you resume</source>
            <translation>已暂停：恢复前任务不会运行</translation>
        </message>
        <message numerus="yes">
            <source>%n run(s) failed since you last looked</source>
            <translation>
                <numerusform>自上次查看以来有 %n 次运行失败</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Composer</name>
        <message>
            <source>Retry</source>
            <translation>重试</translation>
        </message>
        <message>
            <source>Message to Hermes</source>
            <translation>发给 Hermes 的消息</translation>
        </message>
        <message>
            <source>Message Hermes (Enter sends, Shift+Enter starts a new line)</source>
            <translation>给 Hermes 发消息（Enter 发送，Shift+Enter 换行）</translation>
        </message>
        <message>
            <source>Send</source>
            <translation>发送</translation>
        </message>
        <message>
            <source>Stop</source>
            <translation>停止</translation>
        </message>
        <message>
            <source>Write a message first.</source>
            <translation>请先输入消息。</translation>
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
            <translation>即将</translation>
        </message>
        <message numerus="yes">
            <source>in %ns</source>
            <translation>
                <numerusform>%n 秒后</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>in %n min</source>
            <translation>
                <numerusform>%n 分钟后</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>in %n h</source>
            <translation>
                <numerusform>%n 小时后</numerusform>
            </translation>
        </message>
        <message>
            <source>in {hours} h {minutes} min</source>
            <translation>{hours} 小时 {minutes} 分钟后</translation>
        </message>
        <message numerus="yes">
            <source>in %n d</source>
            <translation>
                <numerusform>%n 天后</numerusform>
            </translation>
        </message>
        <message>
            <source>in {days} d {hours} h</source>
            <translation>{days} 天 {hours} 小时后</translation>
        </message>
        <message>
            <source>just now</source>
            <translation>刚刚</translation>
        </message>
        <message numerus="yes">
            <source>%n min ago</source>
            <translation>
                <numerusform>%n 分钟前</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n h ago</source>
            <translation>
                <numerusform>%n 小时前</numerusform>
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
            <translation>定时任务</translation>
        </message>
        <message>
            <source>Search title, prompt, schedule</source>
            <translation>搜索标题、提示词、计划</translation>
        </message>
        <message>
            <source>Search jobs</source>
            <translation>搜索任务</translation>
        </message>
        <message>
            <source>New cron job</source>
            <translation>新建定时任务</translation>
        </message>
        <message>
            <source>Jobs</source>
            <translation>任务</translation>
        </message>
        <message>
            <source>No job matches the search.</source>
            <translation>没有与搜索匹配的任务。</translation>
        </message>
        <message>
            <source>Upcoming runs</source>
            <translation>即将进行的运行</translation>
        </message>
        <message>
            <source>No cron jobs yet. A cron job runs a prompt or a script on a schedule — every morning, every 30 minutes, once next Tuesday.</source>
            <translation>还没有定时任务。定时任务会按计划运行提示词或脚本——每天早上、每 30 分钟，或下周二运行一次。</translation>
        </message>
        <message>
            <source>Clear the search</source>
            <translation>清除搜索</translation>
        </message>
        <message>
            <source>Problem</source>
            <translation>问题</translation>
        </message>
        <message>
            <source>No job matches “{text}”.</source>
            <translation>没有与“{text}”匹配的任务。</translation>
        </message>
        <message>
            <source>Delete cron job</source>
            <translation>删除定时任务</translation>
        </message>
        <message>
            <source>Delete “{title}”? Its output files go too; its past runs stay in your sessions.</source>
            <translation>删除“{title}”？其输出文件也会一并删除；过去的运行记录仍保留在会话中。</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>删除</translation>
        </message>
        <message>
            <source>Run now</source>
            <translation>立即运行</translation>
        </message>
        <message>
            <source>Resume</source>
            <translation>恢复</translation>
        </message>
        <message>
            <source>Pause</source>
            <translation>暂停</translation>
        </message>
        <message>
            <source>Edit…</source>
            <translation>编辑…</translation>
        </message>
        <message>
            <source>Delete…</source>
            <translation>删除…</translation>
        </message>
    </context>
    <context>
        <name>CronSection</name>
        <message>
            <source>Cron jobs</source>
            <translation>定时任务</translation>
        </message>
        <message numerus="yes">
            <source>%n job(s)</source>
            <translation>
                <numerusform>%n 个任务</numerusform>
            </translation>
        </message>
        <message>
            <source>Cron jobs, expanded</source>
            <translation>定时任务（已展开）</translation>
        </message>
        <message>
            <source>Cron jobs, collapsed</source>
            <translation>定时任务（已收起）</translation>
        </message>
    </context>
    <context>
        <name>Deliver</name>
        <message>
            <source>This desktop (the output is only saved)</source>
            <translation>此桌面（仅保存输出）</translation>
        </message>
        <message>
            <source>The chat the job was made in</source>
            <translation>创建任务时所在的聊天</translation>
        </message>
        <message>
            <source>Every home channel</source>
            <translation>所有主频道</translation>
        </message>
        <message>
            <source>Email</source>
            <translation>电子邮件</translation>
        </message>
        <message>
            <source>SMS</source>
            <translation>短信</translation>
        </message>
        <message>
            <source>Webhook</source>
            <translation>Webhook</translation>
        </message>
        <message>
            <source>Hermes sends the output nowhere; it is saved with the job's runs.</source>
            <translation>Hermes 不会发送输出，只随任务的运行记录保存。</translation>
        </message>
        <message>
            <source>The chat the job was made from; for a job made here, the first platform with a home channel.</source>
            <translation>创建任务的聊天；在这里创建的任务则发到第一个设有主频道的平台。</translation>
        </message>
        <message>
            <source>Every platform that has a home channel set when the job runs.</source>
            <translation>任务运行时已设置主频道的所有平台。</translation>
        </message>
    </context>
    <context>
        <name>FieldError</name>
        <message>
            <source>Hermes does not deliver to that platform.</source>
            <translation>Hermes 不向该平台投递。</translation>
        </message>
        <message>
            <source>Write chats as platform:chat, with commas.</source>
            <translation>聊天请写成 platform:chat，用逗号分隔。</translation>
        </message>
        <message>
            <source>Cron jobs never get cronjob, messaging, clarify.</source>
            <translation>定时任务不能使用 cronjob、messaging、clarify。</translation>
        </message>
        <message>
            <source>A base URL needs a provider (custom: your own).</source>
            <translation>基础 URL 需要指定提供方（自有端点用 custom）。</translation>
        </message>
        <message>
            <source>Give the folder's full path.</source>
            <translation>请填写文件夹的完整路径。</translation>
        </message>
        <message>
            <source>That folder does not exist.</source>
            <translation>该文件夹不存在。</translation>
        </message>
        <message>
            <source>That is a file, not a folder.</source>
            <translation>这是文件，不是文件夹。</translation>
        </message>
        <message>
            <source>A job picked here no longer exists.</source>
            <translation>此处选择的任务已不存在。</translation>
        </message>
        <message>
            <source>Hermes reads output of hex job ids only.</source>
            <translation>Hermes 只读取十六进制任务 ID 的输出。</translation>
        </message>
        <message>
            <source>Pick a file in the home's scripts folder.</source>
            <translation>请选择主目录 scripts 文件夹中的文件。</translation>
        </message>
    </context>
    <context>
        <name>Firing</name>
        <message>
            <source>Not run by this window; no Hermes gateway seen</source>
            <translation>此窗口不运行，也未发现 Hermes 网关</translation>
        </message>
        <message>
            <source>Scheduled jobs run while this window is open</source>
            <translation>此窗口打开期间会运行定时任务</translation>
        </message>
        <message>
            <source>A Hermes gateway runs the scheduled jobs (pid {pid}); this window stands by</source>
            <translation>Hermes 网关（pid {pid}）正在运行定时任务；此窗口处于待命状态</translation>
        </message>
        <message>
            <source>Nobody runs these jobs now: this window runs only the profile on screen (see Settings)</source>
            <translation>目前没有任何程序运行这些任务：此窗口只运行当前显示的配置（见设置）</translation>
        </message>
        <message>
            <source>Nobody runs scheduled jobs now: this window is set not to (see Settings) and no Hermes gateway is running</source>
            <translation>目前没有任何程序运行定时任务：此窗口已设置为不运行（见设置），且没有 Hermes 网关在运行</translation>
        </message>
        <message>
            <source>this window</source>
            <translation>此窗口</translation>
        </message>
        <message>
            <source>Hermes gateway (pid {pid})</source>
            <translation>Hermes 网关（pid {pid}）</translation>
        </message>
        <message>
            <source>nobody</source>
            <translation>无</translation>
        </message>
        <message>
            <source>{when}, not run</source>
            <translation>{when}，不会运行</translation>
        </message>
    </context>
    <context>
        <name>Job</name>
        <message>
            <source>Cron job</source>
            <translation>定时任务</translation>
        </message>
    </context>
    <context>
        <name>JobChecklist</name>
        <message>
            <source>Filter jobs</source>
            <translation>筛选任务</translation>
        </message>
    </context>
    <context>
        <name>JobDetail</name>
        <message>
            <source>Pause</source>
            <translation>暂停</translation>
        </message>
        <message>
            <source>Run now</source>
            <translation>立即运行</translation>
        </message>
        <message>
            <source>Edit…</source>
            <translation>编辑…</translation>
        </message>
        <message>
            <source>Delete…</source>
            <translation>删除…</translation>
        </message>
        <message>
            <source>What runs</source>
            <translation>运行内容</translation>
        </message>
        <message>
            <source>Run history</source>
            <translation>运行记录</translation>
        </message>
        <message>
            <source>No runs yet.</source>
            <translation>尚无运行记录。</translation>
        </message>
        <message>
            <source>Cron job</source>
            <translation>定时任务</translation>
        </message>
        <message>
            <source>State: {state}</source>
            <translation>状态：{state}</translation>
        </message>
        <message>
            <source>Resume</source>
            <translation>恢复</translation>
        </message>
        <message>
            <source>This one-shot did not run: it was due {when}. Edit the job to give it a new time.</source>
            <translation>此一次性任务未运行：原定于 {when} 运行。请编辑任务，设置新的时间。</translation>
        </message>
        <message>
            <source>Last run failed: {error}</source>
            <translation>上次运行失败：{error}</translation>
        </message>
        <message>
            <source>Schedule</source>
            <translation>计划</translation>
        </message>
        <message>
            <source>Next run</source>
            <translation>下次运行</translation>
        </message>
        <message>
            <source>none</source>
            <translation>无</translation>
        </message>
        <message>
            <source>Last run</source>
            <translation>上次运行</translation>
        </message>
        <message>
            <source>never</source>
            <translation>从未运行</translation>
        </message>
        <message>
            <source>once</source>
            <translation>仅一次</translation>
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
            <translation>永久（目前已运行 {done} 次）</translation>
        </message>
        <message>
            <source>Repeat</source>
            <translation>重复</translation>
        </message>
        <message>
            <source>Paused because</source>
            <translation>暂停原因</translation>
        </message>
        <message>
            <source>Runs with</source>
            <translation>运行方式</translation>
        </message>
        <message>
            <source>Prompt:</source>
            <translation>提示词：</translation>
        </message>
        <message>
            <source>Script: {name}</source>
            <translation>脚本：{name}</translation>
        </message>
        <message>
            <source>(its output feeds the prompt)</source>
            <translation>（其输出会提供给提示词）</translation>
        </message>
    </context>
    <context>
        <name>JobEditor</name>
        <message>
            <source>Edit cron job</source>
            <translation>编辑定时任务</translation>
        </message>
        <message>
            <source>New cron job</source>
            <translation>新建定时任务</translation>
        </message>
        <message>
            <source>Optional — the prompt or script names it otherwise</source>
            <translation>可选——留空则以提示词或脚本命名</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <source>&amp;Name</source>
            <translation>名称(&amp;N)</translation>
        </message>
        <message>
            <source>A prompt for the agent</source>
            <translation>发给智能体的提示词</translation>
        </message>
        <message>
            <source>A script</source>
            <translation>脚本</translation>
        </message>
        <message>
            <source>A script whose output feeds the prompt</source>
            <translation>将输出提供给提示词的脚本</translation>
        </message>
        <message>
            <source>What runs</source>
            <translation>运行内容</translation>
        </message>
        <message>
            <source>Prompt</source>
            <translation>提示词</translation>
        </message>
        <message>
            <source>What should Hermes do each time?</source>
            <translation>每次要让 Hermes 做什么？</translation>
        </message>
        <message>
            <source>&amp;Prompt</source>
            <translation>提示词(&amp;P)</translation>
        </message>
        <message>
            <source>Script</source>
            <translation>脚本</translation>
        </message>
        <message>
            <source>A file in {folder}</source>
            <translation>{folder} 中的文件</translation>
        </message>
        <message>
            <source>S&amp;cript</source>
            <translation>脚本(&amp;C)</translation>
        </message>
        <message>
            <source>Schedule</source>
            <translation>计划</translation>
        </message>
        <message>
            <source>Schedule preset</source>
            <translation>计划预设</translation>
        </message>
        <message>
            <source>Custom (type below)</source>
            <translation>自定义（在下方输入）</translation>
        </message>
        <message>
            <source>Every N minutes</source>
            <translation>每 N 分钟</translation>
        </message>
        <message>
            <source>Hourly</source>
            <translation>每小时</translation>
        </message>
        <message>
            <source>Daily at</source>
            <translation>每天</translation>
        </message>
        <message>
            <source>Weekdays at</source>
            <translation>工作日</translation>
        </message>
        <message>
            <source>Weekly on a day at</source>
            <translation>每周指定星期的</translation>
        </message>
        <message>
            <source>Monthly on a day at</source>
            <translation>每月指定日期的</translation>
        </message>
        <message>
            <source>Once at a date and time</source>
            <translation>在指定日期和时间运行一次</translation>
        </message>
        <message>
            <source> min</source>
            <translation> 分钟</translation>
        </message>
        <message>
            <source>Minutes between runs</source>
            <translation>运行间隔（分钟）</translation>
        </message>
        <message>
            <source>Day of the week</source>
            <translation>星期几</translation>
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
            <translation>时间</translation>
        </message>
        <message>
            <source>Date and time</source>
            <translation>日期和时间</translation>
        </message>
        <message>
            <source>every 30m · weekdays at 9am · 0 9 * * 1-5 · in 20m</source>
            <translation>每天 9点 · 工作日 9:00 · 每30分钟 · 0 9 * * 1-5</translation>
        </message>
        <message>
            <source>What the schedule means</source>
            <translation>计划的含义</translation>
        </message>
        <message>
            <source>Deliver to</source>
            <translation>投递到</translation>
        </message>
        <message>
            <source>Other delivery targets</source>
            <translation>其他投递目标</translation>
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
            <translation>重复</translation>
        </message>
        <message>
            <source> runs</source>
            <translation> 次</translation>
        </message>
        <message>
            <source>Working folder</source>
            <translation>工作文件夹</translation>
        </message>
        <message>
            <source>None — Hermes' own folder, no project files</source>
            <translation>无 — 使用 Hermes 自己的文件夹，不含项目文件</translation>
        </message>
        <message>
            <source>Choose…</source>
            <translation>选择…</translation>
        </message>
        <message>
            <source>Choose the working folder</source>
            <translation>选择工作文件夹</translation>
        </message>
        <message>
            <source>Skills</source>
            <translation>技能</translation>
        </message>
        <message>
            <source>None — names, separated by commas</source>
            <translation>无 — 名称，用逗号分隔</translation>
        </message>
        <message>
            <source>Toolsets</source>
            <translation>工具集</translation>
        </message>
        <message>
            <source>All that Hermes gives cron jobs — or: web, terminal, file</source>
            <translation>Hermes 给定时任务的全部工具集 — 或：web, terminal, file</translation>
        </message>
        <message>
            <source>Default from Settings</source>
            <translation>使用设置中的默认值</translation>
        </message>
        <message>
            <source>Model</source>
            <translation>模型</translation>
        </message>
        <message>
            <source>Default — or a provider name, custom for your own endpoint</source>
            <translation>默认 — 或提供方名称（自有端点用 custom）</translation>
        </message>
        <message>
            <source>Provider</source>
            <translation>提供方</translation>
        </message>
        <message>
            <source>Endpoint</source>
            <translation>端点</translation>
        </message>
        <message>
            <source>Output of other jobs as context</source>
            <translation>以其他任务的输出作为上下文</translation>
        </message>
        <message>
            <source>No other jobs yet.</source>
            <translation>还没有其他任务。</translation>
        </message>
        <message>
            <source>Output and running</source>
            <translation>输出与运行</translation>
        </message>
        <message>
            <source>&amp;Deliver to</source>
            <translation>投递到(&amp;D)</translation>
        </message>
        <message>
            <source>&amp;Working folder</source>
            <translation>工作文件夹(&amp;W)</translation>
        </message>
        <message>
            <source>&amp;Repeat</source>
            <translation>重复(&amp;R)</translation>
        </message>
        <message>
            <source>The agent</source>
            <translation>智能体</translation>
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
            <translation>提供方(&amp;V)</translation>
        </message>
        <message>
            <source>&amp;Endpoint (base URL)</source>
            <translation>端点（基础 URL）(&amp;E)</translation>
        </message>
        <message>
            <source>&amp;Context from</source>
            <translation>上下文来源(&amp;C)</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>保存</translation>
        </message>
        <message>
            <source>(deleted job {id})</source>
            <translation>（已删除的任务 {id}）</translation>
        </message>
        <message>
            <source>moved: that time does not exist on this day (daylight saving)</source>
            <translation>已顺延：该时间在这一天不存在（夏令时）</translation>
        </message>
        <message>
            <source>that time happens twice on this day (daylight saving); runs once</source>
            <translation>该时间在这一天出现两次（夏令时）；只运行一次</translation>
        </message>
        <message>
            <source>Time zone: {zone}</source>
            <translation>时区：{zone}</translation>
        </message>
        <message>
            <source>Next runs:</source>
            <translation>接下来的运行：</translation>
        </message>
        <message>
            <source>none — this time has passed</source>
            <translation>无——该时间已过</translation>
        </message>
        <message>
            <source>Fix the schedule first.</source>
            <translation>请先修正计划。</translation>
        </message>
        <message>
            <source>Write the prompt.</source>
            <translation>请填写提示词。</translation>
        </message>
        <message>
            <source>Pick a script.</source>
            <translation>请选择脚本。</translation>
        </message>
        <message>
            <source>Fix the fields marked in red first.</source>
            <translation>请先修正标红的字段。</translation>
        </message>
        <message>
            <source>Not saved: {reason}</source>
            <translation>未保存：{reason}</translation>
        </message>
        <message>
            <source>unknown error</source>
            <translation>未知错误</translation>
        </message>
    </context>
    <context>
        <name>JobRow</name>
        <message>
            <source>Run now</source>
            <translation>立即运行</translation>
        </message>
        <message>
            <source>Manage</source>
            <translation>管理</translation>
        </message>
        <message>
            <source>Manage this job</source>
            <translation>管理此任务</translation>
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
            <translation>文件(&amp;F)</translation>
        </message>
        <message>
            <source>New &amp;chat</source>
            <translation>新对话(&amp;C)</translation>
        </message>
        <message>
            <source>&amp;Profiles…</source>
            <translation>配置(&amp;P)…</translation>
        </message>
        <message>
            <source>&amp;Settings…</source>
            <translation>设置(&amp;S)…</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>退出(&amp;Q)</translation>
        </message>
        <message>
            <source>&amp;Cron</source>
            <translation>定时任务(&amp;C)</translation>
        </message>
        <message>
            <source>&amp;Manage cron jobs…</source>
            <translation>管理定时任务(&amp;M)…</translation>
        </message>
        <message>
            <source>&amp;New cron job</source>
            <translation>新建定时任务(&amp;N)</translation>
        </message>
        <message>
            <source>{app} — profile {name}</source>
            <translation>{app} — 配置 {name}</translation>
        </message>
        <message>
            <source>Paused: jobs do not run until you resume</source>
            <translation>已暂停：恢复前任务不会运行</translation>
        </message>
    </context>
    <context>
        <name>MissedRuns</name>
        <message>
            <source>Missed — was due {time}</source>
            <translation>已错过 — 原定于 {time} 运行</translation>
        </message>
        <message>
            <source>Missed run at {time}</source>
            <translation>已错过 {time} 的运行</translation>
        </message>
        <message numerus="yes">
            <source>%n run(s) missed, {span}</source>
            <translation>
                <numerusform>已错过 %n 次运行（{span}）</numerusform>
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
                <numerusform>%n 个任务失败</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Notify</name>
        <message>
            <source>{title} (profile {profile})</source>
            <translation>{title}（配置 {profile}）</translation>
        </message>
        <message>
            <source>Cron job failed: {title}</source>
            <translation>定时任务失败：{title}</translation>
        </message>
        <message>
            <source>Cron job finished: {title}</source>
            <translation>定时任务已完成：{title}</translation>
        </message>
        <message>
            <source>It was due {when} and did not run. One-shot jobs do not run late; edit the job to give it a new time.</source>
            <translation>原定于 {when} 运行，但没有运行。一次性任务不会延后运行；请编辑任务，设置新的时间。</translation>
        </message>
        <message>
            <source>Cron job missed: {title}</source>
            <translation>定时任务已错过：{title}</translation>
        </message>
    </context>
    <context>
        <name>Problems</name>
        <message>
            <source>check the API key</source>
            <translation>请检查 API 密钥</translation>
        </message>
        <message>
            <source>the key may lack access</source>
            <translation>该密钥可能没有访问权限</translation>
        </message>
        <message>
            <source>check the base URL and model</source>
            <translation>请检查基础 URL 和模型</translation>
        </message>
        <message>
            <source>rate limited</source>
            <translation>请求过于频繁，已被限流</translation>
        </message>
        <message>
            <source> ({hint})</source>
            <translation>（{hint}）</translation>
        </message>
        <message>
            <source>No such file or folder</source>
            <translation>文件或文件夹不存在</translation>
        </message>
        <message>
            <source>Permission denied</source>
            <translation>权限不足</translation>
        </message>
        <message>
            <source>Not permitted</source>
            <translation>不允许此操作</translation>
        </message>
        <message>
            <source>The disk is read-only</source>
            <translation>磁盘为只读</translation>
        </message>
        <message>
            <source>The disk is full</source>
            <translation>磁盘已满</translation>
        </message>
        <message>
            <source>This is a folder, not a file</source>
            <translation>这是文件夹，不是文件</translation>
        </message>
        <message>
            <source>A part of the path is not a folder</source>
            <translation>路径中有一部分不是文件夹</translation>
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
            <translation>拒绝运行脚本“{name}”：它必须是 {folder} 中的文件。</translation>
        </message>
        <message>
            <source>Script “{name}” is refused: it leads outside {folder}.</source>
            <translation>拒绝运行脚本“{name}”：它指向 {folder} 之外。</translation>
        </message>
        <message>
            <source>Script “{name}” was not found in {folder}.</source>
            <translation>在 {folder} 中找不到脚本“{name}”。</translation>
        </message>
        <message>
            <source>Could not start {name}: {detail}</source>
            <translation>无法启动 {name}：{detail}</translation>
        </message>
        <message>
            <source>{name} was stopped after {seconds} s (the job timeout).</source>
            <translation>{name} 运行 {seconds} 秒后因任务超时被停止。</translation>
        </message>
        <message>
            <source>{name} was stopped after {seconds} s (the job timeout), along with the {count} processes it started.</source>
            <translation>{name} 运行 {seconds} 秒后因任务超时被停止，它启动的 {count} 个进程也一并停止。</translation>
        </message>
        <message>
            <source>{name} was stopped because the app was closing.</source>
            <translation>应用正在退出，{name} 已被停止。</translation>
        </message>
        <message>
            <source>{name} was stopped because the app was closing, along with the {count} processes it started.</source>
            <translation>应用正在退出，{name} 及其启动的 {count} 个进程已被停止。</translation>
        </message>
        <message>
            <source>{name} ended, but its exit status was lost.</source>
            <translation>{name} 已结束，但未能获取其退出状态。</translation>
        </message>
        <message>
            <source>{name} ended, but its exit status was lost; the {count} processes it left running were stopped.</source>
            <translation>{name} 已结束，但未能获取其退出状态；它遗留的 {count} 个进程已被停止。</translation>
        </message>
        <message>
            <source>{name} exited with code {code}.</source>
            <translation>{name} 以退出码 {code} 结束。</translation>
        </message>
        <message>
            <source>{name} exited with code {code}:</source>
            <translation>{name} 以退出码 {code} 结束：</translation>
        </message>
        <message>
            <source>{name} exited with code {code}; the {count} processes it left running were stopped.</source>
            <translation>{name} 以退出码 {code} 结束；它遗留的 {count} 个进程已被停止。</translation>
        </message>
        <message>
            <source>{name} exited with code {code}; the {count} processes it left running were stopped:</source>
            <translation>{name} 以退出码 {code} 结束；它遗留的 {count} 个进程已被停止：</translation>
        </message>
        <message>
            <source>No model endpoint is set up: set one in Settings.</source>
            <translation>尚未配置模型端点，请在“设置”中配置。</translation>
        </message>
        <message>
            <source>The model endpoint {url} did not answer within {seconds} s.</source>
            <translation>模型端点 {url} 在 {seconds} 秒内没有响应。</translation>
        </message>
        <message>
            <source>The request to the model was stopped because the app was closing.</source>
            <translation>应用正在退出，已停止向模型发送的请求。</translation>
        </message>
        <message>
            <source>Could not reach the model endpoint {url}: {detail}</source>
            <translation>无法连接模型端点 {url}：{detail}</translation>
        </message>
        <message>
            <source>The model endpoint answered HTTP {status}{hint}: {detail}</source>
            <translation>模型端点返回了 HTTP {status}{hint}：{detail}</translation>
        </message>
        <message>
            <source>The model endpoint sent a reply that is not a chat completion.</source>
            <translation>模型端点返回的内容不是对话补全结果。</translation>
        </message>
        <message>
            <source>The model endpoint's reply has no text.</source>
            <translation>模型端点的回复中没有文本。</translation>
        </message>
        <message>
            <source>Unexpected error: {detail}</source>
            <translation>意外错误：{detail}</translation>
        </message>
        <message>
            <source>Run failed: {detail}</source>
            <translation>运行失败：{detail}</translation>
        </message>
        <message>
            <source>The run started {at} by {owner} did not finish (its process ended or its lease ran out).</source>
            <translation>{owner} 于 {at} 开始的运行未能完成（其进程已结束或租约已过期）。</translation>
        </message>
        <message>
            <source>This run was interrupted: {detail}</source>
            <translation>此次运行被中断：{detail}</translation>
        </message>
        <message>
            <source>its process ended.</source>
            <translation>其进程已结束。</translation>
        </message>
        <message>
            <source>This run's transcript could not be finished at the time (state.db was busy); it was ended later.</source>
            <translation>由于 state.db 正忙，此次运行的记录当时未能完成，之后已补上。</translation>
        </message>
        <message>
            <source>Missed: this one-shot was due {due} and did not run, because neither the app nor Hermes was running. One-shots do not run late; edit the job to set a new time.</source>
            <translation>未运行：此一次性任务原定于 {due} 运行，但当时应用和 Hermes 都未运行。一次性任务不会补运行；请编辑任务设置新的时间。</translation>
        </message>
        <message>
            <source>{runs} scheduled runs from {first} to {last} did not run, because neither the app nor Hermes was running. The job ran once when they came back, and its schedule moved on.</source>
            <translation>{first} 至 {last} 期间的 {runs} 次计划运行未执行，因为当时应用和 Hermes 都未运行。恢复后任务已运行一次，计划也已顺延。</translation>
        </message>
        <message>
            <source>{runs} scheduled runs from {first} to {last} did not run: jobs were checked {late} s late, so the job ran once for them and its schedule moved on.</source>
            <translation>{first} 至 {last} 期间的 {runs} 次计划运行未执行：任务检查晚了 {late} 秒，因此合并运行了一次，计划也已顺延。</translation>
        </message>
        <message>
            <source>This run was due {due} and ran {late} s late, because neither the app nor Hermes was running. {runs} scheduled runs up to now were folded into this one run.</source>
            <translation>此次运行原定于 {due}，因应用和 Hermes 都未运行而晚了 {late} 秒。截至目前的 {runs} 次计划运行已合并为这一次。</translation>
        </message>
        <message>
            <source>Another program has held {path} for over {seconds} s; nothing was changed. Try again in a moment.</source>
            <translation>另一个程序占用 {path} 已超过 {seconds} 秒，未做任何更改。请稍后重试。</translation>
        </message>
        <message>
            <source>The Hermes home is read-only here ({folder}); jobs can be listed but not added, changed, run or ticked.</source>
            <translation>Hermes 主目录（{folder}）在此为只读：可以查看任务列表，但无法添加、修改或运行任务。</translation>
        </message>
        <message>
            <source>The Hermes home is read-only here ({folder}); nothing was changed.</source>
            <translation>Hermes 主目录（{folder}）在此为只读，未做任何更改。</translation>
        </message>
        <message>
            <source>{path} is a folder, not a lock file; move it away so jobs can be changed and run.</source>
            <translation>{path} 是文件夹而不是锁文件；请将其移走，才能修改和运行任务。</translation>
        </message>
        <message>
            <source>Cannot take the lock {path}: {detail}.</source>
            <translation>无法获取锁 {path}：{detail}</translation>
        </message>
        <message>
            <source>The disk is full; {path} was left as it was.</source>
            <translation>磁盘已满；{path} 保持不变。</translation>
        </message>
        <message>
            <source>Cannot write {path}: {detail}; it was left as it was.</source>
            <translation>无法写入 {path}（{detail}）；文件保持不变。</translation>
        </message>
        <message>
            <source>Cannot read {path}: {detail}</source>
            <translation>无法读取 {path}：{detail}</translation>
        </message>
        <message>
            <source>{path} is not UTF-8 text (byte {byte}); fix it or move it away.</source>
            <translation>{path} 不是 UTF-8 文本（第 {byte} 字节）；请修正或将其移走。</translation>
        </message>
        <message>
            <source>{path} is not valid JSON (line {line}, column {column}); it was left untouched. Fix it or move it away.</source>
            <translation>{path} 不是有效的 JSON（第 {line} 行第 {column} 列）；文件未被改动。请修正或将其移走。</translation>
        </message>
        <message>
            <source>{path} is nested too deeply to be a jobs file; it was left untouched.</source>
            <translation>{path} 嵌套层级过深，无法作为任务文件读取；文件未被改动。</translation>
        </message>
        <message>
            <source>{path} cannot be read as a jobs file; it was left untouched.</source>
            <translation>{path} 无法作为任务文件读取；文件未被改动。</translation>
        </message>
        <message>
            <source>{path} holds no list of jobs; it was left untouched.</source>
            <translation>{path} 中没有任务列表；文件未被改动。</translation>
        </message>
        <message>
            <source>There is no job with the id or name “{ref}”; it may have been deleted.</source>
            <translation>没有 ID 或名称为“{ref}”的任务；它可能已被删除。</translation>
        </message>
        <message>
            <source>This job has completed; there is nothing to pause.</source>
            <translation>此任务已完成，无需暂停。</translation>
        </message>
        <message>
            <source>{path} cannot be read, so it was not overwritten. Fix it or move it away.</source>
            <translation>无法读取 {path}，因此未覆盖它。请修正或将其移走。</translation>
        </message>
        <message>
            <source>{path} stayed locked by another program for {seconds} s ({attempts} attempts), so the change was not saved.</source>
            <translation>{path} 被另一个程序锁定了 {seconds} 秒（尝试 {attempts} 次），因此更改未能保存。</translation>
        </message>
    </context>
    <context>
        <name>ProfilesWindow</name>
        <message>
            <source>Profiles</source>
            <translation>配置</translation>
        </message>
        <message>
            <source>New profile</source>
            <translation>新建配置</translation>
        </message>
        <message>
            <source>Switch to this profile</source>
            <translation>切换到此配置</translation>
        </message>
        <message>
            <source>default</source>
            <translation>默认</translation>
        </message>
        <message>
            <source>{name} (active)</source>
            <translation>{name}（当前）</translation>
        </message>
        <message>
            <source>Counting…</source>
            <translation>正在统计…</translation>
        </message>
        <message numerus="yes">
            <source>%n session(s)</source>
            <translation>
                <numerusform>%n 个会话</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n job(s)</source>
            <translation>
                <numerusform>%n 个任务</numerusform>
            </translation>
        </message>
        <message>
            <source>Jobs run by: {who}</source>
            <translation>任务由谁运行：{who}</translation>
        </message>
        <message>
            <source>Use letters, digits, dots, dashes or underscores (not “default”).</source>
            <translation>请使用字母、数字、点、连字符或下划线（不能是“default”）。</translation>
        </message>
        <message>
            <source>A profile named “{name}” exists already.</source>
            <translation>名为“{name}”的配置已存在。</translation>
        </message>
        <message>
            <source>Name of the new profile:</source>
            <translation>新配置的名称：</translation>
        </message>
    </context>
    <context>
        <name>RenameDialog</name>
        <message>
            <source>Rename session</source>
            <translation>重命名会话</translation>
        </message>
        <message>
            <source>New title for “{title}”:</source>
            <translation>“{title}”的新标题：</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>标题</translation>
        </message>
        <message>
            <source>Empty: the list shows the first message</source>
            <translation>留空：列表中显示第一条消息</translation>
        </message>
        <message>
            <source>Rename</source>
            <translation>重命名</translation>
        </message>
        <message>
            <source>That title is too long: {length} characters, at most {limit}.</source>
            <translation>标题太长：{length} 个字符，最多 {limit} 个。</translation>
        </message>
        <message>
            <source>Another session already has the title “{title}”. Titles are unique, as in Hermes.</source>
            <translation>已有另一个会话使用标题“{title}”。与 Hermes 一样，标题不能重复。</translation>
        </message>
        <message>
            <source>This session no longer exists.</source>
            <translation>此会话已不存在。</translation>
        </message>
        <message>
            <source>Could not rename: {reason}</source>
            <translation>无法重命名：{reason}</translation>
        </message>
    </context>
    <context>
        <name>RunHistory</name>
        <message>
            <source>Scheduled</source>
            <translation>按计划</translation>
        </message>
        <message>
            <source>Run now</source>
            <translation>立即运行</translation>
        </message>
        <message>
            <source>Catch-up</source>
            <translation>补运行</translation>
        </message>
        <message>
            <source>Missed</source>
            <translation>已错过</translation>
        </message>
        <message>
            <source>Started at a time the schedule names.</source>
            <translation>在计划的时间开始。</translation>
        </message>
        <message>
            <source>Started when no run was due: most likely Run now (a late catch-up of a single run looks the same).</source>
            <translation>在没有计划运行的时间开始：很可能是“立即运行”（仅补运行一次的延迟运行看起来也一样）。</translation>
        </message>
        <message>
            <source>Started late, right after missed runs: the app or Hermes came back and ran the job once.</source>
            <translation>在错过的运行之后延迟开始：应用或 Hermes 恢复后运行了一次该任务。</translation>
        </message>
        <message>
            <source>Nothing was running jobs at these times, so these runs did not happen.</source>
            <translation>这些时间没有程序在运行任务，因此这些运行没有发生。</translation>
        </message>
        <message>
            <source>How this run started is not recorded (Run now moves an interval job's times).</source>
            <translation>未记录此次运行是如何开始的（“立即运行”会改变间隔任务的时间）。</translation>
        </message>
        <message>
            <source>{m} min {s} s</source>
            <translation>{m} 分 {s} 秒</translation>
        </message>
        <message>
            <source>{h} h {m} min</source>
            <translation>{h} 小时 {m} 分</translation>
        </message>
        <message>
            <source>Run history</source>
            <translation>运行记录</translation>
        </message>
    </context>
    <context>
        <name>RunPeek</name>
        <message>
            <source>Recent runs</source>
            <translation>最近的运行</translation>
        </message>
        <message>
            <source>No runs yet</source>
            <translation>尚无运行记录</translation>
        </message>
    </context>
    <context>
        <name>Runner</name>
        <message>
            <source>Hermes was not found at {path}. Prompt jobs fail until the path in Settings is fixed or cleared.</source>
            <translation>在 {path} 找不到 Hermes。在修正或清空设置中的路径之前，提示词任务都会失败。</translation>
        </message>
        <message>
            <source>{path} is a folder, not the hermes program. Prompt jobs fail until the path in Settings is fixed or cleared.</source>
            <translation>{path} 是文件夹，不是 hermes 程序。在修正或清空设置中的路径之前，提示词任务都会失败。</translation>
        </message>
        <message>
            <source>{path} is not hermes-agent's hermes program. Prompt jobs fail until the path in Settings is fixed or cleared.</source>
            <translation>{path} 不是 hermes-agent 的 hermes 程序。在修正或清空设置中的路径之前，提示词任务都会失败。</translation>
        </message>
        <message>
            <source>No Hermes found: prompt jobs use the built-in runner and the endpoint below.</source>
            <translation>未找到 Hermes：提示词任务使用内置运行器和下方的端点。</translation>
        </message>
        <message>
            <source>Prompt jobs run with Hermes {version} ({path}).</source>
            <translation>提示词任务由 Hermes {version}（{path}）运行。</translation>
        </message>
        <message>
            <source>Prompt jobs run with Hermes ({path}); its version could not be read.</source>
            <translation>提示词任务由 Hermes（{path}）运行；无法读取其版本。</translation>
        </message>
        <message>
            <source>This app (a script job)</source>
            <translation>本应用（脚本任务）</translation>
        </message>
        <message>
            <source>The built-in runner (OpenAI-compatible endpoint)</source>
            <translation>内置运行器（OpenAI 兼容端点）</translation>
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
                <numerusform>每 %n 小时</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Every %n minute(s)</source>
            <translation>
                <numerusform>每 %n 分钟</numerusform>
            </translation>
        </message>
        <message>
            <source>Once (the time is unreadable)</source>
            <translation>仅一次（无法读取时间）</translation>
        </message>
        <message>
            <source>Once, on {when}</source>
            <translation>仅一次，{when}</translation>
        </message>
        <message>
            <source>Every hour at {minute} minutes past</source>
            <translation>每小时的第 {minute} 分钟</translation>
        </message>
        <message numerus="yes">
            <source>Every %n hour(s), at {minute} minutes past the hour</source>
            <translation>
                <numerusform>每 %n 小时，在第 {minute} 分钟</numerusform>
            </translation>
        </message>
        <message>
            <source>Every day at {time}</source>
            <translation>每天 {time}</translation>
        </message>
        <message>
            <source>Weekdays (Monday to Friday) at {time}</source>
            <translation>工作日（周一至周五）{time}</translation>
        </message>
        <message>
            <source>Weekends at {time}</source>
            <translation>周末 {time}</translation>
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
            <translation>cron 表达式 {expr}</translation>
        </message>
    </context>
    <context>
        <name>ScheduleError</name>
        <message>
            <source>The schedule is empty.</source>
            <translation>计划为空。</translation>
        </message>
        <message>
            <source>The schedule is too long (at most 200 characters).</source>
            <translation>计划过长（最多 200 个字符）。</translation>
        </message>
        <message>
            <source>This is not a valid cron expression: it needs 5 fields, each in range.</source>
            <translation>这不是有效的 cron 表达式：需要 5 个字段，且每个都在有效范围内。</translation>
        </message>
        <message>
            <source>This cron expression never occurs: no calendar date matches it.</source>
            <translation>此 cron 表达式永远不会触发：没有匹配的日期。</translation>
        </message>
        <message>
            <source>An interval must be a whole number of minutes, hours or days, at least 1 minute.</source>
            <translation>间隔必须是整数的分钟、小时或天数，至少 1 分钟。</translation>
        </message>
        <message>
            <source>That is not a time of day or a date and time this app can read.</source>
            <translation>这不是本应用能识别的时间或日期时间。</translation>
        </message>
        <message>
            <source>That time has already passed.</source>
            <translation>该时间已经过去。</translation>
        </message>
        <message>
            <source>That is more than 100 years from now.</source>
            <translation>这个时间在 100 年之后。</translation>
        </message>
        <message>
            <source>This is not a schedule this app understands.</source>
            <translation>本应用无法识别此计划。</translation>
        </message>
        <message>
            <source>The stored schedule is damaged.</source>
            <translation>已保存的计划已损坏。</translation>
        </message>
        <message>
            <source>Say at what time it runs, like “every day at 9:00”.</source>
            <translation>请同时写明运行时间，例如“每天 9:00”。</translation>
        </message>
        <message>
            <source>That hour can be read two ways; write it from 0 to 23, like 0:00 or 12:00.</source>
            <translation>这个时间有两种理解；请用 0–23 点表示，例如 0:00 或 12:00。</translation>
        </message>
        <message>
            <source>Forms that work: every 30m · 2h · in 20m · 2026-02-03T14:00 · 0 9 * * 1-5 · @daily · weekdays at 9am · every monday 9am</source>
            <translation>可用的写法：每天 9点 · 工作日 9:00 · 每周一 下午3点 · 每月1号 9点 · 每30分钟 · 每2小时 · every 30m · in 20m · 0 9 * * 1-5 · 2026-02-03T14:00</translation>
        </message>
    </context>
    <context>
        <name>SessionActions</name>
        <message>
            <source>Rename…</source>
            <translation>重命名…</translation>
        </message>
        <message>
            <source>Export as Markdown…</source>
            <translation>导出为 Markdown…</translation>
        </message>
        <message>
            <source>Copy as Markdown</source>
            <translation>复制为 Markdown</translation>
        </message>
        <message>
            <source>Delete…</source>
            <translation>删除…</translation>
        </message>
        <message>
            <source>&amp;Session</source>
            <translation>会话(&amp;S)</translation>
        </message>
        <message>
            <source>Could not read “{title}”: {reason}</source>
            <translation>无法读取“{title}”：{reason}</translation>
        </message>
        <message>
            <source>“{title}” no longer exists; another program deleted it.</source>
            <translation>“{title}”已不存在，已被其他程序删除。</translation>
        </message>
        <message>
            <source>Session</source>
            <translation>会话</translation>
        </message>
        <message>
            <source>Delete session</source>
            <translation>删除会话</translation>
        </message>
        <message numerus="yes">
            <source>Delete “{title}” and its %n message(s) for good?</source>
            <translation>
                <numerusform>永久删除“{title}”及其 %n 条消息？</numerusform>
            </translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>删除</translation>
        </message>
        <message>
            <source>Hermes is still replying in “{title}”. Stop the reply, then delete it.</source>
            <translation>Hermes 仍在“{title}”中回复。请先停止回复，再删除。</translation>
        </message>
        <message>
            <source>“{title}” is still running. Delete it once it has finished.</source>
            <translation>“{title}”仍在运行。请在运行结束后再删除。</translation>
        </message>
        <message>
            <source>Could not delete “{title}”: {reason}</source>
            <translation>无法删除“{title}”：{reason}</translation>
        </message>
        <message>
            <source>Started</source>
            <translation>开始时间</translation>
        </message>
        <message>
            <source>Source</source>
            <translation>来源</translation>
        </message>
        <message>
            <source>Untitled session</source>
            <translation>未命名会话</translation>
        </message>
        <message>
            <source>No messages.</source>
            <translation>没有消息。</translation>
        </message>
        <message>
            <source>Export as Markdown</source>
            <translation>导出为 Markdown</translation>
        </message>
        <message>
            <source>Markdown (*.md);;All files (*)</source>
            <translation>Markdown (*.md);;所有文件 (*)</translation>
        </message>
        <message>
            <source>{path} is not a regular file; choose a file name.</source>
            <translation>{path} 不是普通文件；请选择一个文件名。</translation>
        </message>
        <message>
            <source>{path} is one of the Hermes home's own files; choose another name.</source>
            <translation>{path} 是 Hermes 主目录自身的文件；请换一个名称。</translation>
        </message>
        <message>
            <source>the folder {path} does not exist.</source>
            <translation>文件夹 {path} 不存在。</translation>
        </message>
        <message>
            <source>Could not export “{title}”: {reason}</source>
            <translation>无法导出“{title}”：{reason}</translation>
        </message>
        <message>
            <source>Exported “{title}” to {path}</source>
            <translation>已将“{title}”导出到 {path}</translation>
        </message>
        <message>
            <source>Could not copy “{title}”: {reason}</source>
            <translation>无法复制“{title}”：{reason}</translation>
        </message>
        <message>
            <source>Copied “{title}” as Markdown</source>
            <translation>已将“{title}”复制为 Markdown</translation>
        </message>
    </context>
    <context>
        <name>SessionSearchBox</name>
        <message>
            <source>Search conversations</source>
            <translation>搜索对话</translation>
        </message>
        <message>
            <source>Words, "a phrase" or a prefix*; Chinese and Japanese match anywhere. Enter opens the best match, Escape clears.</source>
            <translation>可输入词语、"短语"或前缀*；中文和日文可匹配文中任意位置。按 Enter 打开最佳匹配，按 Esc 清除。</translation>
        </message>
        <message>
            <source>Include cron runs</source>
            <translation>包括定时任务的运行</translation>
        </message>
        <message>
            <source>Search results</source>
            <translation>搜索结果</translation>
        </message>
        <message>
            <source>The search failed: {error}</source>
            <translation>搜索失败：{error}</translation>
        </message>
        <message>
            <source>Type a word to search for.</source>
            <translation>请输入要搜索的词。</translation>
        </message>
        <message>
            <source>No conversation matches “{query}”</source>
            <translation>没有与“{query}”匹配的对话</translation>
        </message>
        <message>
            <source>Older conversations may match too: the search stopped early.</source>
            <translation>搜索已提前停止，较早的对话中可能还有匹配项。</translation>
        </message>
        <message numerus="yes">
            <source>Searched the newest %n message(s) only.</source>
            <translation>
                <numerusform>仅搜索了最新的 %n 条消息。</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Sessions</name>
        <message>
            <source>Loading…</source>
            <translation>正在加载…</translation>
        </message>
        <message>
            <source>Untitled session</source>
            <translation>未命名会话</translation>
        </message>
    </context>
    <context>
        <name>SettingsWindow</name>
        <message>
            <source>Settings</source>
            <translation>设置</translation>
        </message>
        <message>
            <source>General</source>
            <translation>常规</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>语言</translation>
        </message>
        <message>
            <source>System</source>
            <translation>跟随系统</translation>
        </message>
        <message>
            <source>&amp;Language</source>
            <translation>语言(&amp;L)</translation>
        </message>
        <message>
            <source>The new language shows the next time Hermes Desktop starts.</source>
            <translation>新语言将在下次启动 Hermes Desktop 时生效。</translation>
        </message>
        <message>
            <source>Appearance</source>
            <translation>外观</translation>
        </message>
        <message>
            <source>Follow the system</source>
            <translation>跟随系统</translation>
        </message>
        <message>
            <source>Light</source>
            <translation>浅色</translation>
        </message>
        <message>
            <source>Dark</source>
            <translation>深色</translation>
        </message>
        <message>
            <source>&amp;Appearance</source>
            <translation>外观(&amp;A)</translation>
        </message>
        <message>
            <source>Run scheduled jobs while the app is open</source>
            <translation>应用打开时运行定时任务</translation>
        </message>
        <message>
            <source>Run the jobs of every profile, not only the one on screen</source>
            <translation>运行所有配置的任务，而不仅是当前显示的配置</translation>
        </message>
        <message>
            <source>Notify when any run finishes</source>
            <translation>每次运行结束时通知</translation>
        </message>
        <message>
            <source>Start Hermes Desktop when I log in</source>
            <translation>登录时启动 Hermes Desktop</translation>
        </message>
        <message>
            <source>Hermes</source>
            <translation>Hermes</translation>
        </message>
        <message>
            <source>Looking for Hermes…</source>
            <translation>正在查找 Hermes…</translation>
        </message>
        <message>
            <source>Find automatically</source>
            <translation>自动查找</translation>
        </message>
        <message>
            <source>Hermes program</source>
            <translation>Hermes 程序</translation>
        </message>
        <message>
            <source>Browse…</source>
            <translation>浏览…</translation>
        </message>
        <message>
            <source>Choose the hermes program</source>
            <translation>选择 hermes 程序</translation>
        </message>
        <message>
            <source>&amp;Program</source>
            <translation>程序(&amp;P)</translation>
        </message>
        <message>
            <source>Agent endpoint (OpenAI-compatible)</source>
            <translation>智能体端点（兼容 OpenAI）</translation>
        </message>
        <message>
            <source>Base URL</source>
            <translation>基础 URL</translation>
        </message>
        <message>
            <source>Model</source>
            <translation>模型</translation>
        </message>
        <message>
            <source>API key</source>
            <translation>API 密钥</translation>
        </message>
        <message>
            <source>Stored in the home, readable by you only</source>
            <translation>保存在主目录中，仅你可读取</translation>
        </message>
        <message>
            <source>Show</source>
            <translation>显示</translation>
        </message>
        <message>
            <source>Show the API key</source>
            <translation>显示 API 密钥</translation>
        </message>
        <message>
            <source>&amp;Base URL</source>
            <translation>基础 URL(&amp;B)</translation>
        </message>
        <message>
            <source>&amp;Model</source>
            <translation>模型(&amp;M)</translation>
        </message>
        <message>
            <source>API &amp;key</source>
            <translation>API 密钥(&amp;K)</translation>
        </message>
        <message>
            <source>Runs</source>
            <translation>运行</translation>
        </message>
        <message>
            <source>Keep all</source>
            <translation>全部保留</translation>
        </message>
        <message>
            <source>Runs kept per job</source>
            <translation>每个任务保留的运行数</translation>
        </message>
        <message>
            <source>Never</source>
            <translation>从不</translation>
        </message>
        <message>
            <source> days</source>
            <translation> 天</translation>
        </message>
        <message>
            <source>Delete runs older than</source>
            <translation>删除早于此时间的运行记录</translation>
        </message>
        <message>
            <source> min</source>
            <translation> 分钟</translation>
        </message>
        <message>
            <source>Job timeout</source>
            <translation>任务超时</translation>
        </message>
        <message>
            <source>Keep the newest runs of each job</source>
            <translation>每个任务保留的最新运行记录</translation>
        </message>
        <message>
            <source>Stop a run after</source>
            <translation>运行超时时间</translation>
        </message>
        <message>
            <source>Start at login not changed: {reason}</source>
            <translation>未能更改登录时启动：{reason}</translation>
        </message>
        <message>
            <source>Hide</source>
            <translation>隐藏</translation>
        </message>
        <message>
            <source>Hide the API key</source>
            <translation>隐藏 API 密钥</translation>
        </message>
        <message>
            <source>This API key has a space, line break or control character in it, so it was not saved. Paste it again as one line.</source>
            <translation>此 API 密钥含有空格、换行符或控制字符，因此未保存。请将它作为一行重新粘贴。</translation>
        </message>
        <message>
            <source>This API key has characters that cannot go in a request header, so it was not saved. Paste it again.</source>
            <translation>此 API 密钥含有无法放入请求头的字符，因此未保存。请重新粘贴。</translation>
        </message>
        <message>
            <source>Settings not saved: {reason}</source>
            <translation>设置未保存：{reason}</translation>
        </message>
        <message>
            <source>unknown error</source>
            <translation>未知错误</translation>
        </message>
    </context>
    <context>
        <name>Sidebar</name>
        <message>
            <source>Sessions</source>
            <translation>会话</translation>
        </message>
        <message>
            <source>No conversations yet. Chats you have with Hermes show up here.</source>
            <translation>还没有会话。你与 Hermes 的对话会显示在这里。</translation>
        </message>
        <message numerus="yes">
            <source>%n session(s)</source>
            <translation>
                <numerusform>%n 个会话</numerusform>
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
            <translation>从蓝图创建</translation>
        </message>
        <message>
            <source>Duplicate the selected job</source>
            <translation>复制所选任务</translation>
        </message>
        <message>
            <source>Select a job first.</source>
            <translation>请先选择一个任务。</translation>
        </message>
        <message>
            <source>Cron job</source>
            <translation>定时任务</translation>
        </message>
        <message>
            <source>Duplicate “{title}”</source>
            <translation>复制“{title}”</translation>
        </message>
        <message>
            <source>{name} (copy)</source>
            <translation>{name}（副本）</translation>
        </message>
        <message>
            <source>Reading Hermes' blueprints…</source>
            <translation>正在读取 Hermes 的蓝图…</translation>
        </message>
        <message>
            <source>No blueprints: Hermes is not installed here</source>
            <translation>没有蓝图：此处未安装 Hermes</translation>
        </message>
    </context>
    <context>
        <name>State</name>
        <message>
            <source>Scheduled</source>
            <translation>待运行</translation>
        </message>
        <message>
            <source>Running</source>
            <translation>运行中</translation>
        </message>
        <message>
            <source>Paused</source>
            <translation>已暂停</translation>
        </message>
        <message>
            <source>Error</source>
            <translation>出错</translation>
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
            <translation>排队中</translation>
        </message>
        <message>
            <source>Succeeded</source>
            <translation>成功</translation>
        </message>
        <message>
            <source>Failed</source>
            <translation>失败</translation>
        </message>
        <message>
            <source>Missed</source>
            <translation>已错过</translation>
        </message>
        <message>
            <source>Outcome unknown</source>
            <translation>结果未知</translation>
        </message>
    </context>
    <context>
        <name>StatusStrip</name>
        <message>
            <source>Last runs</source>
            <translation>最近的运行</translation>
        </message>
        <message>
            <source>{when} · {outcome}</source>
            <translation>{when} · {outcome}</translation>
        </message>
        <message numerus="yes">
            <source>%n run(s) shown, oldest first.</source>
            <translation>
                <numerusform>显示 %n 次运行，最早的在前。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n failed.</source>
            <translation>
                <numerusform>%n 次失败。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n missed.</source>
            <translation>
                <numerusform>%n 次错过。</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>TalkBack</name>
        <message>
            <source>Hermes is replying… Stop ends the reply and keeps what has arrived.</source>
            <translation>Hermes 正在回复… 点“停止”可结束回复，已收到的内容会保留。</translation>
        </message>
        <message>
            <source>Sending…</source>
            <translation>正在发送…</translation>
        </message>
        <message>
            <source>Hermes is replying in another conversation; wait for it or stop it there.</source>
            <translation>Hermes 正在另一个对话中回复；请等待它完成，或到那个对话中停止。</translation>
        </message>
        <message>
            <source>Loading the conversation…</source>
            <translation>正在加载对话…</translation>
        </message>
        <message>
            <source>Stopping…</source>
            <translation>正在停止…</translation>
        </message>
        <message>
            <source>No model to answer: set a model endpoint in Settings, or install Hermes.</source>
            <translation>没有可回复的模型：请在设置中填写模型端点，或安装 Hermes。</translation>
        </message>
        <message>
            <source>The reply failed: {reason}</source>
            <translation>回复失败：{reason}</translation>
        </message>
        <message>
            <source>The message could not be sent: {reason}</source>
            <translation>无法发送消息：{reason}</translation>
        </message>
    </context>
    <context>
        <name>TranscriptView</name>
        <message>
            <source>Pick a conversation or a cron run on the left to read it here.</source>
            <translation>在左侧选择一个会话或一次定时任务运行，即可在此阅读。</translation>
        </message>
        <message>
            <source>Transcript</source>
            <translation>对话记录</translation>
        </message>
        <message>
            <source>Untitled session</source>
            <translation>未命名会话</translation>
        </message>
        <message>
            <source>Started {when}</source>
            <translation>开始于 {when}</translation>
        </message>
        <message>
            <source>This run was recorded without a conversation, so it cannot be continued.</source>
            <translation>此次运行没有记录对话，因此无法继续。</translation>
        </message>
        <message>
            <source>Run of job {job}</source>
            <translation>任务 {job} 的运行</translation>
        </message>
        <message>
            <source>took {seconds:.1f} s</source>
            <translation>耗时 {seconds:.1f} 秒</translation>
        </message>
        <message>
            <source>Hermes run ({source})</source>
            <translation>由 Hermes 运行（{source}）</translation>
        </message>
        <message>
            <source>No output file was found for this run.</source>
            <translation>未找到此次运行的输出文件。</translation>
        </message>
        <message>
            <source>This run is still going; you can reply once it has finished.</source>
            <translation>此次运行仍在进行；结束后即可回复。</translation>
        </message>
        <message>
            <source>No messages yet.</source>
            <translation>还没有消息。</translation>
        </message>
        <message numerus="yes">
            <source>%n message(s)</source>
            <translation>
                <numerusform>%n 条消息</numerusform>
            </translation>
        </message>
        <message>
            <source>Script</source>
            <translation>脚本</translation>
        </message>
        <message>
            <source>Job prompt</source>
            <translation>任务提示词</translation>
        </message>
        <message>
            <source>Script output</source>
            <translation>脚本输出</translation>
        </message>
        <message>
            <source>Cron delivery</source>
            <translation>定时任务推送</translation>
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
            <translation>系统</translation>
        </message>
        <message>
            <source>Tool</source>
            <translation>工具</translation>
        </message>
        <message>
            <source>Output</source>
            <translation>输出</translation>
        </message>
        <message>
            <source>New chat</source>
            <translation>新对话</translation>
        </message>
        <message>
            <source>Your first message starts the conversation.</source>
            <translation>发送第一条消息即可开始对话。</translation>
        </message>
        <message>
            <source>Copy message</source>
            <translation>复制消息</translation>
        </message>
        <message>
            <source>Showing the first {shown} characters of {size}.</source>
            <translation>正在显示 {size} 中的前 {shown} 个字符。</translation>
        </message>
        <message>
            <source>Show all</source>
            <translation>显示全部</translation>
        </message>
    </context>
    <context>
        <name>Tray</name>
        <message>
            <source>Hermes Desktop is still running</source>
            <translation>Hermes Desktop 仍在运行</translation>
        </message>
        <message>
            <source>Scheduled jobs keep running. To quit, choose Quit in the tray icon's menu.</source>
            <translation>定时任务会继续运行。要退出，请在托盘图标的菜单中选择“退出”。</translation>
        </message>
    </context>
    <context>
        <name>WholeMessageWindow</name>
        <message>
            <source>Whole message</source>
            <translation>完整消息</translation>
        </message>
        <message>
            <source>Loading…</source>
            <translation>正在加载…</translation>
        </message>
        <message>
            <source>Copy all</source>
            <translation>全部复制</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>关闭</translation>
        </message>
    </context>
</TS>
