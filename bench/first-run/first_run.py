#!/usr/bin/env python3
"""First-run speed of Margo, with and without the JDK ahead-of-time cache, beside QuantLib. Run it by bench/first-run.sh.

    bench/first-run.sh [--repeats N] [--json FILE]

Measures, in one run, N times each, alternating three ways of starting ./margo: as shipped (the cache, and the
calibration warm-up a recipe with a model starts beside its statements), without the warm-up
(MARGO_JAVA_OPTS=-Dmargo.warm-up=off), and without the cache (MARGO_AOT=off); and the kernel as `margo kernel install`
writes it and with the cache's options taken out. It reports medians of:
  - the wall time of `./margo run examples/quickstart.margo`, the launcher included, as a user types it;
  - the first, second and third of three identical Heston calibrations in one `./margo run`
    (bench/first-run/heston-three-fits.margo), as the run reports them ("calibrated in ... s");
  - the time from starting the kernel (jupyter_client's KernelManager.start_kernel) to its kernel_info_reply, the
    kernelspec written by `margo kernel install`;
  - where Debian's python3-quantlib is installed, QuantLib's time for the same calibration on the same quotes
    (quantlib_heston.py), and how close its parameters are to Margo's.
The machine's load average is printed before and after: on a shared machine the numbers move with it.
"""
import argparse
import copy
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
LAUNCHER = os.path.join(ROOT, 'margo')
QUICKSTART = os.path.join(ROOT, 'examples', 'quickstart.margo')
THREE_FITS = os.path.join(HERE, 'heston-three-fits.margo')
# How ./margo is started: as shipped (the cache and the warm-up), without the warm-up, and without the cache.
MODES = {'shipped': {},
         'no warm-up': {'MARGO_JAVA_OPTS': '-Dmargo.warm-up=off'},
         'no cache': {'MARGO_AOT': 'off'}}
# The kernel starts as its kernelspec says, with the cache or without it.
KERNEL_CACHE = {'shipped': True, 'no cache': False}
FIT_TIME = re.compile(r'^calibrated in ([0-9.]+) s$', re.MULTILINE)


def margo(args, mode, capture=True):
    env = dict(os.environ, **MODES[mode])
    return subprocess.run([LAUNCHER] + args, env=env, check=True, text=True,
                          stdout=subprocess.PIPE if capture else subprocess.DEVNULL).stdout


def quickstart_seconds(mode):
    began = time.perf_counter()
    margo(['run', QUICKSTART], mode, capture=False)
    return time.perf_counter() - began


def fit_seconds(mode):
    """The three fits' times, as the run reports them."""
    times = [float(t) for t in FIT_TIME.findall(margo(['run', THREE_FITS], mode))]
    if len(times) != 3:
        sys.exit('first-run: expected three "calibrated in" lines from %s, found %d' % (THREE_FITS, len(times)))
    return times


class Kernels:
    """Two kernelspecs in a private Jupyter folder: as `margo kernel install` wrote it, and without the cache."""

    def __init__(self, folder):
        self.folder = folder
        prefix = os.path.join(folder, 'prefix')
        subprocess.run([LAUNCHER, 'kernel', 'install', '--prefix', prefix], check=True, stdout=subprocess.DEVNULL)
        kernels = os.path.join(prefix, 'share', 'jupyter', 'kernels')
        with open(os.path.join(kernels, 'margo', 'kernel.json'), encoding='utf-8') as f:
            spec = json.load(f)
        if not any(arg.startswith('-XX:AOTCache=') for arg in spec['argv']):
            sys.exit('first-run: `margo kernel install` left the ahead-of-time cache out of the kernelspec (see its'
                     ' output); nothing to compare')
        without = copy.deepcopy(spec)
        without['argv'] = [arg for arg in spec['argv'] if not arg.startswith(('-XX:AOTCache=', '-Xlog:aot'))]
        os.makedirs(os.path.join(kernels, 'margo-without-cache'))
        with open(os.path.join(kernels, 'margo-without-cache', 'kernel.json'), 'w', encoding='utf-8') as f:
            json.dump(without, f)
        os.environ.update({'JUPYTER_PATH': os.path.join(prefix, 'share', 'jupyter'),
                           'JUPYTER_DATA_DIR': os.path.join(folder, 'data'),
                           'JUPYTER_RUNTIME_DIR': os.path.join(folder, 'runtime'),
                           'JUPYTER_CONFIG_DIR': os.path.join(folder, 'config')})

    @staticmethod
    def start_to_info_seconds(cache):
        from jupyter_client.manager import KernelManager
        manager = KernelManager(kernel_name='margo' if cache else 'margo-without-cache')
        began = time.perf_counter()
        manager.start_kernel(cwd=ROOT)
        client = manager.client()
        client.start_channels()
        try:
            request = client.kernel_info()
            while True:
                reply = client.get_shell_msg(timeout=120)
                if reply['parent_header'].get('msg_id') == request:
                    return time.perf_counter() - began
        finally:
            client.stop_channels()
            manager.shutdown_kernel(now=True)
            manager.cleanup_resources()


