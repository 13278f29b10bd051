package margo.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kernel's data size limit, which {@code margo run --max-data-size} sets on the command line: the kernel takes
 * it from {@code MARGO_MAX_DATA_SIZE} as it starts, which {@code margo kernel install --max-data-size} writes into
 * the kernelspec's environment.
 */
class KernelDataLimitIT {

    @TempDir
    Path root;

    @Test
    void aKernelInstalledWithALimitRefusesLargerDataAndSaysHowToRaiseIt() throws Exception {
        JupyterTestBed jupyter = JupyterTestBed.install(root, "--max-data-size", "1K");
        JsonObject spec = JsonParser.parseString(Files.readString(jupyter.kernelSpecDirectory().resolve("kernel.json")))
                .getAsJsonObject();
        assertEquals("1024", spec.getAsJsonObject("env").get("MARGO_MAX_DATA_SIZE").getAsString(), spec.toString());

        JsonArray requests = new JsonArray();
        requests.add(execute("too large", "data chain = options(\"data/deribit-btc-sample.csv\")\nshow chain"));
        requests.add(execute("after", "show 2 + 2"));
        JsonObject script = new JsonObject();
        script.add("requests", requests);
        Path examples = Path.of(JupyterTestBed.requiredProperty("margo.examples"));
        JsonObject report = jupyter.driveKernel(examples, script, Duration.ofSeconds(120));

        JsonObject tooLarge = report.getAsJsonObject("results").getAsJsonObject("too large");
        assertEquals("error", tooLarge.getAsJsonObject("reply").get("status").getAsString(), tooLarge.toString());
        String text = tooLarge.toString();
        assertTrue(text.contains("cannot read data/deribit-btc-sample.csv: it is ")
                && text.contains(", over the limit of 1 KiB"), text);
        assertTrue(text.contains("MARGO_MAX_DATA_SIZE in the kernel's environment raises the limit"), text);
        assertFalse(text.contains("--max-data-size raises"), text);
        JsonObject after = report.getAsJsonObject("results").getAsJsonObject("after");
        assertEquals("ok", after.getAsJsonObject("reply").get("status").getAsString(), after.toString());
        assertTrue(after.toString().contains("4"), after.toString());
    }

    @Test
    void aLimitThatIsNotASizeStopsTheKernelAtStartSayingWhy() throws Exception {
        Path jar = Path.of(JupyterTestBed.requiredProperty("margo.jar"));
        JupyterTestBed.ProcessResult started = JupyterTestBed.run(Duration.ofSeconds(60), root,
                Map.of("MARGO_MAX_DATA_SIZE", "lots"), List.of(JupyterTestBed.javaExecutable(), "-cp", jar.toString(),
                        "margo.kernel.MargoKernel", root.resolve("connection.json").toString()));
        assertEquals(2, started.exitCode(), started.toString());
        assertEquals("margo kernel: MARGO_MAX_DATA_SIZE: 'lots' is not a size such as 512M or 2G\n", started.stderr());
    }

    private static JsonObject execute(String name, String code) {
        JsonObject request = new JsonObject();
        request.addProperty("name", name);
        request.addProperty("type", "execute");
        request.addProperty("code", code);
        return request;
    }
}
