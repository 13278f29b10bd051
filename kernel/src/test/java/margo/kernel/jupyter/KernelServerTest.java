package margo.kernel.jupyter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The protocol as the spec states it, checked over real sockets against a {@link KernelServer} serving a
 * scripted language, so that each behaviour of the server (not of Margo) is pinned down: the language answers
 * "overflow", "exhaust" and "bug" by throwing, "wait" by blocking until the test lets it go, "fail" with an
 * error, and anything else by showing the code back.
 */
class KernelServerTest {

    private final ScriptedLanguage language = new ScriptedLanguage();
    private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
    private KernelServer server;
    private TestClient client;

    @BeforeEach
    void startAKernel() throws Exception {
                server = new KernelServer(ConnectionFile.loopbackOnAnyPorts(), language, new PrintStream(logged, true, StandardCharsets.UTF_8));
        server.start();
        client = new TestClient(server.connection());
        client.awaitIopub();
    }

    @AfterEach
    void stopIt() throws Exception {
        language.release.countDown();
        client.close();
        server.close();
    }

    @Test
    void everyReplyCarriesAStatus() {
        for (String type : List.of("kernel_info", "comm_info", "history", "is_complete", "complete", "inspect")) {
            JsonObject content = new JsonObject();
            content.addProperty("code", "x");
            content.addProperty("cursor_pos", 1);
            content.addProperty("hist_access_type", "tail");
            content.addProperty("n", 1);
            String id = client.send(client.shell, client.request(type + "_request", content));
            WireMessage reply = client.reply(client.shell, id);
            assertEquals(type + "_reply", reply.type());
            assertTrue(reply.content().has("status"), reply.content().toString());
        }
        String interrupt = client.send(client.control, client.request("interrupt_request", new JsonObject()));
        assertEquals("ok", client.reply(client.control, interrupt).content().get("status").getAsString());
    }

    @Test
    void cursorsCountCodePointsAsTheProtocolDoesNotJavaChars() {
        JsonObject content = new JsonObject();
        content.addProperty("code", "\uD83D\uDE00 sh");
        content.addProperty("cursor_pos", 4);
        String id = client.send(client.shell, client.request("complete_request", content));
        JsonObject reply = client.reply(client.shell, id).content();
        assertEquals(5, language.completedAt, "the language gets the index in its Java string, after the emoji's two chars");
        assertEquals(4, reply.get("cursor_start").getAsInt(), "the reply counts code points again: " + reply);
    }

