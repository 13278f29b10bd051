package margo.kernel.jupyter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import margo.dsl.run.Session;
import margo.kernel.MargoKernel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

/**
 * Margo's kernel, in this JVM but over real TCP sockets, sent what a broken or hostile client sends: each
 * message is dropped (and logged) or answered with an error, and the kernel then runs a normal cell, on the
 * same channels, as if nothing had happened.
 */
class HostileMessagesTest {

    private static final int SILENCE_MILLIS = 300;

    @TempDir
    Path folder;
    private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
    private KernelServer server;
    private TestClient client;
    private int cellsRun;

    @BeforeEach
    void startTheKernel() throws Exception {
                PrintStream log = new PrintStream(logged, true, StandardCharsets.UTF_8);
        server = new KernelServer(ConnectionFile.loopbackOnAnyPorts(), new MargoKernel(new Session(folder), folder, "test", log), log);
        server.start();
        client = new TestClient(server.connection());
        client.awaitIopub();
    }

    @AfterEach
    void stopIt() throws Exception {
        client.close();
        server.close();
    }

    @Test
    void aMessageSignedWithAnotherKeyIsDroppedAndNotRun() {
        ConnectionFile forger = new ConnectionFile("tcp", "127.0.0.1", 1, 1, 1, 1, 1, "hmac-sha256", "not-the-key");
        WireMessage forged = client.request("execute_request", TestClient.executeContent("let hacked = 1"));
        for (ZMQ.Socket channel : List.of(client.shell, client.control)) {
            client.sendFrames(channel, forged.encode(new MessageSigner(forger.signatureScheme(), forger.key())));
            assertSilence(channel);
        }
        assertTheKernelStillWorks();
        assertLogged("invalid signature");
        assertEquals("error", client.execute("show hacked").content().get("status").getAsString(), "the forged cell never ran");
    }

    @Test
    void anUnsignedMessageIsDropped() {
        List<byte[]> frames = client.request("kernel_info_request", new JsonObject()).encode(new MessageSigner("hmac-sha256", ""));
        for (ZMQ.Socket channel : List.of(client.shell, client.control)) {
            client.sendFrames(channel, frames);
            assertSilence(channel);
        }
        assertTheKernelStillWorks();
        assertLogged("unsigned");
    }

    @Test
    void truncatedMessagesAreDroppedWhereverTheyStop() {
        List<byte[]> whole = signed(client.request("kernel_info_request", new JsonObject()));
        for (ZMQ.Socket channel : List.of(client.shell, client.control)) {
            for (int kept = 1; kept < whole.size(); kept++) {
                client.sendFrames(channel, whole.subList(0, kept));
            }
            client.sendFrames(channel, List.of(TestClient.utf8("no delimiter"), TestClient.utf8("at all")));
            assertSilence(channel);
        }
        assertTheKernelStillWorks();
        assertLogged("truncated");
        assertLogged("no <IDS|MSG> delimiter");
    }

    @Test
    void aHugeFrameIsReadAndDropped() {
        byte[] huge = new byte[48 * 1024 * 1024];
        new Random(7).nextBytes(huge);
        List<byte[]> frames = new ArrayList<>(signed(client.request("execute_request", TestClient.executeContent("show 1"))));
        frames.set(frames.size() - 1, huge);
        client.sendFrames(client.shell, frames);
        assertSilence(client.shell);
        assertTheKernelStillWorks();
        assertLogged("invalid signature");
    }

    @Test
    void aReplayedMessageIsDroppedAndRunsOnce() {
        List<byte[]> frames = signed(client.request("execute_request", TestClient.executeContent("let replayed = 1")));
        client.sendFrames(client.shell, frames);
        String first = new String(frames.get(2), StandardCharsets.UTF_8);
        assertTrue(first.contains("execute_request"), first);
        assertEquals(1, client.receive(client.shell).content().get("execution_count").getAsInt());
        client.sendFrames(client.shell, frames);
        assertSilence(client.shell);
        assertEquals(2, client.execute("show replayed").content().get("execution_count").getAsInt(),
                "the replay was not run as a cell");
        assertLogged("duplicate signature");
    }

    @Test
    void signedContentThatIsNotJsonIsDropped() {
        for (String content : List.of("not json {", "[1, 2]", "{\"code\": " + "[".repeat(200_000))) {
            client.sendFrames(client.shell, signedWith(client.request("execute_request", new JsonObject()), 5, content));
        }
        List<byte[]> notUtf8 = signedWith(client.request("kernel_info_request", new JsonObject()), 2, "{}");
        notUtf8.set(2, new byte[] {(byte) 0xC3, (byte) 0x28});
        client.sendFrames(client.shell, resign(notUtf8));
        assertSilence(client.shell);
        assertTheKernelStillWorks();
        assertLogged("the content is not JSON");
        assertLogged("the content is not a JSON object");
        assertLogged("the header is not UTF-8");
    }

    @Test
    void aMessageOfUnknownTypeIsLoggedAndDropped() {
        client.send(client.shell, client.request("frobnicate_request", new JsonObject()));
        assertSilence(client.shell);
        assertTheKernelStillWorks();
        assertLogged("unknown type frobnicate_request");
    }

