"""Round trips and idle CPU of Margo's Jupyter kernel, next to ipykernel measured in the same run.

    JUPYTER_PATH=PREFIX/share/jupyter python3 bench/kernel-latency.py [--runs 300] [--warm-up 50] [--kernels margo,python3]

Install the kernel first (`./margo kernel install --prefix PREFIX`); ipykernel is the peer when its
kernelspec (`python3`, Debian's python3-ipykernel) is there, and is left out otherwise. For each kernel,
after a warm-up of cells and kernel_info requests (a JVM kernel gets faster as the JIT compiles its message
path: run with --warm-up 2000 to see it settled), it times:
- a trivial cell (`let x = 1`; `x = 1` for Python) from execute_request to execute_reply, and to the idle
  status that ends it on IOPub, as a notebook sees it;
- kernel_info_request to its reply, through jupyter_client and through a plain blocking pyzmq DEALER socket
  signed by jupyter_client's Session: jupyter_client 7's blocking client waits on asyncio sockets, which adds
  a few ms of its own that differ between kernels, so the plain socket shows the kernel's own round trip;
- the kernel's CPU while idle for 10 s, from /proc (user + system time of the process over wall time).
It prints one line per kernel and measure (median, p95, in ms) and the load average, since a busy machine
moves every number; compare kernels within one run.
"""

import argparse
import os
import statistics
import time

import zmq
from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import KernelManager
from jupyter_client.session import Session

TRIVIAL_CELL = {"margo": "let x = 1", "python3": "x = 1"}
IDLE_SECONDS = 10


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=300)
    parser.add_argument("--warm-up", type=int, default=50)
    parser.add_argument("--kernels", default="margo,python3")
    args = parser.parse_args()
    available = KernelSpecManager().find_kernel_specs()
    print(f"load average before: {os.getloadavg()}; {args.warm_up} warm-up rounds, {args.runs} timed")
    for name in args.kernels.split(","):
        if name not in available:
            print(f"{name}: no kernelspec found, left out")
            continue
        measure(name, args.runs, args.warm_up)
    print(f"load average after: {os.getloadavg()}")


def measure(name, runs, warm_up):
    km = KernelManager(kernel_name=name)
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=60)
        code = TRIVIAL_CELL.get(name, "1")
        for _ in range(warm_up):
            execute(kc, code)
            kc.kernel_info(reply=True, timeout=10)
        to_reply, to_idle = [], []
        for _ in range(runs):
            reply_ms, idle_ms = execute(kc, code)
            to_reply.append(reply_ms)
            to_idle.append(idle_ms)
        info = []
        for _ in range(runs):
            started = time.perf_counter()
            kc.kernel_info(reply=True, timeout=10)
            info.append((time.perf_counter() - started) * 1000)
        plain = plain_kernel_info(km, runs)
        idle = idle_cpu_percent(km.provisioner.process.pid)
        report(name, "cell to execute_reply", to_reply)
        report(name, "cell to idle", to_idle)
        report(name, "kernel_info", info)
        report(name, "kernel_info, pyzmq", plain)
        print(f"{name:8} idle CPU over {IDLE_SECONDS} s: {idle:.2f} %")
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=False)


def execute(kc, code):
    """One cell: milliseconds to its execute_reply and to the idle status under it."""
    started = time.perf_counter()
    msg_id = kc.execute(code)
    while True:
        reply = kc.get_shell_msg(timeout=10)
        if reply["parent_header"].get("msg_id") == msg_id:
            break
    replied = time.perf_counter()
    while True:
        msg = kc.get_iopub_msg(timeout=10)
        if (msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "status"
                and msg["content"]["execution_state"] == "idle"):
            break
    idle = time.perf_counter()
    return (replied - started) * 1000, (idle - started) * 1000


def plain_kernel_info(km, runs):
    """kernel_info round trips in ms on a blocking pyzmq DEALER of its own, signed as jupyter_client signs."""
    session = Session(key=km.session.key, signature_scheme=km.session.signature_scheme)
    context = zmq.Context()
    shell = context.socket(zmq.DEALER)
    shell.setsockopt(zmq.RCVTIMEO, 10_000)
    shell.connect(f"tcp://{km.ip}:{km.shell_port}")
    try:
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            session.send(shell, "kernel_info_request", {})
            shell.recv_multipart()
            times.append((time.perf_counter() - started) * 1000)
        return times
    finally:
        shell.close(0)
        context.term()


def idle_cpu_percent(pid):
    ticks = os.sysconf("SC_CLK_TCK")
    before, started = cpu_ticks(pid), time.monotonic()
    time.sleep(IDLE_SECONDS)
    after, ended = cpu_ticks(pid), time.monotonic()
    return 100.0 * (after - before) / ticks / (ended - started)


def cpu_ticks(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime and stime, fields 14 and 15 of proc(5)


def report(name, what, millis):
    ordered = sorted(millis)
    p95 = ordered[int(0.95 * (len(ordered) - 1))]
    print(f"{name:8} {what:22} median {statistics.median(ordered):6.2f} ms  p95 {p95:6.2f} ms  (n={len(ordered)})")


if __name__ == "__main__":
    main()