    @Test
    void headersCarryMicrosecondDatesAndTheKernelsUser() {
        String id = client.send(client.shell, client.request("kernel_info_request", new JsonObject()));
        JsonObject header = client.reply(client.shell, id).header();
        assertTrue(header.get("date").getAsString().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z"), header.toString());
        assertEquals(System.getProperty("user.name"), header.get("username").getAsString());
        assertEquals("5.3", header.get("version").getAsString());
    }

    @Test
    void afterAFailedCellTheQueuedCellsAreAbortedAndLaterOnesRun() {
        String waiting = client.send(client.shell, client.request("execute_request", TestClient.executeContent("wait")));
        String failing = client.send(client.shell, client.request("execute_request", TestClient.executeContent("fail")));
        String queued1 = client.send(client.shell, client.request("execute_request", TestClient.executeContent("a")));
        String queued2 = client.send(client.shell, client.request("execute_request", TestClient.executeContent("b")));
        awaitQueued(4);
        language.release.countDown();
        assertEquals("ok", status(client.reply(client.shell, waiting)));
        assertEquals("error", status(client.reply(client.shell, failing)));
        assertEquals("aborted", status(client.reply(client.shell, queued1)));
        assertEquals("aborted", status(client.reply(client.shell, queued2)));
        assertEquals(List.of("wait", "fail"), language.ran);
        assertEquals("ok", status(client.execute("after")));
    }

    @Test
    void withStopOnErrorOffTheQueuedCellsRun() {
        JsonObject failing = TestClient.executeContent("fail");
        failing.addProperty("stop_on_error", false);
        String failed = client.send(client.shell, client.request("execute_request", failing));
        String next = client.send(client.shell, client.request("execute_request", TestClient.executeContent("a")));
        assertEquals("error", status(client.reply(client.shell, failed)));
        assertEquals("ok", status(client.reply(client.shell, next)));
    }

    @Test
    void aSilentCellPublishesOnlyItsStatusAndIsNeitherCountedNorKept() {
        assertEquals(1, client.execute("first").content().get("execution_count").getAsInt());
        JsonObject silent = TestClient.executeContent("quiet");
        silent.addProperty("silent", true);
        String id = client.send(client.shell, client.request("execute_request", silent));
        WireMessage reply = client.reply(client.shell, id);
        assertEquals(1, reply.content().get("execution_count").getAsInt());
        List<String> types = client.publishedUntilIdle(id).stream().map(WireMessage::type).toList();
        assertEquals(List.of("status", "status"), types);
        assertEquals(2, client.execute("second").content().get("execution_count").getAsInt());
        assertEquals(2, history().size(), "the silent cell is not in the history: " + history());
    }

    @Test
    void aCellWithoutHistoryRunsAndShowsButIsNeitherCountedNorKept() {
        JsonObject unrecorded = TestClient.executeContent("unrecorded");
        unrecorded.addProperty("store_history", false);
        String id = client.send(client.shell, client.request("execute_request", unrecorded));
        assertEquals(0, client.reply(client.shell, id).content().get("execution_count").getAsInt());
        assertTrue(client.publishedUntilIdle(id).stream().anyMatch(m -> m.type().equals("execute_result")));
        assertEquals(0, history().size());
    }

    @Test
    void userExpressionsAreEvaluatedAfterTheCellOneResultEach() {
        JsonObject content = TestClient.executeContent("cell");
        JsonObject expressions = new JsonObject();
        expressions.addProperty("good", "x + 1");
        expressions.addProperty("bad", "fail");
        content.add("user_expressions", expressions);
        JsonObject results = client.execute(content).content().getAsJsonObject("user_expressions");
        assertEquals("ok", results.getAsJsonObject("good").get("status").getAsString());
        assertEquals("x + 1", results.getAsJsonObject("good").getAsJsonObject("data").get("text/plain").getAsString());
        assertEquals("error", results.getAsJsonObject("bad").get("status").getAsString());
    }

    @Test
    void completionKernelInfoAndInterruptAreServedWhileACellRuns() {
        String running = client.send(client.shell, client.request("execute_request", TestClient.executeContent("wait")));
        awaitQueued(1);
        JsonObject complete = new JsonObject();
        complete.addProperty("code", "sh");
        complete.addProperty("cursor_pos", 2);
        String completion = client.send(client.shell, client.request("complete_request", complete));
        assertEquals("complete_reply", client.reply(client.shell, completion).type());
        String info = client.send(client.shell, client.request("kernel_info_request", new JsonObject()));
        assertEquals("kernel_info_reply", client.reply(client.shell, info).type());
        String interrupt = client.send(client.control, client.request("interrupt_request", new JsonObject()));
        assertEquals("ok", status(client.reply(client.control, interrupt)));
        assertEquals("ok", status(client.reply(client.shell, running)), "the interrupt let the waiting cell go");
    }

    @Test
    void aStackOverflowInACellIsAnErrorReplyAndTheKernelGoesOn() {
        WireMessage reply = client.execute("overflow");
        assertEquals("StackOverflowError", reply.content().get("ename").getAsString());
        assertFalse(reply.content().toString().contains("\\tat "), "no Java stack trace reaches the user: " + reply.content());
        assertEquals("ok", status(client.execute("after")));
    }

    @Test
    void runningOutOfMemoryIsAnErrorThatOffersARestartAndTheKernelGoesOn() {
        WireMessage reply = client.execute("exhaust");
        assertEquals("OutOfMemoryError", reply.content().get("ename").getAsString());
        String traceback = reply.content().getAsJsonArray("traceback").toString();
        assertTrue(traceback.contains("memory may be inconsistent") && traceback.contains("restart the kernel"), traceback);
        assertEquals("ok", status(client.execute("after")));
    }

    @Test
    void aBugInTheLanguageIsAnInternalErrorWithItsTraceInTheLogOnly() {
        WireMessage reply = client.execute("bug");
        assertEquals("InternalError", reply.content().get("ename").getAsString());
        assertFalse(reply.content().toString().contains("at margo."), reply.content().toString());
        assertTrue(logged.toString(StandardCharsets.UTF_8).contains("at margo.kernel.jupyter.ScriptedLanguage"),
                "the trace is in the kernel's log: " + logged);
        assertEquals("ok", status(client.execute("after")));
    }

    @Test
    void shutdownIsAnsweredWhileACellRunsAndEndsTheServer() throws Exception {
        client.send(client.shell, client.request("execute_request", TestClient.executeContent("wait")));
        awaitQueued(1);
        JsonObject content = new JsonObject();
        content.addProperty("restart", false);
        String id = client.send(client.control, client.request("shutdown_request", content));
        WireMessage reply = client.reply(client.control, id);
        assertEquals("ok", status(reply));
        assertFalse(reply.content().get("restart").getAsBoolean());
        Thread waiting = Thread.ofPlatform().start(() -> {
            try {
                server.awaitShutdown();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        waiting.join(5000);
        assertFalse(waiting.isAlive(), "the server ends without waiting for the running cell");
    }

    private List<?> history() {
        JsonObject content = new JsonObject();
        content.addProperty("hist_access_type", "tail");
        content.addProperty("n", 100);
        String id = client.send(client.shell, client.request("history_request", content));
        return client.reply(client.shell, id).content().getAsJsonArray("history").asList();
    }

    /** Waits until the running cell is the scripted "wait" and the rest are queued behind it, as the shell read them. */
    private void awaitQueued(int requests) {
        try {
            assertTrue(language.waiting.await(10, TimeUnit.SECONDS), "the cell never started");
            Thread.sleep(200L * requests);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String status(WireMessage reply) {
        assertTrue(reply.content().has("status"), "a reply without status: " + reply.content());
        return reply.content().get("status").getAsString();
    }
}
