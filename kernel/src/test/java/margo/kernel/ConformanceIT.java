package margo.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Jupyter community's kernel conformance suite (jupyter_kernel_test, from Debian's
 * python3-jupyter-kernel-test) passes against the installed Margo kernel: every test that applies to the
 * language runs (src/test/python/test_conformance.py says which do not, and why) and none fails.
 */
class ConformanceIT {

    /** The tests the suite skips for Margo: no print statement, no pager, no clear_output (see test_conformance.py). */
    private static final Set<String> NOT_APPLICABLE = Set.of("test_execute_stdout", "test_pager", "test_clear_output");
    private static final Pattern RESULT = Pattern.compile("^(test_\\w+) \\([\\w.]+\\)\\s*\\.\\.\\.\\s*(.*)$", Pattern.MULTILINE);

    @TempDir
    static Path root;

    @Test
    void jupyterKernelTestPassesWithEveryApplicableTest() throws Exception {
        JupyterTestBed jupyter = JupyterTestBed.install(root);
        JupyterTestBed.ProcessResult imports = jupyter.run(Duration.ofSeconds(60), root,
                List.of(JupyterTestBed.PYTHON, "-c", "import jupyter_kernel_test"));
        assertEquals(0, imports.exitCode(), "jupyter_kernel_test is missing; ./run-tests installs python3-jupyter-kernel-test\n" + imports);
        Map<String, String> environment = new HashMap<>(jupyter.jupyterEnvironment());
        environment.put("PYTHONPATH", JupyterTestBed.requiredProperty("margo.python.drivers"));
        // From examples/, where the samples' data paths resolve, as the kernel starts in the caller's folder.
        Path examples = Path.of(JupyterTestBed.requiredProperty("margo.examples"));
        JupyterTestBed.ProcessResult run = JupyterTestBed.run(Duration.ofSeconds(300), examples, environment,
                List.of(JupyterTestBed.PYTHON, "-m", "unittest", "-v", "test_conformance"));
        String report = run.stderr();
        Set<String> skipped = new TreeSet<>();
        Set<String> passed = new TreeSet<>();
        Matcher results = RESULT.matcher(report);
        while (results.find()) {
            if (results.group(2).startsWith("skipped")) {
                skipped.add(results.group(1));
            } else if (results.group(2).startsWith("ok")) {
                passed.add(results.group(1));
            }
        }
        assertEquals(0, run.exitCode(), "the conformance suite failed:\n" + report);
        assertEquals(NOT_APPLICABLE, skipped, "only the tests that do not apply are skipped:\n" + report);
        assertTrue(passed.containsAll(Set.of("test_kernel_info", "test_execute_stderr", "test_completion", "test_is_complete",
                "test_error", "test_execute_result", "test_display_data", "test_history", "test_inspect")), report);
    }
}
