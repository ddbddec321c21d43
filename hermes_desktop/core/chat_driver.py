"""What runs inside Hermes' own Python to continue one conversation by one turn.

Why this surface, and not another (hermes-agent 0.19.0, checked by running it):

- ``hermes --resume ID -z PROMPT`` does not continue ``ID``: ``-z`` is handled
  before ``--resume`` is read, and ``run_oneshot`` builds an agent without a
  session id, so every call writes a *new* ``cli`` session (two calls made two
  sessions in ``state.db``). It also prints only the final answer, so nothing
  could stream.
- ``hermes chat --resume ID`` is the interactive terminal UI.
- What the CLI does when it resumes (``_init_agent`` in
  ``hermes_cli/cli_agent_setup_mixin.py``) is: ``SessionDB()``,
  ``resolve_resume_session_id``, ``get_messages_as_conversation(id,
  repair_alternation=True)``, reopen the session, then
  ``AIAgent(session_id=id, session_db=db, ...)`` and
  ``run_conversation(prompt, conversation_history=history)``. Hermes then writes
  the user message and the reply (and any tool calls) to that same session
  itself. This driver does exactly that, with ``platform="desktop"`` - a
  platform Hermes knows (its prompt builder has a desktop hint, and its
  session list shows every source but ``tool``), so a session started here is
  a ``desktop`` session to Hermes too. Model, provider and toolsets are the
  user's Hermes configuration, as ``hermes -z`` reads them.

It runs as ``python -c CHAT_DRIVER SESSION_ID PROMPT_FILE [retry]``. It writes
one JSON object per line to stdout: ``{"event": "ready"}`` once the agent is
built (the turn is accepted), ``{"event": "delta", "text": ...}`` for each piece
of the streamed reply, and last ``{"event": "done", "final": ..., "interrupted":
bool, "failed": bool, "error": ...}`` - or ``{"event": "error", "stage": ...,
"error": ...}`` when it could not start. A line ``stop`` on stdin (or stdin
closing) interrupts the agent the way Hermes' own Stop does: the text streamed
so far is kept as the assistant's message. With ``retry`` a failed turn is sent
again: its dangling user message is rewound first (``rewind_to_message``, the
soft delete Hermes' own rewind uses), so the transcript holds it once.
"""

from __future__ import annotations

CHAT_DRIVER = r'''
import json, logging, os, sys, threading

session_id, prompt_path = sys.argv[1], sys.argv[2]
retry = len(sys.argv) > 3 and sys.argv[3] == "retry"
events = os.fdopen(os.dup(1), "w", encoding="utf-8")
sys.stdout = sys.stderr  # whatever the agent prints must not mix with the events
lock = threading.Lock()


def emit(**fields):
    with lock:
        events.write(json.dumps(fields) + "\n")
        events.flush()


def finish(code):
    try:
        logging.shutdown()
        sys.stderr.flush()
    finally:
        os._exit(code)  # threads an agent or a tool left behind must not keep the turn alive


with open(prompt_path, encoding="utf-8") as fh:
    prompt = fh.read()
logging.disable(logging.CRITICAL)
try:
    from hermes_state import SessionDB
    from hermes_cli.config import load_config
    from hermes_cli.runtime_provider import resolve_runtime_provider
    from hermes_cli.tools_config import _get_platform_tools
    from run_agent import AIAgent
except Exception as exc:
    emit(event="error", stage="import", error="%s: %s" % (type(exc).__name__, exc))
    finish(3)

db = agent = None
try:
    db = SessionDB()
    if db.get_session(session_id) is None:
        raise LookupError("Hermes has no session %s" % session_id)
    try:
        session_id = db.resolve_resume_session_id(session_id) or session_id
    except Exception:
        pass
    history = [m for m in db.get_messages_as_conversation(session_id, repair_alternation=True)
               if m.get("role") != "session_meta"]
    if retry:
        rows = db.get_messages(session_id)
        last = rows[-1] if rows else None
        if last and last.get("role") == "user" and last.get("content") == prompt:
            db.rewind_to_message(session_id, last["id"])
            history = [m for m in db.get_messages_as_conversation(session_id, repair_alternation=True)
                       if m.get("role") != "session_meta"]
    db.reopen_session(session_id)
    cfg = load_config()
    model_cfg = cfg.get("model") or {}
    model = model_cfg if isinstance(model_cfg, str) else (model_cfg.get("default") or model_cfg.get("model") or "")
    model = os.getenv("HERMES_INFERENCE_MODEL", "").strip() or model
    runtime = resolve_runtime_provider(requested=None, target_model=model or None)
    try:
        from gateway.session_context import declare_stateless_channel
        declare_stateless_channel()  # no later turn picks up a background subagent's result
    except Exception:
        pass
    try:
        from hermes_cli.fallback_config import get_fallback_chain
        fallback = get_fallback_chain(cfg) or None
    except Exception:
        fallback = None

    def delta(text):
        if text:
            emit(event="delta", text=text)

    def clarify(question, choices=None):
        return "[desktop app: no question can be asked mid-turn. Make the most reasonable assumption and continue.]"

    agent = AIAgent(api_key=runtime.get("api_key"), base_url=runtime.get("base_url"),
                    provider=runtime.get("provider"), api_mode=runtime.get("api_mode"), model=model,
                    enabled_toolsets=sorted(_get_platform_tools(cfg, "cli")), quiet_mode=True,
                    platform="desktop", session_id=session_id, session_db=db,
                    credential_pool=runtime.get("credential_pool"), fallback_model=fallback,
                    clarify_callback=clarify, stream_delta_callback=delta)
    agent.suppress_status_output = True
except Exception as exc:
    emit(event="error", stage="start", error="%s: %s" % (type(exc).__name__, exc))
    finish(4)


def watch_stdin():
    for line in sys.stdin:
        if line.strip() == "stop":
            break
    agent.interrupt()


threading.Thread(target=watch_stdin, daemon=True).start()
emit(event="ready", session_id=session_id)
try:
    result = agent.run_conversation(prompt, conversation_history=history)
    error = result.get("error")
    emit(event="done", final=result.get("final_response") or "", interrupted=bool(result.get("interrupted")),
         failed=bool(result.get("failed")), error=str(error) if error else None)
except BaseException as exc:
    emit(event="done", final="", interrupted=False, failed=True, error="%s: %s" % (type(exc).__name__, exc))
finally:
    try:
        agent.shutdown_memory_provider(getattr(agent, "_session_messages", None) or [])
    except Exception:
        pass
    try:
        agent.close()
    except Exception:
        pass
    try:
        db.close()
    except Exception:
        pass
finish(0)
'''
