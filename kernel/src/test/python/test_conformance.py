"""The community conformance suite (jupyter_kernel_test, Debian's python3-jupyter-kernel-test) run against
the Margo kernel, with every test that applies to the language enabled.

    JUPYTER_PATH=... python3 -m unittest -v test_conformance      (run from examples/, for its data paths)

ConformanceIT runs it and fails on any failure or error. Left out, because the language has no such thing:
code_hello_world (no print statement: `show` gives an execute_result, never a stdout stream),
code_page_something (no `?` help or pager payload yet) and code_clear_output (Margo never clears output).
"""

import unittest

import jupyter_kernel_test

SMILES = 'data smiles = options("data/deribit-btc-sample.csv") {\n  keep bid_iv > 0 and ask_iv > 0\n}\n'


class MargoKernelConformance(jupyter_kernel_test.KernelTests):
    kernel_name = "margo"
    language_name = "margo"
    file_extension = ".margo"

    # A warning (an option priced below its intrinsic value) goes to stderr and the cell still succeeds.
    code_stderr = 'show implied_vol(1, 60000, 50000, 30d, "call")'

    completion_samples = [
        {"text": "implied_vo", "matches": {"implied_vol"}},
        {"text": "let s = blac", "matches": {"black"}},
    ]
    complete_code_samples = ["1", "let x = 1", 'show "hello"', SMILES + "show smiles", "# comment (", 'let s = "("']
    incomplete_code_samples = ["let x = (1 +", 'data c = options("x.csv") {', 'let s = """abc', "let x = [1,\n2"]
    invalid_code_samples = ["let x = )", "let x = 1]", "let = 7q"]

    code_generate_error = "show nosuch_name"

    code_execute_result = [
        {"code": "1 + 2", "result": "3"},
        {"code": "[1, 2, 3]", "result": "[1, 2, 3]"},
        {"code": "16%", "result": "16%"},
    ]
    # A value shown before a cell's last one is published as display_data.
    code_display_data = [
        {"code": "show 1\nshow 2", "mime": "text/plain"},
        {"code": SMILES + "show smiles\nshow 1", "mime": "text/html"},
        {"code": SMILES + "plot smile(smiles)\nshow 1", "mime": "image/svg+xml"},
        {"code": SMILES + "plot smile(smiles)\nshow 1", "mime": "application/vnd.plotly.v1+json"},
    ]

    code_history_pattern = "1 + *"
    supported_history_operations = ("tail", "range", "search")

    code_inspect_sample = "black"


if __name__ == "__main__":
    unittest.main()
