<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
    <context>
        <name>Agenda</name>
        <message>
            <source>Today</source>
            <translation>Today</translation>
        </message>
        <message>
            <source>Tomorrow</source>
            <translation>Tomorrow</translation>
        </message>
        <message>
            <source>{count} runs</source>
            <translation>{count} runs</translation>
        </message>
        <message>
            <source>once</source>
            <translation>once</translation>
        </message>
        <message>
            <source>paused</source>
            <translation>paused</translation>
        </message>
        <message>
            <source>Daylight saving time: the clocks change before this run, from {old} to {new}.</source>
            <translation>Daylight saving time: the clocks change before this run, from {old} to {new}.</translation>
        </message>
        <message>
            <source>and %n more</source>
            <translation>and %n more</translation>
        </message>
        <message>
            <source>DST</source>
            <translation>DST</translation>
        </message>
        <message>
            <source>Paused: this run happens only if the job is resumed.</source>
            <translation>Paused: this run happens only if the job is resumed.</translation>
        </message>
    </context>
    <context>
        <name>AgendaPanel</name>
        <message>
            <source>Upcoming</source>
            <translation>Upcoming</translation>
        </message>
        <message>
            <source>24 hours</source>
            <translation>24 hours</translation>
        </message>
        <message>
            <source>7 days</source>
            <translation>7 days</translation>
        </message>
        <message>
            <source>Show the next {span}</source>
            <translation>Show the next {span}</translation>
        </message>
        <message>
            <source>Upcoming runs</source>
            <translation>Upcoming runs</translation>
        </message>
        <message>
            <source>Nothing runs in the next 24 hours.</source>
            <translation>Nothing runs in the next 24 hours.</translation>
        </message>
        <message>
            <source>Nothing runs in the next 7 days.</source>
            <translation>Nothing runs in the next 7 days.</translation>
        </message>
        <message numerus="yes">
            <source>%n very frequent job(s) are shown only in part.</source>
            <translation>
                <numerusform>%n very frequent job are shown only in part.</numerusform>
                <numerusform>%n very frequent jobs are shown only in part.</numerusform>
            </translation>
        </message>
        <message>
            <source>Today: {ran} ran, {failed} failed</source>
            <translation>Today: {ran} ran, {failed} failed</translation>
        </message>
        <message>
            <source>next: {title} at {time}</source>
            <translation>next: {title} at {time}</translation>
        </message>
    </context>
    <context>
        <name>AppContext</name>
        <message>
            <source>Due jobs could not be started: {error}</source>
            <translation>Due jobs could not be started: {error}</translation>
        </message>
        <message>
            <source>Could not run the job: {error}</source>
            <translation>Could not run the job: {error}</translation>
        </message>
        <message>
            <source>Hermes is running this job right now; it was not started twice.</source>
            <translation>Hermes is running this job right now; it was not started twice.</translation>
        </message>
        <message>
            <source>This job is already running.</source>
            <translation>This job is already running.</translation>
        </message>
        <message>
            <source>Another program kept the jobs busy; try again in a moment.</source>
            <translation>Another program kept the jobs busy; try again in a moment.</translation>
        </message>
        <message>
            <source>The job is no longer in jobs.json.</source>
            <translation>The job is no longer in jobs.json.</translation>
        </message>
        <message>
            <source>This window does not run jobs now.</source>
            <translation>This window does not run jobs now.</translation>
        </message>
        <message>
            <source>Could not pause the job: {error}</source>
            <translation>Could not pause the job: {error}</translation>
        </message>
        <message>
            <source>Could not resume the job: {error}</source>
            <translation>Could not resume the job: {error}</translation>
        </message>
        <message>
            <source>Could not delete the job: {error}</source>
            <translation>Could not delete the job: {error}</translation>
        </message>
    </context>
    <context>
        <name>AppTray</name>
        <message>
            <source>Show window</source>
            <translation>Show window</translation>
        </message>
        <message>
            <source>New cron job…</source>
            <translation>New cron job…</translation>
        </message>
        <message>
            <source>Settings…</source>
            <translation>Settings…</translation>
        </message>
        <message>
            <source>Quit</source>
            <translation>Quit</translation>
        </message>
        <message>
            <source>No scheduled runs</source>
            <translation>No scheduled runs</translation>
        </message>
        <message>
            <source>Next: {title} {when}</source>
            <translation>Next: {title} {when}</translation>
        </message>
        <message>
            <source>Hide window</source>
            <translation>Hide window</translation>
        </message>
        <message>
            <source>Resume all jobs</source>
            <translation>Resume all jobs</translation>
        </message>
        <message>
            <source>Pause all jobs</source>
            <translation>Pause all jobs</translation>
        </message>
        <message>
            <source>Hermes Desktop</source>
            <translation>Hermes Desktop</translation>
        </message>
        <message>
            <source>Paused: jobs do not run until you resume</source>
            <translation>Paused: jobs do not run until you resume</translation>
        </message>
        <message numerus="yes">
            <source>%n run(s) failed since you last looked</source>
            <translation>
                <numerusform>%n run failed since you last looked</numerusform>
                <numerusform>%n runs failed since you last looked</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Composer</name>
        <message>
            <source>Retry</source>
            <translation>Retry</translation>
        </message>
        <message>
            <source>Message to Hermes</source>
            <translation>Message to Hermes</translation>
        </message>
        <message>
            <source>Message Hermes (Enter sends, Shift+Enter starts a new line)</source>
            <translation>Message Hermes (Enter sends, Shift+Enter starts a new line)</translation>
        </message>
        <message>
            <source>Send</source>
            <translation>Send</translation>
        </message>
        <message>
            <source>Stop</source>
            <translation>Stop</translation>
        </message>
        <message>
            <source>Write a message first.</source>
            <translation>Write a message first.</translation>
        </message>
    </context>
    <context>
        <name>Countdown</name>
        <message>
            <source>overdue</source>
            <translation>overdue</translation>
        </message>
        <message>
            <source>now</source>
            <translation>now</translation>
        </message>
        <message numerus="yes">
            <source>in %ns</source>
            <translation>
                <numerusform>in %ns</numerusform>
                <numerusform>in %ns</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>in %n min</source>
            <translation>
                <numerusform>in %n min</numerusform>
                <numerusform>in %n min</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>in %n h</source>
            <translation>
                <numerusform>in %n h</numerusform>
                <numerusform>in %n h</numerusform>
            </translation>
        </message>
        <message>
            <source>in {hours} h {minutes} min</source>
            <translation>in {hours} h {minutes} min</translation>
        </message>
        <message numerus="yes">
            <source>in %n d</source>
            <translation>
                <numerusform>in %n d</numerusform>
                <numerusform>in %n d</numerusform>
            </translation>
        </message>
        <message>
            <source>in {days} d {hours} h</source>
            <translation>in {days} d {hours} h</translation>
        </message>
        <message>
            <source>just now</source>
            <translation>just now</translation>
        </message>
        <message numerus="yes">
            <source>%n min ago</source>
            <translation>
                <numerusform>%n min ago</numerusform>
                <numerusform>%n min ago</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n h ago</source>
            <translation>
                <numerusform>%n h ago</numerusform>
                <numerusform>%n h ago</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n d ago</source>
            <translation>
                <numerusform>%n d ago</numerusform>
                <numerusform>%n d ago</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>CronManageWindow</name>
        <message>
            <source>Cron jobs</source>
            <translation>Cron jobs</translation>
        </message>
        <message>
            <source>Search title, prompt, schedule</source>
            <translation>Search title, prompt, schedule</translation>
        </message>
        <message>
            <source>Search jobs</source>
            <translation>Search jobs</translation>
        </message>
        <message>
            <source>New cron job</source>
            <translation>New cron job</translation>
        </message>
        <message>
            <source>Jobs</source>
            <translation>Jobs</translation>
        </message>
        <message>
            <source>No job matches the search.</source>
            <translation>No job matches the search.</translation>
        </message>
        <message>
            <source>Upcoming runs</source>
            <translation>Upcoming runs</translation>
        </message>
        <message>
            <source>No cron jobs yet. A cron job runs a prompt or a script on a schedule — every morning, every 30 minutes, once next Tuesday.</source>
            <translation>No cron jobs yet. A cron job runs a prompt or a script on a schedule — every morning, every 30 minutes, once next Tuesday.</translation>
        </message>
        <message>
            <source>Clear the search</source>
            <translation>Clear the search</translation>
        </message>
        <message>
            <source>Problem</source>
            <translation>Problem</translation>
        </message>
        <message>
            <source>No job matches “{text}”.</source>
            <translation>No job matches “{text}”.</translation>
        </message>
        <message>
            <source>Delete cron job</source>
            <translation>Delete cron job</translation>
        </message>
        <message>
            <source>Delete “{title}”? Its output files go too; its past runs stay in your sessions.</source>
            <translation>Delete “{title}”? Its output files go too; its past runs stay in your sessions.</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>Delete</translation>
        </message>
        <message>
            <source>Run now</source>
            <translation>Run now</translation>
        </message>
        <message>
            <source>Resume</source>
            <translation>Resume</translation>
        </message>
        <message>
            <source>Pause</source>
            <translation>Pause</translation>
        </message>
        <message>
            <source>Edit…</source>
            <translation>Edit…</translation>
        </message>
        <message>
            <source>Delete…</source>
            <translation>Delete…</translation>
        </message>
    </context>
    <context>
        <name>CronSection</name>
        <message>
            <source>Cron jobs</source>
            <translation>Cron jobs</translation>
        </message>
        <message numerus="yes">
            <source>%n job(s)</source>
            <translation>
                <numerusform>%n job</numerusform>
                <numerusform>%n jobs</numerusform>
            </translation>
        </message>
        <message>
            <source>Cron jobs, expanded</source>
            <translation>Cron jobs, expanded</translation>
        </message>
        <message>
            <source>Cron jobs, collapsed</source>
            <translation>Cron jobs, collapsed</translation>
        </message>
    </context>
    <context>
        <name>Deliver</name>
        <message>
            <source>This desktop (the output is only saved)</source>
            <translation>This desktop (the output is only saved)</translation>
        </message>
        <message>
            <source>The chat the job was made in</source>
            <translation>The chat the job was made in</translation>
        </message>
        <message>
            <source>Every home channel</source>
            <translation>Every home channel</translation>
        </message>
        <message>
            <source>Email</source>
            <translation>Email</translation>
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
            <translation>Hermes sends the output nowhere; it is saved with the job's runs.</translation>
        </message>
        <message>
            <source>The chat the job was made from; for a job made here, the first platform with a home channel.</source>
            <translation>The chat the job was made from; for a job made here, the first platform with a home channel.</translation>
        </message>
        <message>
            <source>Every platform that has a home channel set when the job runs.</source>
            <translation>Every platform that has a home channel set when the job runs.</translation>
        </message>
    </context>
    <context>
        <name>FieldError</name>
        <message>
            <source>Hermes does not deliver to that platform.</source>
            <translation>Hermes does not deliver to that platform.</translation>
        </message>
        <message>
            <source>Write chats as platform:chat, with commas.</source>
            <translation>Write chats as platform:chat, with commas.</translation>
        </message>
        <message>
            <source>Cron jobs never get cronjob, messaging, clarify.</source>
            <translation>Cron jobs never get cronjob, messaging, clarify.</translation>
        </message>
        <message>
            <source>A base URL needs a provider (custom: your own).</source>
            <translation>A base URL needs a provider (custom: your own).</translation>
        </message>
        <message>
            <source>Give the folder's full path.</source>
            <translation>Give the folder's full path.</translation>
        </message>
        <message>
            <source>That folder does not exist.</source>
            <translation>That folder does not exist.</translation>
        </message>
        <message>
            <source>That is a file, not a folder.</source>
            <translation>That is a file, not a folder.</translation>
        </message>
        <message>
            <source>A job picked here no longer exists.</source>
            <translation>A job picked here no longer exists.</translation>
        </message>
        <message>
            <source>Hermes reads output of hex job ids only.</source>
            <translation>Hermes reads output of hex job ids only.</translation>
        </message>
        <message>
            <source>Pick a file in the home's scripts folder.</source>
            <translation>Pick a file in the home's scripts folder.</translation>
        </message>
    </context>
    <context>
        <name>Firing</name>
        <message>
            <source>Not run by this window; no Hermes gateway seen</source>
            <translation>Not run by this window; no Hermes gateway seen</translation>
        </message>
        <message>
            <source>Scheduled jobs run while this window is open</source>
            <translation>Scheduled jobs run while this window is open</translation>
        </message>
        <message>
            <source>A Hermes gateway runs the scheduled jobs (pid {pid}); this window stands by</source>
            <translation>A Hermes gateway runs the scheduled jobs (pid {pid}); this window stands by</translation>
        </message>
        <message>
            <source>Nobody runs these jobs now: this window runs only the profile on screen (see Settings)</source>
            <translation>Nobody runs these jobs now: this window runs only the profile on screen (see Settings)</translation>
        </message>
        <message>
            <source>Nobody runs scheduled jobs now: this window is set not to (see Settings) and no Hermes gateway is running</source>
            <translation>Nobody runs scheduled jobs now: this window is set not to (see Settings) and no Hermes gateway is running</translation>
        </message>
        <message>
            <source>this window</source>
            <translation>this window</translation>
        </message>
        <message>
            <source>Hermes gateway (pid {pid})</source>
            <translation>Hermes gateway (pid {pid})</translation>
        </message>
        <message>
            <source>nobody</source>
            <translation>nobody</translation>
        </message>
        <message>
            <source>{when}, not run</source>
            <translation>{when}, not run</translation>
        </message>
    </context>
    <context>
        <name>Job</name>
        <message>
            <source>Cron job</source>
            <translation>Cron job</translation>
        </message>
    </context>
    <context>
        <name>JobChecklist</name>
        <message>
            <source>Filter jobs</source>
            <translation>Filter jobs</translation>
        </message>
    </context>
    <context>
        <name>JobDetail</name>
        <message>
            <source>Pause</source>
            <translation>Pause</translation>
        </message>
        <message>
            <source>Run now</source>
            <translation>Run now</translation>
        </message>
        <message>
            <source>Edit…</source>
            <translation>Edit…</translation>
        </message>
        <message>
            <source>Delete…</source>
            <translation>Delete…</translation>
        </message>
        <message>
            <source>What runs</source>
            <translation>What runs</translation>
        </message>
        <message>
            <source>Run history</source>
            <translation>Run history</translation>
        </message>
        <message>
            <source>No runs yet.</source>
            <translation>No runs yet.</translation>
        </message>
        <message>
            <source>Cron job</source>
            <translation>Cron job</translation>
        </message>
        <message>
            <source>State: {state}</source>
            <translation>State: {state}</translation>
        </message>
        <message>
            <source>Resume</source>
            <translation>Resume</translation>
        </message>
        <message>
            <source>This one-shot did not run: it was due {when}. Edit the job to give it a new time.</source>
            <translation>This one-shot did not run: it was due {when}. Edit the job to give it a new time.</translation>
        </message>
        <message>
            <source>Last run failed: {error}</source>
            <translation>Last run failed: {error}</translation>
        </message>
        <message>
            <source>Schedule</source>
            <translation>Schedule</translation>
        </message>
        <message>
            <source>Next run</source>
            <translation>Next run</translation>
        </message>
        <message>
            <source>none</source>
            <translation>none</translation>
        </message>
        <message>
            <source>Last run</source>
            <translation>Last run</translation>
        </message>
        <message>
            <source>never</source>
            <translation>never</translation>
        </message>
        <message>
            <source>once</source>
            <translation>once</translation>
        </message>
        <message>
            <source>done</source>
            <translation>done</translation>
        </message>
        <message>
            <source>{done} of {times} runs</source>
            <translation>{done} of {times} runs</translation>
        </message>
        <message>
            <source>forever ({done} so far)</source>
            <translation>forever ({done} so far)</translation>
        </message>
        <message>
            <source>Repeat</source>
            <translation>Repeat</translation>
        </message>
        <message>
            <source>Paused because</source>
            <translation>Paused because</translation>
        </message>
        <message>
            <source>Runs with</source>
            <translation>Runs with</translation>
        </message>
        <message>
            <source>Prompt:</source>
            <translation>Prompt:</translation>
        </message>
        <message>
            <source>Script: {name}</source>
            <translation>Script: {name}</translation>
        </message>
        <message>
            <source>(its output feeds the prompt)</source>
            <translation>(its output feeds the prompt)</translation>
        </message>
    </context>
    <context>
        <name>JobEditor</name>
        <message>
            <source>Edit cron job</source>
            <translation>Edit cron job</translation>
        </message>
        <message>
            <source>New cron job</source>
            <translation>New cron job</translation>
        </message>
        <message>
            <source>Optional — the prompt or script names it otherwise</source>
            <translation>Optional — the prompt or script names it otherwise</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>&amp;Name</source>
            <translation>&amp;Name</translation>
        </message>
        <message>
            <source>A prompt for the agent</source>
            <translation>A prompt for the agent</translation>
        </message>
        <message>
            <source>A script</source>
            <translation>A script</translation>
        </message>
        <message>
            <source>A script whose output feeds the prompt</source>
            <translation>A script whose output feeds the prompt</translation>
        </message>
        <message>
            <source>What runs</source>
            <translation>What runs</translation>
        </message>
        <message>
            <source>Prompt</source>
            <translation>Prompt</translation>
        </message>
        <message>
            <source>What should Hermes do each time?</source>
            <translation>What should Hermes do each time?</translation>
        </message>
        <message>
            <source>&amp;Prompt</source>
            <translation>&amp;Prompt</translation>
        </message>
        <message>
            <source>Script</source>
            <translation>Script</translation>
        </message>
        <message>
            <source>A file in {folder}</source>
            <translation>A file in {folder}</translation>
        </message>
        <message>
            <source>S&amp;cript</source>
            <translation>S&amp;cript</translation>
        </message>
        <message>
            <source>Schedule</source>
            <translation>Schedule</translation>
        </message>
        <message>
            <source>Schedule preset</source>
            <translation>Schedule preset</translation>
        </message>
        <message>
            <source>Custom (type below)</source>
            <translation>Custom (type below)</translation>
        </message>
        <message>
            <source>Every N minutes</source>
            <translation>Every N minutes</translation>
        </message>
        <message>
            <source>Hourly</source>
            <translation>Hourly</translation>
        </message>
        <message>
            <source>Daily at</source>
            <translation>Daily at</translation>
        </message>
        <message>
            <source>Weekdays at</source>
            <translation>Weekdays at</translation>
        </message>
        <message>
            <source>Weekly on a day at</source>
            <translation>Weekly on a day at</translation>
        </message>
        <message>
            <source>Monthly on a day at</source>
            <translation>Monthly on a day at</translation>
        </message>
        <message>
            <source>Once at a date and time</source>
            <translation>Once at a date and time</translation>
        </message>
        <message>
            <source> min</source>
            <translation> min</translation>
        </message>
        <message>
            <source>Minutes between runs</source>
            <translation>Minutes between runs</translation>
        </message>
        <message>
            <source>Day of the week</source>
            <translation>Day of the week</translation>
        </message>
        <message>
            <source>day </source>
            <translation>day </translation>
        </message>
        <message>
            <source>Day of the month</source>
            <translation>Day of the month</translation>
        </message>
        <message>
            <source>Time of day</source>
            <translation>Time of day</translation>
        </message>
        <message>
            <source>Date and time</source>
            <translation>Date and time</translation>
        </message>
        <message>
            <source>every 30m · weekdays at 9am · 0 9 * * 1-5 · in 20m</source>
            <translation>every 30m · weekdays at 9am · 0 9 * * 1-5 · in 20m</translation>
        </message>
        <message>
            <source>What the schedule means</source>
            <translation>What the schedule means</translation>
        </message>
        <message>
            <source>Deliver to</source>
            <translation>Deliver to</translation>
        </message>
        <message>
            <source>Other delivery targets</source>
            <translation>Other delivery targets</translation>
        </message>
        <message>
            <source>Chats: telegram:-1001234567, discord:123456</source>
            <translation>Chats: telegram:-1001234567, discord:123456</translation>
        </message>
        <message>
            <source>Forever</source>
            <translation>Forever</translation>
        </message>
        <message>
            <source>Repeat</source>
            <translation>Repeat</translation>
        </message>
        <message>
            <source> runs</source>
            <translation> runs</translation>
        </message>
        <message>
            <source>Working folder</source>
            <translation>Working folder</translation>
        </message>
        <message>
            <source>None — Hermes' own folder, no project files</source>
            <translation>None — Hermes' own folder, no project files</translation>
        </message>
        <message>
            <source>Choose…</source>
            <translation>Choose…</translation>
        </message>
        <message>
            <source>Choose the working folder</source>
            <translation>Choose the working folder</translation>
        </message>
        <message>
            <source>Skills</source>
            <translation>Skills</translation>
        </message>
        <message>
            <source>None — names, separated by commas</source>
            <translation>None — names, separated by commas</translation>
        </message>
        <message>
            <source>Toolsets</source>
            <translation>Toolsets</translation>
        </message>
        <message>
            <source>All that Hermes gives cron jobs — or: web, terminal, file</source>
            <translation>All that Hermes gives cron jobs — or: web, terminal, file</translation>
        </message>
        <message>
            <source>Default from Settings</source>
            <translation>Default from Settings</translation>
        </message>
        <message>
            <source>Model</source>
            <translation>Model</translation>
        </message>
        <message>
            <source>Default — or a provider name, custom for your own endpoint</source>
            <translation>Default — or a provider name, custom for your own endpoint</translation>
        </message>
        <message>
            <source>Provider</source>
            <translation>Provider</translation>
        </message>
        <message>
            <source>Endpoint</source>
            <translation>Endpoint</translation>
        </message>
        <message>
            <source>Output of other jobs as context</source>
            <translation>Output of other jobs as context</translation>
        </message>
        <message>
            <source>No other jobs yet.</source>
            <translation>No other jobs yet.</translation>
        </message>
        <message>
            <source>Output and running</source>
            <translation>Output and running</translation>
        </message>
        <message>
            <source>&amp;Deliver to</source>
            <translation>&amp;Deliver to</translation>
        </message>
        <message>
            <source>&amp;Working folder</source>
            <translation>&amp;Working folder</translation>
        </message>
        <message>
            <source>&amp;Repeat</source>
            <translation>&amp;Repeat</translation>
        </message>
        <message>
            <source>The agent</source>
            <translation>The agent</translation>
        </message>
        <message>
            <source>S&amp;kills</source>
            <translation>S&amp;kills</translation>
        </message>
        <message>
            <source>&amp;Toolsets</source>
            <translation>&amp;Toolsets</translation>
        </message>
        <message>
            <source>&amp;Model</source>
            <translation>&amp;Model</translation>
        </message>
        <message>
            <source>Pro&amp;vider</source>
            <translation>Pro&amp;vider</translation>
        </message>
        <message>
            <source>&amp;Endpoint (base URL)</source>
            <translation>&amp;Endpoint (base URL)</translation>
        </message>
        <message>
            <source>&amp;Context from</source>
            <translation>&amp;Context from</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>(deleted job {id})</source>
            <translation>(deleted job {id})</translation>
        </message>
        <message>
            <source>moved: that time does not exist on this day (daylight saving)</source>
            <translation>moved: that time does not exist on this day (daylight saving)</translation>
        </message>
        <message>
            <source>that time happens twice on this day (daylight saving); runs once</source>
            <translation>that time happens twice on this day (daylight saving); runs once</translation>
        </message>
        <message>
            <source>Time zone: {zone}</source>
            <translation>Time zone: {zone}</translation>
        </message>
        <message>
            <source>Next runs:</source>
            <translation>Next runs:</translation>
        </message>
        <message>
            <source>none — this time has passed</source>
            <translation>none — this time has passed</translation>
        </message>
        <message>
            <source>Fix the schedule first.</source>
            <translation>Fix the schedule first.</translation>
        </message>
        <message>
            <source>Write the prompt.</source>
            <translation>Write the prompt.</translation>
        </message>
        <message>
            <source>Pick a script.</source>
            <translation>Pick a script.</translation>
        </message>
        <message>
            <source>Fix the fields marked in red first.</source>
            <translation>Fix the fields marked in red first.</translation>
        </message>
        <message>
            <source>Not saved: {reason}</source>
            <translation>Not saved: {reason}</translation>
        </message>
        <message>
            <source>unknown error</source>
            <translation>unknown error</translation>
        </message>
    </context>
    <context>
        <name>JobRow</name>
        <message>
            <source>Run now</source>
            <translation>Run now</translation>
        </message>
        <message>
            <source>Manage</source>
            <translation>Manage</translation>
        </message>
        <message>
            <source>Manage this job</source>
            <translation>Manage this job</translation>
        </message>
        <message>
            <source>{title} — {state}</source>
            <translation>{title} — {state}</translation>
        </message>
        <message>
            <source>{title}, {state}</source>
            <translation>{title}, {state}</translation>
        </message>
        <message>
            <source>{title} — {state}, {when}</source>
            <translation>{title} — {state}, {when}</translation>
        </message>
        <message>
            <source>{title}, {state}, {when}</source>
            <translation>{title}, {state}, {when}</translation>
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
            <translation>&amp;File</translation>
        </message>
        <message>
            <source>New &amp;chat</source>
            <translation>New &amp;chat</translation>
        </message>
        <message>
            <source>&amp;Profiles…</source>
            <translation>&amp;Profiles…</translation>
        </message>
        <message>
            <source>&amp;Settings…</source>
            <translation>&amp;Settings…</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Quit</translation>
        </message>
        <message>
            <source>&amp;Cron</source>
            <translation>&amp;Cron</translation>
        </message>
        <message>
            <source>&amp;Manage cron jobs…</source>
            <translation>&amp;Manage cron jobs…</translation>
        </message>
        <message>
            <source>&amp;New cron job</source>
            <translation>&amp;New cron job</translation>
        </message>
        <message>
            <source>{app} — profile {name}</source>
            <translation>{app} — profile {name}</translation>
        </message>
        <message>
            <source>Paused: jobs do not run until you resume</source>
            <translation>Paused: jobs do not run until you resume</translation>
        </message>
    </context>
    <context>
        <name>MissedRuns</name>
        <message>
            <source>Missed — was due {time}</source>
            <translation>Missed — was due {time}</translation>
        </message>
        <message>
            <source>Missed run at {time}</source>
            <translation>Missed run at {time}</translation>
        </message>
        <message numerus="yes">
            <source>%n run(s) missed, {span}</source>
            <translation>
                <numerusform>%n run missed, {span}</numerusform>
                <numerusform>%n runs missed, {span}</numerusform>
            </translation>
        </message>
        <message>
            <source>{start}–{end}</source>
            <translation>{start}–{end}</translation>
        </message>
    </context>
    <context>
        <name>Notifier</name>
        <message numerus="yes">
            <source>%n job(s) failed</source>
            <translation>
                <numerusform>%n job failed</numerusform>
                <numerusform>%n jobs failed</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Notify</name>
        <message>
            <source>{title} (profile {profile})</source>
            <translation>{title} (profile {profile})</translation>
        </message>
        <message>
            <source>Cron job failed: {title}</source>
            <translation>Cron job failed: {title}</translation>
        </message>
        <message>
            <source>Cron job finished: {title}</source>
            <translation>Cron job finished: {title}</translation>
        </message>
        <message>
            <source>It was due {when} and did not run. One-shot jobs do not run late; edit the job to give it a new time.</source>
            <translation>It was due {when} and did not run. One-shot jobs do not run late; edit the job to give it a new time.</translation>
        </message>
        <message>
            <source>Cron job missed: {title}</source>
            <translation>Cron job missed: {title}</translation>
        </message>
    </context>
    <context>
        <name>Problems</name>
        <message>
            <source>check the API key</source>
            <translation>check the API key</translation>
        </message>
        <message>
            <source>the key may lack access</source>
            <translation>the key may lack access</translation>
        </message>
        <message>
            <source>check the base URL and model</source>
            <translation>check the base URL and model</translation>
        </message>
        <message>
            <source>rate limited</source>
            <translation>rate limited</translation>
        </message>
        <message>
            <source> ({hint})</source>
            <translation> ({hint})</translation>
        </message>
        <message>
            <source>No such file or folder</source>
            <translation>No such file or folder</translation>
        </message>
        <message>
            <source>Permission denied</source>
            <translation>Permission denied</translation>
        </message>
        <message>
            <source>Not permitted</source>
            <translation>Not permitted</translation>
        </message>
        <message>
            <source>The disk is read-only</source>
            <translation>The disk is read-only</translation>
        </message>
        <message>
            <source>The disk is full</source>
            <translation>The disk is full</translation>
        </message>
        <message>
            <source>This is a folder, not a file</source>
            <translation>This is a folder, not a file</translation>
        </message>
        <message>
            <source>A part of the path is not a folder</source>
            <translation>A part of the path is not a folder</translation>
        </message>
        <message>
            <source>It already exists</source>
            <translation>It already exists</translation>
        </message>
        <message>
            <source>{reason}: {path}</source>
            <translation>{reason}: {path}</translation>
        </message>
        <message>
            <source>Script “{name}” is refused: it must be a file inside {folder}.</source>
            <translation>Script “{name}” is refused: it must be a file inside {folder}.</translation>
        </message>
        <message>
            <source>Script “{name}” is refused: it leads outside {folder}.</source>
            <translation>Script “{name}” is refused: it leads outside {folder}.</translation>
        </message>
        <message>
            <source>Script “{name}” was not found in {folder}.</source>
            <translation>Script “{name}” was not found in {folder}.</translation>
        </message>
        <message>
            <source>Could not start {name}: {detail}</source>
            <translation>Could not start {name}: {detail}</translation>
        </message>
        <message>
            <source>{name} was stopped after {seconds} s (the job timeout).</source>
            <translation>{name} was stopped after {seconds} s (the job timeout).</translation>
        </message>
        <message>
            <source>{name} was stopped after {seconds} s (the job timeout), along with the {count} processes it started.</source>
            <translation>{name} was stopped after {seconds} s (the job timeout), along with the {count} processes it started.</translation>
        </message>
        <message>
            <source>{name} was stopped because the app was closing.</source>
            <translation>{name} was stopped because the app was closing.</translation>
        </message>
        <message>
            <source>{name} was stopped because the app was closing, along with the {count} processes it started.</source>
            <translation>{name} was stopped because the app was closing, along with the {count} processes it started.</translation>
        </message>
        <message>
            <source>{name} ended, but its exit status was lost.</source>
            <translation>{name} ended, but its exit status was lost.</translation>
        </message>
        <message>
            <source>{name} ended, but its exit status was lost; the {count} processes it left running were stopped.</source>
            <translation>{name} ended, but its exit status was lost; the {count} processes it left running were stopped.</translation>
        </message>
        <message>
            <source>{name} exited with code {code}.</source>
            <translation>{name} exited with code {code}.</translation>
        </message>
        <message>
            <source>{name} exited with code {code}:</source>
            <translation>{name} exited with code {code}:</translation>
        </message>
        <message>
            <source>{name} exited with code {code}; the {count} processes it left running were stopped.</source>
            <translation>{name} exited with code {code}; the {count} processes it left running were stopped.</translation>
        </message>
        <message>
            <source>{name} exited with code {code}; the {count} processes it left running were stopped:</source>
            <translation>{name} exited with code {code}; the {count} processes it left running were stopped:</translation>
        </message>
        <message>
            <source>No model endpoint is set up: set one in Settings.</source>
            <translation>No model endpoint is set up: set one in Settings.</translation>
        </message>
        <message>
            <source>The model endpoint {url} did not answer within {seconds} s.</source>
            <translation>The model endpoint {url} did not answer within {seconds} s.</translation>
        </message>
        <message>
            <source>The request to the model was stopped because the app was closing.</source>
            <translation>The request to the model was stopped because the app was closing.</translation>
        </message>
        <message>
            <source>Could not reach the model endpoint {url}: {detail}</source>
            <translation>Could not reach the model endpoint {url}: {detail}</translation>
        </message>
        <message>
            <source>The model endpoint answered HTTP {status}{hint}: {detail}</source>
            <translation>The model endpoint answered HTTP {status}{hint}: {detail}</translation>
        </message>
        <message>
            <source>The model endpoint sent a reply that is not a chat completion.</source>
            <translation>The model endpoint sent a reply that is not a chat completion.</translation>
        </message>
        <message>
            <source>The model endpoint's reply has no text.</source>
            <translation>The model endpoint's reply has no text.</translation>
        </message>
        <message>
            <source>Unexpected error: {detail}</source>
            <translation>Unexpected error: {detail}</translation>
        </message>
        <message>
            <source>Run failed: {detail}</source>
            <translation>Run failed: {detail}</translation>
        </message>
        <message>
            <source>The run started {at} by {owner} did not finish (its process ended or its lease ran out).</source>
            <translation>The run started {at} by {owner} did not finish (its process ended or its lease ran out).</translation>
        </message>
        <message>
            <source>This run was interrupted: {detail}</source>
            <translation>This run was interrupted: {detail}</translation>
        </message>
        <message>
            <source>its process ended.</source>
            <translation>its process ended.</translation>
        </message>
        <message>
            <source>This run's transcript could not be finished at the time (state.db was busy); it was ended later.</source>
            <translation>This run's transcript could not be finished at the time (state.db was busy); it was ended later.</translation>
        </message>
        <message>
            <source>Missed: this one-shot was due {due} and did not run, because neither the app nor Hermes was running. One-shots do not run late; edit the job to set a new time.</source>
            <translation>Missed: this one-shot was due {due} and did not run, because neither the app nor Hermes was running. One-shots do not run late; edit the job to set a new time.</translation>
        </message>
        <message>
            <source>{runs} scheduled runs from {first} to {last} did not run, because neither the app nor Hermes was running. The job ran once when they came back, and its schedule moved on.</source>
            <translation>{runs} scheduled runs from {first} to {last} did not run, because neither the app nor Hermes was running. The job ran once when they came back, and its schedule moved on.</translation>
        </message>
        <message>
            <source>{runs} scheduled runs from {first} to {last} did not run: jobs were checked {late} s late, so the job ran once for them and its schedule moved on.</source>
            <translation>{runs} scheduled runs from {first} to {last} did not run: jobs were checked {late} s late, so the job ran once for them and its schedule moved on.</translation>
        </message>
        <message>
            <source>This run was due {due} and ran {late} s late, because neither the app nor Hermes was running. {runs} scheduled runs up to now were folded into this one run.</source>
            <translation>This run was due {due} and ran {late} s late, because neither the app nor Hermes was running. {runs} scheduled runs up to now were folded into this one run.</translation>
        </message>
        <message>
            <source>Another program has held {path} for over {seconds} s; nothing was changed. Try again in a moment.</source>
            <translation>Another program has held {path} for over {seconds} s; nothing was changed. Try again in a moment.</translation>
        </message>
        <message>
            <source>The Hermes home is read-only here ({folder}); jobs can be listed but not added, changed, run or ticked.</source>
            <translation>The Hermes home is read-only here ({folder}); jobs can be listed but not added, changed, run or ticked.</translation>
        </message>
        <message>
            <source>The Hermes home is read-only here ({folder}); nothing was changed.</source>
            <translation>The Hermes home is read-only here ({folder}); nothing was changed.</translation>
        </message>
        <message>
            <source>{path} is a folder, not a lock file; move it away so jobs can be changed and run.</source>
            <translation>{path} is a folder, not a lock file; move it away so jobs can be changed and run.</translation>
        </message>
        <message>
            <source>Cannot take the lock {path}: {detail}.</source>
            <translation>Cannot take the lock {path}: {detail}.</translation>
        </message>
        <message>
            <source>The disk is full; {path} was left as it was.</source>
            <translation>The disk is full; {path} was left as it was.</translation>
        </message>
        <message>
            <source>Cannot write {path}: {detail}; it was left as it was.</source>
            <translation>Cannot write {path}: {detail}; it was left as it was.</translation>
        </message>
        <message>
            <source>Cannot read {path}: {detail}</source>
            <translation>Cannot read {path}: {detail}</translation>
        </message>
        <message>
            <source>{path} is not UTF-8 text (byte {byte}); fix it or move it away.</source>
            <translation>{path} is not UTF-8 text (byte {byte}); fix it or move it away.</translation>
        </message>
        <message>
            <source>{path} is not valid JSON (line {line}, column {column}); it was left untouched. Fix it or move it away.</source>
            <translation>{path} is not valid JSON (line {line}, column {column}); it was left untouched. Fix it or move it away.</translation>
        </message>
        <message>
            <source>{path} is nested too deeply to be a jobs file; it was left untouched.</source>
            <translation>{path} is nested too deeply to be a jobs file; it was left untouched.</translation>
        </message>
        <message>
            <source>{path} cannot be read as a jobs file; it was left untouched.</source>
            <translation>{path} cannot be read as a jobs file; it was left untouched.</translation>
        </message>
        <message>
            <source>{path} holds no list of jobs; it was left untouched.</source>
            <translation>{path} holds no list of jobs; it was left untouched.</translation>
        </message>
        <message>
            <source>There is no job with the id or name “{ref}”; it may have been deleted.</source>
            <translation>There is no job with the id or name “{ref}”; it may have been deleted.</translation>
        </message>
        <message>
            <source>This job has completed; there is nothing to pause.</source>
            <translation>This job has completed; there is nothing to pause.</translation>
        </message>
        <message>
            <source>{path} cannot be read, so it was not overwritten. Fix it or move it away.</source>
            <translation>{path} cannot be read, so it was not overwritten. Fix it or move it away.</translation>
        </message>
        <message>
            <source>{path} stayed locked by another program for {seconds} s ({attempts} attempts), so the change was not saved.</source>
            <translation>{path} stayed locked by another program for {seconds} s ({attempts} attempts), so the change was not saved.</translation>
        </message>
    </context>
    <context>
        <name>ProfilesWindow</name>
        <message>
            <source>Profiles</source>
            <translation>Profiles</translation>
        </message>
        <message>
            <source>New profile</source>
            <translation>New profile</translation>
        </message>
        <message>
            <source>Switch to this profile</source>
            <translation>Switch to this profile</translation>
        </message>
        <message>
            <source>default</source>
            <translation>default</translation>
        </message>
        <message>
            <source>{name} (active)</source>
            <translation>{name} (active)</translation>
        </message>
        <message>
            <source>Counting…</source>
            <translation>Counting…</translation>
        </message>
        <message numerus="yes">
            <source>%n session(s)</source>
            <translation>
                <numerusform>%n session</numerusform>
                <numerusform>%n sessions</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n job(s)</source>
            <translation>
                <numerusform>%n job</numerusform>
                <numerusform>%n jobs</numerusform>
            </translation>
        </message>
        <message>
            <source>Jobs run by: {who}</source>
            <translation>Jobs run by: {who}</translation>
        </message>
        <message>
            <source>Use letters, digits, dots, dashes or underscores (not “default”).</source>
            <translation>Use letters, digits, dots, dashes or underscores (not “default”).</translation>
        </message>
        <message>
            <source>A profile named “{name}” exists already.</source>
            <translation>A profile named “{name}” exists already.</translation>
        </message>
        <message>
            <source>Name of the new profile:</source>
            <translation>Name of the new profile:</translation>
        </message>
    </context>
    <context>
        <name>RenameDialog</name>
        <message>
            <source>Rename session</source>
            <translation>Rename session</translation>
        </message>
        <message>
            <source>New title for “{title}”:</source>
            <translation>New title for “{title}”:</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>Title</translation>
        </message>
        <message>
            <source>Empty: the list shows the first message</source>
            <translation>Empty: the list shows the first message</translation>
        </message>
        <message>
            <source>Rename</source>
            <translation>Rename</translation>
        </message>
        <message>
            <source>That title is too long: {length} characters, at most {limit}.</source>
            <translation>That title is too long: {length} characters, at most {limit}.</translation>
        </message>
        <message>
            <source>Another session already has the title “{title}”. Titles are unique, as in Hermes.</source>
            <translation>Another session already has the title “{title}”. Titles are unique, as in Hermes.</translation>
        </message>
        <message>
            <source>This session no longer exists.</source>
            <translation>This session no longer exists.</translation>
        </message>
        <message>
            <source>Could not rename: {reason}</source>
            <translation>Could not rename: {reason}</translation>
        </message>
    </context>
    <context>
        <name>RunHistory</name>
        <message>
            <source>Scheduled</source>
            <translation>Scheduled</translation>
        </message>
        <message>
            <source>Run now</source>
            <translation>Run now</translation>
        </message>
        <message>
            <source>Catch-up</source>
            <translation>Catch-up</translation>
        </message>
        <message>
            <source>Missed</source>
            <translation>Missed</translation>
        </message>
        <message>
            <source>Started at a time the schedule names.</source>
            <translation>Started at a time the schedule names.</translation>
        </message>
        <message>
            <source>Started when no run was due: most likely Run now (a late catch-up of a single run looks the same).</source>
            <translation>Started when no run was due: most likely Run now (a late catch-up of a single run looks the same).</translation>
        </message>
        <message>
            <source>Started late, right after missed runs: the app or Hermes came back and ran the job once.</source>
            <translation>Started late, right after missed runs: the app or Hermes came back and ran the job once.</translation>
        </message>
        <message>
            <source>Nothing was running jobs at these times, so these runs did not happen.</source>
            <translation>Nothing was running jobs at these times, so these runs did not happen.</translation>
        </message>
        <message>
            <source>How this run started is not recorded (Run now moves an interval job's times).</source>
            <translation>How this run started is not recorded (Run now moves an interval job's times).</translation>
        </message>
        <message>
            <source>{m} min {s} s</source>
            <translation>{m} min {s} s</translation>
        </message>
        <message>
            <source>{h} h {m} min</source>
            <translation>{h} h {m} min</translation>
        </message>
        <message>
            <source>Run history</source>
            <translation>Run history</translation>
        </message>
    </context>
    <context>
        <name>RunPeek</name>
        <message>
            <source>Recent runs</source>
            <translation>Recent runs</translation>
        </message>
        <message>
            <source>No runs yet</source>
            <translation>No runs yet</translation>
        </message>
    </context>
    <context>
        <name>Runner</name>
        <message>
            <source>Hermes was not found at {path}. Prompt jobs fail until the path in Settings is fixed or cleared.</source>
            <translation>Hermes was not found at {path}. Prompt jobs fail until the path in Settings is fixed or cleared.</translation>
        </message>
        <message>
            <source>{path} is a folder, not the hermes program. Prompt jobs fail until the path in Settings is fixed or cleared.</source>
            <translation>{path} is a folder, not the hermes program. Prompt jobs fail until the path in Settings is fixed or cleared.</translation>
        </message>
        <message>
            <source>{path} is not hermes-agent's hermes program. Prompt jobs fail until the path in Settings is fixed or cleared.</source>
            <translation>{path} is not hermes-agent's hermes program. Prompt jobs fail until the path in Settings is fixed or cleared.</translation>
        </message>
        <message>
            <source>No Hermes found: prompt jobs use the built-in runner and the endpoint below.</source>
            <translation>No Hermes found: prompt jobs use the built-in runner and the endpoint below.</translation>
        </message>
        <message>
            <source>Prompt jobs run with Hermes {version} ({path}).</source>
            <translation>Prompt jobs run with Hermes {version} ({path}).</translation>
        </message>
        <message>
            <source>Prompt jobs run with Hermes ({path}); its version could not be read.</source>
            <translation>Prompt jobs run with Hermes ({path}); its version could not be read.</translation>
        </message>
        <message>
            <source>This app (a script job)</source>
            <translation>This app (a script job)</translation>
        </message>
        <message>
            <source>The built-in runner (OpenAI-compatible endpoint)</source>
            <translation>The built-in runner (OpenAI-compatible endpoint)</translation>
        </message>
        <message>
            <source>Hermes {version} ({path})</source>
            <translation>Hermes {version} ({path})</translation>
        </message>
        <message>
            <source>Hermes ({path})</source>
            <translation>Hermes ({path})</translation>
        </message>
    </context>
    <context>
        <name>Runs</name>
        <message>
            <source>{seconds:.1f} s</source>
            <translation>{seconds:.1f} s</translation>
        </message>
    </context>
    <context>
        <name>Schedule</name>
        <message numerus="yes">
            <source>Every %n day(s)</source>
            <translation>
                <numerusform>Every %n day</numerusform>
                <numerusform>Every %n days</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Every %n hour(s)</source>
            <translation>
                <numerusform>Every %n hour</numerusform>
                <numerusform>Every %n hours</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Every %n minute(s)</source>
            <translation>
                <numerusform>Every %n minute</numerusform>
                <numerusform>Every %n minutes</numerusform>
            </translation>
        </message>
        <message>
            <source>Once (the time is unreadable)</source>
            <translation>Once (the time is unreadable)</translation>
        </message>
        <message>
            <source>Once, on {when}</source>
            <translation>Once, on {when}</translation>
        </message>
        <message>
            <source>Every hour at {minute} minutes past</source>
            <translation>Every hour at {minute} minutes past</translation>
        </message>
        <message numerus="yes">
            <source>Every %n hour(s), at {minute} minutes past the hour</source>
            <translation>
                <numerusform>Every %n hour, at {minute} minutes past the hour</numerusform>
                <numerusform>Every %n hours, at {minute} minutes past the hour</numerusform>
            </translation>
        </message>
        <message>
            <source>Every day at {time}</source>
            <translation>Every day at {time}</translation>
        </message>
        <message>
            <source>Weekdays (Monday to Friday) at {time}</source>
            <translation>Weekdays (Monday to Friday) at {time}</translation>
        </message>
        <message>
            <source>Weekends at {time}</source>
            <translation>Weekends at {time}</translation>
        </message>
        <message>
            <source>Every {days} at {time}</source>
            <translation>Every {days} at {time}</translation>
        </message>
        <message>
            <source>Monthly on day {day} at {time}</source>
            <translation>Monthly on day {day} at {time}</translation>
        </message>
        <message>
            <source>Every year on {month} {day} at {time}</source>
            <translation>Every year on {month} {day} at {time}</translation>
        </message>
        <message>
            <source>Cron schedule {expr}</source>
            <translation>Cron schedule {expr}</translation>
        </message>
    </context>
    <context>
        <name>ScheduleError</name>
        <message>
            <source>The schedule is empty.</source>
            <translation>The schedule is empty.</translation>
        </message>
        <message>
            <source>The schedule is too long (at most 200 characters).</source>
            <translation>The schedule is too long (at most 200 characters).</translation>
        </message>
        <message>
            <source>This is not a valid cron expression: it needs 5 fields, each in range.</source>
            <translation>This is not a valid cron expression: it needs 5 fields, each in range.</translation>
        </message>
        <message>
            <source>This cron expression never occurs: no calendar date matches it.</source>
            <translation>This cron expression never occurs: no calendar date matches it.</translation>
        </message>
        <message>
            <source>An interval must be a whole number of minutes, hours or days, at least 1 minute.</source>
            <translation>An interval must be a whole number of minutes, hours or days, at least 1 minute.</translation>
        </message>
        <message>
            <source>That is not a time of day or a date and time this app can read.</source>
            <translation>That is not a time of day or a date and time this app can read.</translation>
        </message>
        <message>
            <source>That time has already passed.</source>
            <translation>That time has already passed.</translation>
        </message>
        <message>
            <source>That is more than 100 years from now.</source>
            <translation>That is more than 100 years from now.</translation>
        </message>
        <message>
            <source>This is not a schedule this app understands.</source>
            <translation>This is not a schedule this app understands.</translation>
        </message>
        <message>
            <source>The stored schedule is damaged.</source>
            <translation>The stored schedule is damaged.</translation>
        </message>
        <message>
            <source>Say at what time it runs, like “every day at 9:00”.</source>
            <translation>Say at what time it runs, like “every day at 9:00”.</translation>
        </message>
        <message>
            <source>That hour can be read two ways; write it from 0 to 23, like 0:00 or 12:00.</source>
            <translation>That hour can be read two ways; write it from 0 to 23, like 0:00 or 12:00.</translation>
        </message>
        <message>
            <source>Forms that work: every 30m · 2h · in 20m · 2026-02-03T14:00 · 0 9 * * 1-5 · @daily · weekdays at 9am · every monday 9am</source>
            <translation>Forms that work: every 30m · 2h · in 20m · 2026-02-03T14:00 · 0 9 * * 1-5 · @daily · weekdays at 9am · every monday 9am</translation>
        </message>
    </context>
    <context>
        <name>SessionActions</name>
        <message>
            <source>Rename…</source>
            <translation>Rename…</translation>
        </message>
        <message>
            <source>Export as Markdown…</source>
            <translation>Export as Markdown…</translation>
        </message>
        <message>
            <source>Copy as Markdown</source>
            <translation>Copy as Markdown</translation>
        </message>
        <message>
            <source>Delete…</source>
            <translation>Delete…</translation>
        </message>
        <message>
            <source>&amp;Session</source>
            <translation>&amp;Session</translation>
        </message>
        <message>
            <source>Could not read “{title}”: {reason}</source>
            <translation>Could not read “{title}”: {reason}</translation>
        </message>
        <message>
            <source>“{title}” no longer exists; another program deleted it.</source>
            <translation>“{title}” no longer exists; another program deleted it.</translation>
        </message>
        <message>
            <source>Session</source>
            <translation>Session</translation>
        </message>
        <message>
            <source>Delete session</source>
            <translation>Delete session</translation>
        </message>
        <message numerus="yes">
            <source>Delete “{title}” and its %n message(s) for good?</source>
            <translation>
                <numerusform>Delete “{title}” and its %n message for good?</numerusform>
                <numerusform>Delete “{title}” and its %n messages for good?</numerusform>
            </translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>Delete</translation>
        </message>
        <message>
            <source>Hermes is still replying in “{title}”. Stop the reply, then delete it.</source>
            <translation>Hermes is still replying in “{title}”. Stop the reply, then delete it.</translation>
        </message>
        <message>
            <source>“{title}” is still running. Delete it once it has finished.</source>
            <translation>“{title}” is still running. Delete it once it has finished.</translation>
        </message>
        <message>
            <source>Could not delete “{title}”: {reason}</source>
            <translation>Could not delete “{title}”: {reason}</translation>
        </message>
        <message>
            <source>Started</source>
            <translation>Started</translation>
        </message>
        <message>
            <source>Source</source>
            <translation>Source</translation>
        </message>
        <message>
            <source>Untitled session</source>
            <translation>Untitled session</translation>
        </message>
        <message>
            <source>No messages.</source>
            <translation>No messages.</translation>
        </message>
        <message>
            <source>Export as Markdown</source>
            <translation>Export as Markdown</translation>
        </message>
        <message>
            <source>Markdown (*.md);;All files (*)</source>
            <translation>Markdown (*.md);;All files (*)</translation>
        </message>
        <message>
            <source>{path} is not a regular file; choose a file name.</source>
            <translation>{path} is not a regular file; choose a file name.</translation>
        </message>
        <message>
            <source>{path} is one of the Hermes home's own files; choose another name.</source>
            <translation>{path} is one of the Hermes home's own files; choose another name.</translation>
        </message>
        <message>
            <source>the folder {path} does not exist.</source>
            <translation>the folder {path} does not exist.</translation>
        </message>
        <message>
            <source>Could not export “{title}”: {reason}</source>
            <translation>Could not export “{title}”: {reason}</translation>
        </message>
        <message>
            <source>Exported “{title}” to {path}</source>
            <translation>Exported “{title}” to {path}</translation>
        </message>
        <message>
            <source>Could not copy “{title}”: {reason}</source>
            <translation>Could not copy “{title}”: {reason}</translation>
        </message>
        <message>
            <source>Copied “{title}” as Markdown</source>
            <translation>Copied “{title}” as Markdown</translation>
        </message>
    </context>
    <context>
        <name>SessionSearchBox</name>
        <message>
            <source>Search conversations</source>
            <translation>Search conversations</translation>
        </message>
        <message>
            <source>Words, "a phrase" or a prefix*; Chinese and Japanese match anywhere. Enter opens the best match, Escape clears.</source>
            <translation>Words, "a phrase" or a prefix*; Chinese and Japanese match anywhere. Enter opens the best match, Escape clears.</translation>
        </message>
        <message>
            <source>Include cron runs</source>
            <translation>Include cron runs</translation>
        </message>
        <message>
            <source>Search results</source>
            <translation>Search results</translation>
        </message>
        <message>
            <source>The search failed: {error}</source>
            <translation>The search failed: {error}</translation>
        </message>
        <message>
            <source>Type a word to search for.</source>
            <translation>Type a word to search for.</translation>
        </message>
        <message>
            <source>No conversation matches “{query}”</source>
            <translation>No conversation matches “{query}”</translation>
        </message>
        <message>
            <source>Older conversations may match too: the search stopped early.</source>
            <translation>Older conversations may match too: the search stopped early.</translation>
        </message>
        <message numerus="yes">
            <source>Searched the newest %n message(s) only.</source>
            <translation>
                <numerusform>Searched the newest %n message only.</numerusform>
                <numerusform>Searched the newest %n messages only.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Sessions</name>
        <message>
            <source>Loading…</source>
            <translation>Loading…</translation>
        </message>
        <message>
            <source>Untitled session</source>
            <translation>Untitled session</translation>
        </message>
    </context>
    <context>
        <name>SettingsWindow</name>
        <message>
            <source>Settings</source>
            <translation>Settings</translation>
        </message>
        <message>
            <source>General</source>
            <translation>General</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>Language</translation>
        </message>
        <message>
            <source>System</source>
            <translation>System</translation>
        </message>
        <message>
            <source>&amp;Language</source>
            <translation>&amp;Language</translation>
        </message>
        <message>
            <source>The new language shows the next time Hermes Desktop starts.</source>
            <translation>The new language shows the next time Hermes Desktop starts.</translation>
        </message>
        <message>
            <source>Appearance</source>
            <translation>Appearance</translation>
        </message>
        <message>
            <source>Follow the system</source>
            <translation>Follow the system</translation>
        </message>
        <message>
            <source>Light</source>
            <translation>Light</translation>
        </message>
        <message>
            <source>Dark</source>
            <translation>Dark</translation>
        </message>
        <message>
            <source>&amp;Appearance</source>
            <translation>&amp;Appearance</translation>
        </message>
        <message>
            <source>Run scheduled jobs while the app is open</source>
            <translation>Run scheduled jobs while the app is open</translation>
        </message>
        <message>
            <source>Run the jobs of every profile, not only the one on screen</source>
            <translation>Run the jobs of every profile, not only the one on screen</translation>
        </message>
        <message>
            <source>Notify when any run finishes</source>
            <translation>Notify when any run finishes</translation>
        </message>
        <message>
            <source>Start Hermes Desktop when I log in</source>
            <translation>Start Hermes Desktop when I log in</translation>
        </message>
        <message>
            <source>Hermes</source>
            <translation>Hermes</translation>
        </message>
        <message>
            <source>Looking for Hermes…</source>
            <translation>Looking for Hermes…</translation>
        </message>
        <message>
            <source>Find automatically</source>
            <translation>Find automatically</translation>
        </message>
        <message>
            <source>Hermes program</source>
            <translation>Hermes program</translation>
        </message>
        <message>
            <source>Browse…</source>
            <translation>Browse…</translation>
        </message>
        <message>
            <source>Choose the hermes program</source>
            <translation>Choose the hermes program</translation>
        </message>
        <message>
            <source>&amp;Program</source>
            <translation>&amp;Program</translation>
        </message>
        <message>
            <source>Agent endpoint (OpenAI-compatible)</source>
            <translation>Agent endpoint (OpenAI-compatible)</translation>
        </message>
        <message>
            <source>Base URL</source>
            <translation>Base URL</translation>
        </message>
        <message>
            <source>Model</source>
            <translation>Model</translation>
        </message>
        <message>
            <source>API key</source>
            <translation>API key</translation>
        </message>
        <message>
            <source>Stored in the home, readable by you only</source>
            <translation>Stored in the home, readable by you only</translation>
        </message>
        <message>
            <source>Show</source>
            <translation>Show</translation>
        </message>
        <message>
            <source>Show the API key</source>
            <translation>Show the API key</translation>
        </message>
        <message>
            <source>&amp;Base URL</source>
            <translation>&amp;Base URL</translation>
        </message>
        <message>
            <source>&amp;Model</source>
            <translation>&amp;Model</translation>
        </message>
        <message>
            <source>API &amp;key</source>
            <translation>API &amp;key</translation>
        </message>
        <message>
            <source>Runs</source>
            <translation>Runs</translation>
        </message>
        <message>
            <source>Keep all</source>
            <translation>Keep all</translation>
        </message>
        <message>
            <source>Runs kept per job</source>
            <translation>Runs kept per job</translation>
        </message>
        <message>
            <source>Never</source>
            <translation>Never</translation>
        </message>
        <message>
            <source> days</source>
            <translation> days</translation>
        </message>
        <message>
            <source>Delete runs older than</source>
            <translation>Delete runs older than</translation>
        </message>
        <message>
            <source> min</source>
            <translation> min</translation>
        </message>
        <message>
            <source>Job timeout</source>
            <translation>Job timeout</translation>
        </message>
        <message>
            <source>Keep the newest runs of each job</source>
            <translation>Keep the newest runs of each job</translation>
        </message>
        <message>
            <source>Stop a run after</source>
            <translation>Stop a run after</translation>
        </message>
        <message>
            <source>Start at login not changed: {reason}</source>
            <translation>Start at login not changed: {reason}</translation>
        </message>
        <message>
            <source>Hide</source>
            <translation>Hide</translation>
        </message>
        <message>
            <source>Hide the API key</source>
            <translation>Hide the API key</translation>
        </message>
        <message>
            <source>This API key has a space, line break or control character in it, so it was not saved. Paste it again as one line.</source>
            <translation>This API key has a space, line break or control character in it, so it was not saved. Paste it again as one line.</translation>
        </message>
        <message>
            <source>This API key has characters that cannot go in a request header, so it was not saved. Paste it again.</source>
            <translation>This API key has characters that cannot go in a request header, so it was not saved. Paste it again.</translation>
        </message>
        <message>
            <source>Settings not saved: {reason}</source>
            <translation>Settings not saved: {reason}</translation>
        </message>
        <message>
            <source>unknown error</source>
            <translation>unknown error</translation>
        </message>
    </context>
    <context>
        <name>Sidebar</name>
        <message>
            <source>Sessions</source>
            <translation>Sessions</translation>
        </message>
        <message>
            <source>No conversations yet. Chats you have with Hermes show up here.</source>
            <translation>No conversations yet. Chats you have with Hermes show up here.</translation>
        </message>
        <message numerus="yes">
            <source>%n session(s)</source>
            <translation>
                <numerusform>%n session</numerusform>
                <numerusform>%n sessions</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>StartMenu</name>
        <message>
            <source>Blank</source>
            <translation>Blank</translation>
        </message>
        <message>
            <source>From blueprint</source>
            <translation>From blueprint</translation>
        </message>
        <message>
            <source>Duplicate the selected job</source>
            <translation>Duplicate the selected job</translation>
        </message>
        <message>
            <source>Select a job first.</source>
            <translation>Select a job first.</translation>
        </message>
        <message>
            <source>Cron job</source>
            <translation>Cron job</translation>
        </message>
        <message>
            <source>Duplicate “{title}”</source>
            <translation>Duplicate “{title}”</translation>
        </message>
        <message>
            <source>{name} (copy)</source>
            <translation>{name} (copy)</translation>
        </message>
        <message>
            <source>Reading Hermes' blueprints…</source>
            <translation>Reading Hermes' blueprints…</translation>
        </message>
        <message>
            <source>No blueprints: Hermes is not installed here</source>
            <translation>No blueprints: Hermes is not installed here</translation>
        </message>
    </context>
    <context>
        <name>State</name>
        <message>
            <source>Scheduled</source>
            <translation>Scheduled</translation>
        </message>
        <message>
            <source>Running</source>
            <translation>Running</translation>
        </message>
        <message>
            <source>Paused</source>
            <translation>Paused</translation>
        </message>
        <message>
            <source>Error</source>
            <translation>Error</translation>
        </message>
        <message>
            <source>Completed</source>
            <translation>Completed</translation>
        </message>
        <message>
            <source>Disabled</source>
            <translation>Disabled</translation>
        </message>
        <message>
            <source>Queued</source>
            <translation>Queued</translation>
        </message>
        <message>
            <source>Succeeded</source>
            <translation>Succeeded</translation>
        </message>
        <message>
            <source>Failed</source>
            <translation>Failed</translation>
        </message>
        <message>
            <source>Missed</source>
            <translation>Missed</translation>
        </message>
        <message>
            <source>Outcome unknown</source>
            <translation>Outcome unknown</translation>
        </message>
    </context>
    <context>
        <name>StatusStrip</name>
        <message>
            <source>Last runs</source>
            <translation>Last runs</translation>
        </message>
        <message>
            <source>{when} · {outcome}</source>
            <translation>{when} · {outcome}</translation>
        </message>
        <message numerus="yes">
            <source>%n run(s) shown, oldest first.</source>
            <translation>
                <numerusform>%n run shown, oldest first.</numerusform>
                <numerusform>%n runs shown, oldest first.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n failed.</source>
            <translation>
                <numerusform>%n failed.</numerusform>
                <numerusform>%n failed.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n missed.</source>
            <translation>
                <numerusform>%n missed.</numerusform>
                <numerusform>%n missed.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>TalkBack</name>
        <message>
            <source>Hermes is replying… Stop ends the reply and keeps what has arrived.</source>
            <translation>Hermes is replying… Stop ends the reply and keeps what has arrived.</translation>
        </message>
        <message>
            <source>Sending…</source>
            <translation>Sending…</translation>
        </message>
        <message>
            <source>Hermes is replying in another conversation; wait for it or stop it there.</source>
            <translation>Hermes is replying in another conversation; wait for it or stop it there.</translation>
        </message>
        <message>
            <source>Loading the conversation…</source>
            <translation>Loading the conversation…</translation>
        </message>
        <message>
            <source>Stopping…</source>
            <translation>Stopping…</translation>
        </message>
        <message>
            <source>No model to answer: set a model endpoint in Settings, or install Hermes.</source>
            <translation>No model to answer: set a model endpoint in Settings, or install Hermes.</translation>
        </message>
        <message>
            <source>The reply failed: {reason}</source>
            <translation>The reply failed: {reason}</translation>
        </message>
        <message>
            <source>The message could not be sent: {reason}</source>
            <translation>The message could not be sent: {reason}</translation>
        </message>
    </context>
    <context>
        <name>TranscriptView</name>
        <message>
            <source>Pick a conversation or a cron run on the left to read it here.</source>
            <translation>Pick a conversation or a cron run on the left to read it here.</translation>
        </message>
        <message>
            <source>Transcript</source>
            <translation>Transcript</translation>
        </message>
        <message>
            <source>Untitled session</source>
            <translation>Untitled session</translation>
        </message>
        <message>
            <source>Started {when}</source>
            <translation>Started {when}</translation>
        </message>
        <message>
            <source>This run was recorded without a conversation, so it cannot be continued.</source>
            <translation>This run was recorded without a conversation, so it cannot be continued.</translation>
        </message>
        <message>
            <source>Run of job {job}</source>
            <translation>Run of job {job}</translation>
        </message>
        <message>
            <source>took {seconds:.1f} s</source>
            <translation>took {seconds:.1f} s</translation>
        </message>
        <message>
            <source>Hermes run ({source})</source>
            <translation>Hermes run ({source})</translation>
        </message>
        <message>
            <source>No output file was found for this run.</source>
            <translation>No output file was found for this run.</translation>
        </message>
        <message>
            <source>This run is still going; you can reply once it has finished.</source>
            <translation>This run is still going; you can reply once it has finished.</translation>
        </message>
        <message>
            <source>No messages yet.</source>
            <translation>No messages yet.</translation>
        </message>
        <message numerus="yes">
            <source>%n message(s)</source>
            <translation>
                <numerusform>%n message</numerusform>
                <numerusform>%n messages</numerusform>
            </translation>
        </message>
        <message>
            <source>Script</source>
            <translation>Script</translation>
        </message>
        <message>
            <source>Job prompt</source>
            <translation>Job prompt</translation>
        </message>
        <message>
            <source>Script output</source>
            <translation>Script output</translation>
        </message>
        <message>
            <source>Cron delivery</source>
            <translation>Cron delivery</translation>
        </message>
        <message>
            <source>You</source>
            <translation>You</translation>
        </message>
        <message>
            <source>Hermes</source>
            <translation>Hermes</translation>
        </message>
        <message>
            <source>System</source>
            <translation>System</translation>
        </message>
        <message>
            <source>Tool</source>
            <translation>Tool</translation>
        </message>
        <message>
            <source>Output</source>
            <translation>Output</translation>
        </message>
        <message>
            <source>New chat</source>
            <translation>New chat</translation>
        </message>
        <message>
            <source>Your first message starts the conversation.</source>
            <translation>Your first message starts the conversation.</translation>
        </message>
        <message>
            <source>Copy message</source>
            <translation>Copy message</translation>
        </message>
        <message>
            <source>Showing the first {shown} characters of {size}.</source>
            <translation>Showing the first {shown} characters of {size}.</translation>
        </message>
        <message>
            <source>Show all</source>
            <translation>Show all</translation>
        </message>
    </context>
    <context>
        <name>Tray</name>
        <message>
            <source>Hermes Desktop is still running</source>
            <translation>Hermes Desktop is still running</translation>
        </message>
        <message>
            <source>Scheduled jobs keep running. To quit, choose Quit in the tray icon's menu.</source>
            <translation>Scheduled jobs keep running. To quit, choose Quit in the tray icon's menu.</translation>
        </message>
    </context>
    <context>
        <name>WholeMessageWindow</name>
        <message>
            <source>Whole message</source>
            <translation>Whole message</translation>
        </message>
        <message>
            <source>Loading…</source>
            <translation>Loading…</translation>
        </message>
        <message>
            <source>Copy all</source>
            <translation>Copy all</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Close</translation>
        </message>
    </context>
</TS>
