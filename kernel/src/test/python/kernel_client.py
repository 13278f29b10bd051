"""Drives a real Margo kernel through the real jupyter_client and writes down what it answered.

    python3 kernel_client.py SCRIPT.json REPORT.json

SCRIPT.json holds {"cwd": DIR, "requests": [...]}: the kernel is started by its kernelspec
name "margo" (found through JUPYTER_PATH) with DIR as its working directory, and each request
is sent in order. A request is {"name": N, "type": T, ...} where T is one of
    kernel_info
    execute       code
    complete      code, cursor_pos
    inspect       code, cursor_pos, detail_level (0 unless given)
    is_complete   code
    interrupt     (an interrupt while the kernel is idle)
    execute_and_interrupt   code, after_seconds (an interrupt while the cell runs)
    history       n (the last n cells)
    execute_while_asking    code, after_seconds (kernel_info and complete while the cell runs, then an interrupt)
SCRIPT.json may also hold "shutdown_while_running": {"code", "after_seconds"}: the final shutdown request is
then sent while that cell runs (with no interrupt before it, as a raw client would).
REPORT.json receives {"results": {N: {"reply": content, "outputs": [...]}}, "alive": bool,
"shutdown": {...}, "kernel_log": text}. "outputs" are the IOPub messages (stream, display_data,
execute_result, error ...) that the kernel published in answer to that request, in order.
The Java tests (MargoKernelIT) judge the report; this script only reports, so that every
assertion lives next to the specification it checks.
"""

import json
import queue
import sys
import time

from jupyter_client.manager import KernelManager

REQUEST_TIMEOUT_SECONDS = 60
OUTPUT_TYPES = {"stream", "display_data", "update_display_data", "execute_result", "error", "clear_output"}


def main(script_path, report_path):
    with open(script_path, encoding="utf-8") as f:
        script = json.load(f)
    log_path = report_path + ".kernel.log"
    with open(log_path, "w", encoding="utf-8") as kernel_log:
        report = run(script, kernel_log)
    with open(log_path, encoding="utf-8") as f:
        report["kernel_log"] = f.read()
    with open(report_path, "w", encoding="utf-8") as f:
        json.dump(report, f, indent=1)


def run(script, kernel_log):
    km = KernelManager(kernel_name="margo")
    km.start_kernel(cwd=script["cwd"], stdout=kernel_log, stderr=kernel_log)
    kc = km.client()
    kc.start_channels()
    results = {}
    try:
        kc.wait_for_ready(timeout=REQUEST_TIMEOUT_SECONDS)
        for request in script["requests"]:
            results[request["name"]] = send(km, kc, request)
        alive = km.is_alive()
        shutdown = shut_down(km, kc, script.get("shutdown_while_running"))
    finally:
        kc.stop_channels()
        if km.is_alive():
            km.shutdown_kernel(now=True)
        km.cleanup_resources()
    return {"results": results, "alive": alive, "shutdown": shutdown}


def send(km, kc, request):
    kind = request["type"]
    if kind == "kernel_info":
        msg_id = kc.kernel_info()
    elif kind == "execute":
        msg_id = kc.execute(request["code"])
    elif kind == "complete":
        msg_id = kc.complete(request["code"], request["cursor_pos"])
    elif kind == "inspect":
        msg_id = kc.inspect(request["code"], request["cursor_pos"], detail_level=request.get("detail_level", 0))
    elif kind == "is_complete":
        msg_id = kc.is_complete(request["code"])
    elif kind == "history":
        msg_id = kc.history(hist_access_type="tail", n=request["n"])
    elif kind == "execute_and_interrupt":
        started = time.monotonic()
        msg_id = kc.execute(request["code"])
        time.sleep(request["after_seconds"])
        km.interrupt_kernel()
        outputs = outputs_until_idle(kc, msg_id)
        reply = reply_to(kc.get_shell_msg, msg_id)
        return {"reply": reply["content"], "outputs": outputs, "seconds": round(time.monotonic() - started, 2)}
    elif kind == "execute_while_asking":
        return execute_while_asking(km, kc, request)
    elif kind == "interrupt":
        km.interrupt_kernel()
        time.sleep(0.5)
        return {"reply": None, "outputs": [], "alive": km.is_alive()}
    else:
        raise ValueError("unknown request type " + kind)
    outputs = outputs_until_idle(kc, msg_id)
    reply = reply_to(kc.get_shell_msg, msg_id)
    return {"reply": reply["content"], "outputs": outputs}


def execute_while_asking(km, kc, request):
    """Runs a long cell and, while it runs, asks for kernel_info and a completion: each answer's time in seconds,
    and whether it came before the cell's own reply (replies share the shell channel, in the order sent)."""
    cell = kc.execute(request["code"])
    time.sleep(request["after_seconds"])
    asked = {}
    for name, send_request in (("kernel_info", kc.kernel_info), ("complete", lambda: kc.complete("show imp", 8))):
        started = time.monotonic()
        msg_id = send_request()
        while True:
            msg = kc.get_shell_msg(timeout=REQUEST_TIMEOUT_SECONDS)
            if msg["parent_header"].get("msg_id") == cell:
                asked["cell_ended_first"] = True
                continue
            if msg["parent_header"].get("msg_id") == msg_id:
                asked[name] = {"seconds": round(time.monotonic() - started, 3), "reply": msg["content"]}
                break
    km.interrupt_kernel()
    outputs = outputs_until_idle(kc, cell)
    reply = reply_to(kc.get_shell_msg, cell) if "cell_ended_first" not in asked else {"content": None}
    return {"reply": reply["content"], "outputs": outputs, "asked": asked}


def outputs_until_idle(kc, msg_id):
    outputs = []
    deadline = time.monotonic() + REQUEST_TIMEOUT_SECONDS
    while True:
        msg = kc.get_iopub_msg(timeout=max(0.1, deadline - time.monotonic()))
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        kind = msg["msg_type"]
        if kind == "status" and msg["content"]["execution_state"] == "idle":
            return outputs
        if kind in OUTPUT_TYPES:
            outputs.append({"output_type": kind, **msg["content"]})


def reply_to(next_message, msg_id):
    deadline = time.monotonic() + REQUEST_TIMEOUT_SECONDS
    while True:
        msg = next_message(timeout=max(0.1, deadline - time.monotonic()))
        if msg["parent_header"].get("msg_id") == msg_id:
            return msg


def shut_down(km, kc, while_running=None):
    """Asks the kernel to shut down and reports whether its process then ends by itself."""
    if while_running:
        kc.execute(while_running["code"])
        time.sleep(while_running["after_seconds"])
    started = time.monotonic()
    msg_id = kc.shutdown()
    try:
        reply = reply_to(kc.get_control_msg, msg_id)["content"]
    except queue.Empty:
        reply = None
    while km.is_alive() and time.monotonic() - started < 20:
        time.sleep(0.1)
    exited = not km.is_alive()
    process = getattr(km.provisioner, "process", None)
    return {
        "reply": reply,
        "exited": exited,
        "exit_code": process.poll() if process is not None else None,
        "seconds": round(time.monotonic() - started, 2),
    }


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
