"""Round trips and idle CPU of Margo's Jupyter kernel, next to ipykernel measured in the same run.

    JUPYTER_PATH=PREFIX/share/jupyter /usr/bin/python3 bench/kernel-latency.py [--runs 300] [--warm-up 50]
                                                                            [--kernels margo,python3]

Install the kernel first (`./margo kernel install --prefix PREFIX`); ipykernel is the peer when its
kernelspec (`python3`, Debian's python3-ipykernel) is there, and is left out otherwise. Every kernel runs at
once and the timed requests alternate between them, one round of each measure per kernel in turn, so that a
machine whose load comes and goes (other builds) weighs on each kernel alike. After a warm-up of cells and
kernel_info requests (a JVM kernel gets faster as the JIT compiles its message path: run with --warm-up 2000 to
see it settled), it times, from jupyter_client's blocking client as a front end uses it:
- a trivial cell (`let x = 1`; `x = 1` for Python) from execute_request to execute_reply, and to the idle
  status that ends it on IOPub, as a notebook sees it;
- kernel_info_request to its reply, through jupyter_client and through a plain blocking pyzmq DEALER socket
  signed by jupyter_client's Session (jupyter_client 7's blocking client waits on asyncio sockets, which adds
  a wait of its own; the plain socket shows the kernel's round trip without it);
- the kernel's CPU while idle for 10 s, from /proc (user + system time of the process over wall time).
Where the milliseconds of a cell go: the kernel stamps each message's header with the time it made it, and both
processes read the same clock, so each cell's round trip splits into "in" (request sent to the kernel's busy
status: the wire, the kernel's I/O thread, its wake-up), "kernel" (busy to the reply's stamp: reading, running,
answering) and "out" (the reply's stamp to its arrival in the client: the wire back, the client's own wake-up).
It prints one line per kernel and measure (median, p95, in ms) and the load average, since a busy machine moves
every number; compare kernels within one run.
"""

import argparse
import datetime
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
    names = []
    for name in args.kernels.split(","):
        if name in available:
            names.append(name)
        else:
            print(f"{name}: no kernelspec found, left out")
    print(f"load average before: {os.getloadavg()}; {args.warm_up} warm-up rounds, {args.runs} timed, kernels interleaved")
    kernels = [Kernel(name) for name in names]
    try:
        for kernel in kernels:
            kernel.warm_up(args.warm_up)
        for run in range(args.runs):
            for kernel in kernels if run % 2 == 0 else reversed(kernels):
                kernel.time_round()
        idle = idle_cpu_percent([kernel.pid() for kernel in kernels])
        for kernel, cpu in zip(kernels, idle):
            kernel.report(cpu)
    finally:
        for kernel in kernels:
            kernel.stop()
    print(f"load average after: {os.getloadavg()}")


class Kernel:
    """One running kernel, its jupyter_client client, a plain signed DEALER on its shell port, and its timings."""

    def __init__(self, name):
        self.name = name
        self.code = TRIVIAL_CELL.get(name, "1")
        self.manager = KernelManager(kernel_name=name)
        self.manager.start_kernel()
        self.client = self.manager.client()
        self.client.start_channels()
        self.client.wait_for_ready(timeout=60)
        self.session = Session(key=self.manager.session.key, signature_scheme=self.manager.session.signature_scheme)
        self.context = zmq.Context()
        self.shell = self.context.socket(zmq.DEALER)
        self.shell.setsockopt(zmq.RCVTIMEO, 10_000)
        self.shell.connect(f"tcp://{self.manager.ip}:{self.manager.shell_port}")
        self.times = {measure: [] for measure in
                      ("cell to execute_reply", "  in", "  kernel", "  out", "cell to idle", "kernel_info",
                       "kernel_info, pyzmq")}

    def pid(self):
        return self.manager.provisioner.process.pid

    def warm_up(self, rounds):
        for _ in range(rounds):
            self.execute()
            self.client.kernel_info(reply=True, timeout=10)
            self.plain_kernel_info()

    def time_round(self):
        sent, reply, replied, busy, idle = self.execute()
        self.times["cell to execute_reply"].append((replied - sent) * 1000)
        self.times["  in"].append((stamp(busy) - sent) * 1000)
        self.times["  kernel"].append((stamp(reply) - stamp(busy)) * 1000)
        self.times["  out"].append((replied - stamp(reply)) * 1000)
        self.times["cell to idle"].append((idle - sent) * 1000)
        started = time.perf_counter()
        self.client.kernel_info(reply=True, timeout=10)
        self.times["kernel_info"].append((time.perf_counter() - started) * 1000)
        self.times["kernel_info, pyzmq"].append(self.plain_kernel_info())

    def execute(self):
        """One cell: when it was sent and its reply received (epoch seconds), the reply, its busy status, idle."""
        sent = time.time()
        msg_id = self.client.execute(self.code)
        while True:
            reply = self.client.get_shell_msg(timeout=10)
            if reply["parent_header"].get("msg_id") == msg_id:
                break
        replied = time.time()
        busy = None
        while True:
            msg = self.client.get_iopub_msg(timeout=10)
            if msg["parent_header"].get("msg_id") != msg_id or msg["msg_type"] != "status":
                continue
            if msg["content"]["execution_state"] == "busy":
                busy = msg
            elif msg["content"]["execution_state"] == "idle":
                return sent, reply, replied, busy, time.time()

    def plain_kernel_info(self):
        started = time.perf_counter()
        self.session.send(self.shell, "kernel_info_request", {})
        self.shell.recv_multipart()
        return (time.perf_counter() - started) * 1000

    def report(self, idle_cpu):
        for measure, millis in self.times.items():
            ordered = sorted(millis)
            p95 = ordered[int(0.95 * (len(ordered) - 1))]
            print(f"{self.name:8} {measure:22} median {statistics.median(ordered):6.2f} ms  p95 {p95:6.2f} ms  (n={len(ordered)})")
        print(f"{self.name:8} idle CPU over {IDLE_SECONDS} s: {idle_cpu:.2f} %")

    def stop(self):
        self.shell.close(0)
        self.context.term()
        self.client.stop_channels()
        self.manager.shutdown_kernel(now=False)


def stamp(message):
    """When the kernel made the message, in epoch seconds, from its header's ISO 8601 date."""
    date = message["header"]["date"]
    if isinstance(date, str):
        date = datetime.datetime.fromisoformat(date.replace("Z", "+00:00"))
    return date.timestamp()


def idle_cpu_percent(pids):
    """Each process's CPU share over the same idle window."""
    ticks = os.sysconf("SC_CLK_TCK")
    before, started = [cpu_ticks(pid) for pid in pids], time.monotonic()
    time.sleep(IDLE_SECONDS)
    after, ended = [cpu_ticks(pid) for pid in pids], time.monotonic()
    return [100.0 * (a - b) / ticks / (ended - started) for a, b in zip(after, before)]


def cpu_ticks(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime and stime, fields 14 and 15 of proc(5)


if __name__ == "__main__":
    main()