def quantlib(folder, repeats):
    """QuantLib's times and parameters on the quotes the recipe shows last, or None without QuantLib."""
    if subprocess.run([sys.executable, '-c', 'import QuantLib'], stderr=subprocess.DEVNULL).returncode != 0:
        return None
    report = json.loads(margo(['run', THREE_FITS, '--format', 'json'], 'shipped'))
    quotes = os.path.join(folder, 'quotes.json')
    with open(quotes, 'w', encoding='utf-8') as f:
        json.dump(report['outputs'][-1]['value'], f)
    margo_fit = report['outputs'][0]['value']['sections']
    ql = json.loads(subprocess.run([sys.executable, os.path.join(HERE, 'quantlib_heston.py'), quotes, str(repeats)],
                                   check=True, text=True, stdout=subprocess.PIPE).stdout)
    ql['margo_parameters'] = {p['parameter']: p['value'] for p in margo_fit['parameters']}
    ql['margo_rmse_vol_points'] = margo_fit['fit (errors in vol points)'][0]['rmse']
    return ql


def load():
    return ' '.join(open('/proc/loadavg').read().split()[:3]) if os.path.exists('/proc/loadavg') else 'unknown'


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--repeats', type=int, default=5)
    parser.add_argument('--json', help='also write every measurement to this file')
    args = parser.parse_args()
    margo(['--version'], 'shipped')  # builds Margo first if it is missing or older than its sources
    runs = {mode: {'quickstart': [], 'first_fit': [], 'second_fit': [], 'third_fit': [], 'kernel_info': []}
            for mode in MODES}
    folder = tempfile.mkdtemp(prefix='margo-first-run-')
    try:
        kernels = Kernels(folder)
        loads = {'before': load()}
        for _ in range(args.repeats):
            for mode in MODES:
                runs[mode]['quickstart'].append(quickstart_seconds(mode))
                first, second, third = fit_seconds(mode)
                runs[mode]['first_fit'].append(first)
                runs[mode]['second_fit'].append(second)
                runs[mode]['third_fit'].append(third)
                if mode in KERNEL_CACHE:
                    runs[mode]['kernel_info'].append(kernels.start_to_info_seconds(KERNEL_CACHE[mode]))
        ql = quantlib(folder, args.repeats)
        loads['after'] = load()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    medians = {mode: {k: statistics.median(v) for k, v in runs[mode].items() if v} for mode in MODES}
    print('Margo first-run speed, medians of %d runs (seconds); %d cores; load average %s before, %s after'
          % (args.repeats, os.cpu_count(), loads['before'], loads['after']))
    print('%-46s' % '' + ''.join('%14s' % mode for mode in MODES))
    for key, label in (('quickstart', './margo run examples/quickstart.margo (wall)'),
                       ('first_fit', 'first Heston calibration of the run'),
                       ('second_fit', 'second, identical, calibration of the run'),
                       ('third_fit', 'third, identical, calibration of the run'),
                       ('kernel_info', 'kernel start to kernel_info_reply')):
        print('%-46s' % label + ''.join('%14.3f' % medians[mode][key] if key in medians[mode] else '%14s' % '-'
                                        for mode in MODES))
    print('%-46s' % 'first / third calibration' + ''.join(
        '%14.2f' % (medians[mode]['first_fit'] / medians[mode]['third_fit']) for mode in MODES))
    if ql is None:
        print('QuantLib: not installed (Debian: apt-get install python3-quantlib); no comparison')
    else:
        print('%-46s %11.3f   (QuantLib %s, %d quotes, median of %d in one process)'
              % ('QuantLib, the same calibration', ql['median_seconds'], ql['quantlib'], ql['quotes'], args.repeats))
        print('parameters  QuantLib %s, RMSE %.4f vol points'
              % (' '.join('%s %.4f' % kv for kv in ql['parameters'].items()), ql['rmse_vol_points']))
        print('            Margo    %s, RMSE %.4f vol points'
              % (' '.join('%s %.4f' % (k, ql['margo_parameters'][k]) for k in ql['parameters']),
                 ql['margo_rmse_vol_points']))
    if args.json:
        with open(args.json, 'w', encoding='utf-8') as f:
            json.dump({'runs': runs, 'medians': medians, 'load_average': loads, 'quantlib': ql}, f, indent=1)


if __name__ == '__main__':
    main()
