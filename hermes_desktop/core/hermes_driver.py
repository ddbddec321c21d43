"""What runs inside Hermes' own Python to fire one job that this app has already claimed.

Why this surface, and not another (hermes-agent 0.19.0):

- ``cron.scheduler.run_job(job)`` is Hermes' execution of one cron job - the
  agent with the job's model/provider, skills, toolsets, workdir,
  ``context_from`` and script, its cron session in ``state.db`` - and
  nothing else: it neither claims the job nor moves its schedule. Hermes'
  own scheduler-provider interface says execution and delivery stay in
  ``run_job`` and ``_deliver_result``, shared by every trigger; this app is
  such a trigger. Around it, this program does what Hermes' ``run_one_job``
  does after the run - the output file (``save_job_output``), delivery unless
  the answer is ``[SILENT]``, the agent's teardown, an empty answer counted as
  a failure - and leaves out its bookkeeping (``claim_dispatch``,
  ``mark_job_run``, ``cron/executions.db``): the app claimed the job under its
  lock and records the outcome itself. ``mark_job_run`` would count the run a
  second time, move ``next_run_at`` again, and delete a job whose repeats are
  done, where the app keeps it as completed.
- ``hermes cron run`` claims the job again (``claim_job_for_fire``) and marks
  it; ``hermes cron tick`` fires every due job, not the one claimed.
- ``hermes -z`` is a chat turn: the CLI's toolsets, memory and a ``cli``
  session, none of the job's settings, no cron session, no delivery.

It runs as ``python -c HERMES_DRIVER job.json result.json`` under the app's
per-run supervisor, so the job timeout stops it and everything it started.
It reads the claimed job record from ``job.json`` and writes one JSON object
to ``result.json`` (written whole, then renamed): ``stage`` ``"done"`` with
``ok``, ``final`` (the agent's answer), ``error``, ``delivery_error``,
``output_file``; or ``stage`` ``"import"`` when this Python has no usable
Hermes. Only names that exist in Hermes are used; the private helpers around
delivery fall back to plain behaviour when a version lacks them.
"""

from __future__ import annotations

HERMES_DRIVER = r'''
import inspect, json, logging, os, sys

job_path, result_path = sys.argv[1], sys.argv[2]


def report(**fields):
    part = result_path + ".part"
    with open(part, "w", encoding="utf-8") as fh:
        json.dump(fields, fh)
    os.replace(part, result_path)


with open(job_path, encoding="utf-8") as fh:
    job = json.load(fh)
try:
    import cron.scheduler as hermes
    from cron.jobs import save_job_output
    hermes.run_job
except Exception as exc:
    report(stage="import", error="%s: %s" % (type(exc).__name__, exc))
    sys.stdout.flush()
    os._exit(3)

EMPTY = "Agent completed but produced empty response (model error, timeout, or misconfiguration)"
agents = []
scope = reset_scope = None
try:  # cron runs under the profile's secret scope, as Hermes' run_one_job sets it
    from agent.secret_scope import build_profile_secret_scope, reset_secret_scope, set_secret_scope
    scope, reset_scope = set_secret_scope(build_profile_secret_scope(hermes._get_hermes_home())), reset_secret_scope
except Exception:
    pass
try:
    deferred = "defer_agent_teardown" in inspect.signature(hermes.run_job).parameters
    ok, document, final, error = hermes.run_job(job, **({"defer_agent_teardown": agents} if deferred else {}))
except Exception as exc:
    ok, document, final, error = False, "", "", str(exc)
finally:
    if scope is not None:
        reset_scope(scope)

final = final or ""
output_file = delivery_error = None
silent = False
try:
    try:
        output_file = str(save_job_output(job["id"], document))
    except Exception as exc:
        ok, error = False, "%s: %s" % (type(exc).__name__, exc)
    summarize = getattr(hermes, "_summarize_cron_failure_for_delivery", None)
    content = final if ok else (summarize(job, error) if summarize else "Cron job failed: %s" % error)
    is_silence = getattr(hermes, "_is_cron_silence_response", None)
    silent = bool(ok and content.strip() and (is_silence(content) if is_silence else content.strip() == "[SILENT]"))
    if content.strip() and not silent:
        try:
            delivery_error = hermes._deliver_result(job, content)
        except Exception as exc:
            delivery_error = str(exc)
finally:
    teardown = getattr(hermes, "_teardown_cron_agent", None)
    for agent in agents:
        if teardown is not None:
            teardown(agent, job["id"])
if ok and not final.strip():
    ok, error = False, EMPTY
report(stage="done", ok=bool(ok), final=final, error=error, delivery_error=delivery_error,
       output_file=output_file, silent=silent)
try:
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
finally:
    os._exit(0)  # threads an agent or a tool left behind must not keep the run alive
'''