    @Test
    void aRequestItsHandlerCannotServeGetsAnErrorReply() {
        JsonObject noCode = new JsonObject();
        noCode.addProperty("cursor_pos", 3);
        String id = client.send(client.shell, client.request("complete_request", noCode));
        WireMessage reply = client.reply(client.shell, id);
        assertEquals("complete_reply", reply.type());
        assertEquals("error", reply.content().get("status").getAsString());
        JsonObject badCursor = new JsonObject();
        badCursor.addProperty("code", "show");
        badCursor.addProperty("cursor_pos", 99);
        String outside = client.send(client.shell, client.request("inspect_request", badCursor));
        assertTrue(client.reply(client.shell, outside).content().get("evalue").getAsString().contains("cursor_pos 99"));
        JsonObject numberAsCode = new JsonObject();
        numberAsCode.addProperty("code", 7);
        String cell = client.send(client.shell, client.request("execute_request", numberAsCode));
        assertEquals("error", client.reply(client.shell, cell).content().get("status").getAsString());
        assertTheKernelStillWorks();
    }

    @Test
    void garbageOnEveryPortLeavesEveryChannelWorking() throws Exception {
        ConnectionFile connection = client.connection;
        Random random = new Random(11);
        for (int port : List.of(connection.shellPort(), connection.controlPort(), connection.stdinPort(),
                connection.heartbeatPort(), connection.iopubPort())) {
            byte[] garbage = new byte[64 * 1024];
            random.nextBytes(garbage);
            try (Socket raw = new Socket("127.0.0.1", port)) {
                OutputStream out = raw.getOutputStream();
                out.write(garbage);
                out.flush();
            }
        }
        client.sendFrames(client.stdin, List.of(TestClient.utf8("an input_reply"), TestClient.utf8("nobody asked for")));
        assertTheHeartbeatEchoes();
        assertTheKernelStillWorks();
        assertLogged("stdin: dropped");
    }

    @Test
    void aPeerThatStopsHalfwayThroughTheGreetingHoldsUpNobody() throws Exception {
        ConnectionFile connection = client.connection;
        List<Socket> stalled = new ArrayList<>();
        try {
            for (int port : List.of(connection.shellPort(), connection.controlPort(), connection.stdinPort(),
                    connection.heartbeatPort(), connection.iopubPort())) {
                Socket raw = new Socket("127.0.0.1", port);
                stalled.add(raw);
                // The first 4 of the 10 bytes of a ZMTP 3 greeting's signature; then nothing, with the connection open.
                raw.getOutputStream().write(new byte[] {(byte) 0xFF, 0, 0, 0});
                raw.getOutputStream().flush();
            }
            assertTheHeartbeatEchoes();
            assertTheKernelStillWorks();
        } finally {
            for (Socket raw : stalled) {
                raw.close();
            }
        }
    }

    /** A new peer's ping (two frames) comes back as it was sent. */
    private void assertTheHeartbeatEchoes() {
        try (ZMQ.Socket heartbeat = client.connect(SocketType.REQ, client.connection.heartbeatPort())) {
            heartbeat.send(TestClient.utf8("ping"), ZMQ.SNDMORE);
            heartbeat.send(new byte[] {0, 1, 2});
            byte[] echoed = heartbeat.recv(0);
            assertNotNull(echoed, "the heartbeat echoed nothing within " + TestClient.TIMEOUT_MILLIS + " ms");
            assertEquals("ping", new String(echoed, StandardCharsets.UTF_8), "the heartbeat echoes");
            assertTrue(Arrays.equals(new byte[] {0, 1, 2}, heartbeat.recv(0)));
        }
    }

    /** A normal cell on shell, and kernel_info on control, answered as usual; bindings from before are kept. */
    private void assertTheKernelStillWorks() {
        cellsRun++;
        WireMessage reply = client.execute("let n" + cellsRun + " = 20 + " + cellsRun + "\nshow n" + cellsRun);
        assertEquals("ok", reply.content().get("status").getAsString(), reply.content() + "\nlog:\n" + logged);
        String info = client.send(client.control, client.request("kernel_info_request", new JsonObject()));
        assertEquals("ok", client.reply(client.control, info).content().get("status").getAsString());
    }

    private void assertSilence(ZMQ.Socket channel) {
        channel.setReceiveTimeOut(SILENCE_MILLIS);
        WireMessage answer = client.receive(channel);
        channel.setReceiveTimeOut(TestClient.TIMEOUT_MILLIS);
        assertNull(answer, "the kernel answered what it should have dropped");
    }

    private void assertLogged(String reason) {
        String log = logged.toString(StandardCharsets.UTF_8);
        assertTrue(log.contains(reason), "the kernel's log says why it dropped the message (" + reason + "): " + log);
    }

    private List<byte[]> signed(WireMessage message) {
        return new ArrayList<>(message.encode(signer()));
    }

    /** The frames of {@code message} with frame {@code index} (after the identities) replaced, then signed. */
    private List<byte[]> signedWith(WireMessage message, int index, String frame) {
        List<byte[]> frames = signed(message);
        frames.set(index, TestClient.utf8(frame));
        return resign(frames);
    }

    private List<byte[]> resign(List<byte[]> frames) {
        frames.set(1, signer().sign(frames.get(2), frames.get(3), frames.get(4), frames.get(5)).getBytes(StandardCharsets.US_ASCII));
        return frames;
    }

    private MessageSigner signer() {
        return new MessageSigner(client.connection.signatureScheme(), client.connection.key());
    }
}
