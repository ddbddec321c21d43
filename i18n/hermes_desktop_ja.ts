<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja">
    <context>
        <name>AppContext</name>
        <message>
            <source>Could not run the job: {error}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Could not pause the job: {error}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Could not resume the job: {error}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Could not delete the job: {error}</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Countdown</name>
        <message>
            <source>overdue</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>in %ns</source>
            <translation type="unfinished">
                <numerusform />
            </translation>
        </message>
        <message numerus="yes">
            <source>in %n min</source>
            <translation type="unfinished">
                <numerusform />
            </translation>
        </message>
        <message numerus="yes">
            <source>in %n h</source>
            <translation type="unfinished">
                <numerusform />
            </translation>
        </message>
        <message numerus="yes">
            <source>in %n d</source>
            <translation type="unfinished">
                <numerusform />
            </translation>
        </message>
        <message>
            <source>just now</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n min ago</source>
            <translation type="unfinished">
                <numerusform />
            </translation>
        </message>
        <message numerus="yes">
            <source>%n h ago</source>
            <translation type="unfinished">
                <numerusform />
            </translation>
        </message>
        <message numerus="yes">
            <source>%n d ago</source>
            <translation type="unfinished">
                <numerusform />
            </translation>
        </message>
    </context>
    <context>
        <name>CronManageWindow</name>
        <message>
            <source>Cron jobs</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Search title, prompt, schedule</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Search jobs</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>New cron job</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Jobs</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No job matches the search.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No cron jobs yet. A cron job runs a prompt or a script on a schedule — every morning, every 30 minutes, once next Tuesday.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>+ New cron job</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delete cron job</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delete “{title}”? Its output files go too; its past runs stay in your sessions.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Run now</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Resume</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pause</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Edit…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delete…</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>CronSection</name>
        <message>
            <source>Cron jobs</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n job(s)</source>
            <translation type="unfinished">
                <numerusform />
            </translation>
        </message>
        <message>
            <source>Cron jobs, expanded</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cron jobs, collapsed</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Job</name>
        <message>
            <source>Cron job</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>JobDetail</name>
        <message>
            <source>Pause</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Run now</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Edit…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delete…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Run history</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No runs yet.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cron job</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>State: {state}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Resume</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Last run failed: {error}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Schedule</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Next run</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>none</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Last run</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>never</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>once</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>done</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{done} of {times} runs</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>forever ({done} so far)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Repeat</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Paused because</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Prompt:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Script: {name}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>(its output feeds the prompt)</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>JobEditor</name>
        <message>
            <source>Edit cron job</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>New cron job</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Optional — the prompt or script names it otherwise</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A prompt for the agent</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A script</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A script whose output feeds the prompt</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>What runs</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Prompt</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>What should Hermes do each time?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Prompt</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Script</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A file in {folder}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>S&amp;cript</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Schedule</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Schedule preset</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Custom (type below)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Every N minutes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Hourly</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Daily at</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Weekdays at</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Weekly on a day at</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Monthly on a day at</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Once at a date and time</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> min</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Minutes between runs</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Day of the week</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>day </source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Day of the month</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Time of day</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Date and time</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>every 30m · weekdays at 9am · 0 9 * * 1-5 · in 20m</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>What the schedule means</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Forever</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Repeat</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> runs</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Default from Settings</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Model</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Endpoint</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Repeat</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Model</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Endpoint (base URL)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>moved: that time does not exist on this day (daylight saving)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>that time happens twice on this day (daylight saving); runs once</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Time zone: {zone}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Next runs:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>none — this time has passed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Fix the schedule first.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Write the prompt.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pick a script.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not saved: {reason}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>unknown error</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>JobRow</name>
        <message>
            <source>Run now</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Manage</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{title} — {state}, {when}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{title}, {state}, {when}</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Hermes Desktop</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;File</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Profiles…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Settings…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Cron</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Manage cron jobs…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;New cron job…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{app} — profile {name}</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Notify</name>
        <message>
            <source>Cron job failed: {title}</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ProfilesWindow</name>
        <message>
            <source>Profiles</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>New profile</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Switch to this profile</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>default</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{name} (active)</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n session(s)</source>
            <translation type="unfinished">
                <numerusform />
            </translation>
        </message>
        <message numerus="yes">
            <source>%n job(s)</source>
            <translation type="unfinished">
                <numerusform />
            </translation>
        </message>
        <message>
            <source>Use letters, digits, dots, dashes or underscores (not “default”).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A profile named “{name}” exists already.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Name of the new profile:</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>RunHistory</name>
        <message>
            <source>Run history</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>RunPeek</name>
        <message>
            <source>Recent runs</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No runs yet</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Runs</name>
        <message>
            <source>{seconds:.1f} s</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Schedule</name>
        <message numerus="yes">
            <source>Every %n day(s)</source>
            <translation type="unfinished">
                <numerusform />
            </translation>
        </message>
        <message numerus="yes">
            <source>Every %n hour(s)</source>
            <translation type="unfinished">
                <numerusform />
            </translation>
        </message>
        <message numerus="yes">
            <source>Every %n minute(s)</source>
            <translation type="unfinished">
                <numerusform />
            </translation>
        </message>
        <message>
            <source>Once (the time is unreadable)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Once, on {when}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Every hour at {minute} past</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Every %n hour(s), at {minute} past</source>
            <translation type="unfinished">
                <numerusform />
            </translation>
        </message>
        <message>
            <source>Every day at {time}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Weekdays (Monday to Friday) at {time}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Weekends at {time}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Every {days} at {time}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Monthly on day {day} at {time}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Every year on {month} {day} at {time}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cron schedule {expr}</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ScheduleError</name>
        <message>
            <source>The schedule is empty.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The schedule is too long (at most 200 characters).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This is not a valid cron expression: it needs 5 fields, each in range.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This cron expression never occurs: no calendar date matches it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>An interval must be a whole number of minutes, hours or days, at least 1 minute.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>That is not a time of day or a date and time this app can read.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>That time has already passed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This is not a schedule this app understands.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The stored schedule is damaged.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Forms that work: every 30m · 2h · in 20m · 2026-02-03T14:00 · 0 9 * * 1-5 · @daily · weekdays at 9am · every monday 9am</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Sessions</name>
        <message>
            <source>Untitled session</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>SettingsWindow</name>
        <message>
            <source>Settings</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>General</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Language</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>System</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Language</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The new language shows the next time Hermes Desktop starts.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Run scheduled jobs while the app is open</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Agent endpoint (OpenAI-compatible)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Base URL</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Model</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>API key</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Stored in the home, readable by you only</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Show</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Base URL</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Model</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>API &amp;key</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Runs</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Keep all</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Runs kept per job</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Never</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> days</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delete runs older than</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> min</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Job timeout</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Keep the newest runs of each job</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Stop a run after</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Sidebar</name>
        <message>
            <source>Sessions</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No conversations yet. Chats you have with Hermes show up here.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n session(s)</source>
            <translation type="unfinished">
                <numerusform />
            </translation>
        </message>
    </context>
    <context>
        <name>State</name>
        <message>
            <source>Scheduled</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Running</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Paused</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Error</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Completed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Disabled</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Succeeded</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Failed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Missed</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>TranscriptView</name>
        <message>
            <source>Pick a conversation or a cron run on the left to read it here.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Transcript</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Started {when}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>took {seconds:.1f} s</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n message(s)</source>
            <translation type="unfinished">
                <numerusform />
            </translation>
        </message>
        <message>
            <source>You</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Hermes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>System</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tool</source>
            <translation type="unfinished" />
        </message>
    </context>
</TS>
