package margo.kernel.jupyter;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

/**
 * A Jupyter front end in a few lines, for tests: DEALER sockets on shell, control and stdin, SUB on IOPub (and a
 * REQ on the heartbeat when a test asks for one), all over real TCP to a {@link KernelServer}, signing with the connection's key (or any other, to
 * forge). It also sends raw frames, so that tests can send what no well-behaved client would.
 */
final class TestClient implements AutoCloseable {

    static final int TIMEOUT_MILLIS = 20_000;
    /** How long a connection may take to start the protocol before it is dropped and made again (see connect). */
    static final int HANDSHAKE_MILLIS = 1_000;

    final ConnectionFile connection;
    private final ZMQ.Context context = ZMQ.context(1);
    final ZMQ.Socket shell;
    final ZMQ.Socket control;
    final ZMQ.Socket stdin;
    final ZMQ.Socket iopub;
    private final MessageSigner signer;
    private final MessageHeaders headers = new MessageHeaders("tester", Clock.systemUTC());
    private final List<WireMessage> published = new ArrayList<>();

    TestClient(ConnectionFile connection) {
        this.connection = connection;
        this.signer = new MessageSigner(connection.signatureScheme(), connection.key());
        shell = connect(SocketType.DEALER, connection.shellPort());
        control = connect(SocketType.DEALER, connection.controlPort());
        stdin = connect(SocketType.DEALER, connection.stdinPort());
        iopub = connect(SocketType.SUB, connection.iopubPort());
        iopub.subscribe(new byte[0]);
    }

    /**
     * A socket of this client connected to {@code port}; the caller closes it if it is not one of the four above.
     *
     * <p>JeroMQ 0.6.0's connecting side sometimes never starts the ZMTP handshake after the TCP connect (its
     * poller registers the new engine under the connecter's cancelled selection key; zeromq/jeromq pull request
     * 1022), about one connection in fifty here, more under load: the connection then sits silent until the
     * handshake times out and reconnects, 30 s by default, longer than a test waits. A short handshake interval
     * makes such a connection start again within a second, with the messages already sent still queued. The kernel
     * only binds, and Jupyter's front ends connect with libzmq, so this is the test client's affair alone.
     */
    ZMQ.Socket connect(SocketType type, int port) {
        ZMQ.Socket socket = context.socket(type);
        socket.setLinger(0);
        socket.setReceiveTimeOut(TIMEOUT_MILLIS);
        socket.setHandshakeIvl(HANDSHAKE_MILLIS);
        socket.connect(connection.endpoint(port));
        return socket;
    }

    /** A signed request as jupyter_client would send it. */
    WireMessage request(String type, JsonObject content) {
        return new WireMessage(List.of(), headers.header(type), new JsonObject(), new JsonObject(), content, List.of());
    }

    /** Sends a request on {@code socket} and returns its msg_id. */
    String send(ZMQ.Socket socket, WireMessage request) {
        sendFrames(socket, request.encode(signer));
        return request.header().get("msg_id").getAsString();
    }

    void sendFrames(ZMQ.Socket socket, List<byte[]> frames) {
        for (int i = 0; i < frames.size(); i++) {
            socket.send(frames.get(i), i < frames.size() - 1 ? ZMQ.SNDMORE : 0);
        }
    }

    /** The next reply on {@code socket}, which must answer {@code msgId}. */
    WireMessage reply(ZMQ.Socket socket, String msgId) {
        WireMessage reply = receive(socket);
        assertNotNull(reply, "no reply within " + TIMEOUT_MILLIS + " ms");
        if (!msgId.equals(reply.parentHeader().get("msg_id").getAsString())) {
            fail("a reply to another request: " + reply);
        }
        return reply;
    }

    /** The next message on {@code socket}, or null when none comes within the timeout. */
    WireMessage receive(ZMQ.Socket socket) {
        List<byte[]> frames = new ArrayList<>();
        do {
            byte[] frame = socket.recv(0);
            if (frame == null) {
                return null;
            }
            frames.add(frame);
        } while (socket.hasReceiveMore());
        try {
            return WireMessage.decode(frames, signer, new SeenSignatures());
        } catch (RejectedMessage rejected) {
            fail("the kernel sent a message its own client rejects: " + rejected.getMessage());
            return null;
        }
    }

    /** The IOPub messages under {@code msgId}, up to and including its idle status. */
    List<WireMessage> publishedUntilIdle(String msgId) {
        List<WireMessage> under = new ArrayList<>();
        while (true) {
            WireMessage message = published.stream().filter(m -> isUnder(m, msgId)).findFirst().orElse(null);
            if (message != null) {
                published.remove(message);
            } else {
                message = receive(iopub);
                assertNotNull(message, "no idle status for " + msgId + " within " + TIMEOUT_MILLIS + " ms; got " + under);
                if (!isUnder(message, msgId)) {
                    published.add(message);
                    continue;
                }
            }
            under.add(message);
            if (message.type().equals("status")
                    && message.content().get("execution_state").getAsString().equals("idle")) {
                return under;
            }
        }
    }

    private static boolean isUnder(WireMessage message, String msgId) {
        return message.parentHeader().has("msg_id") && message.parentHeader().get("msg_id").getAsString().equals(msgId);
    }

    /** Runs {@code code} and returns its execute_reply, after the cell's IOPub messages up to idle. */
    WireMessage execute(String code) {
        return execute(executeContent(code));
    }

    WireMessage execute(JsonObject content) {
        String id = send(shell, request("execute_request", content));
        WireMessage reply = reply(shell, id);
        publishedUntilIdle(id);
        return reply;
    }

    static JsonObject executeContent(String code) {
        JsonObject content = new JsonObject();
        content.addProperty("code", code);
        content.addProperty("silent", false);
        content.addProperty("store_history", true);
        content.add("user_expressions", new JsonObject());
        content.addProperty("allow_stdin", false);
        content.addProperty("stop_on_error", true);
        return content;
    }

    /** Waits until IOPub delivers the kernel's messages (a SUB socket misses what was sent before it joined). */
    void awaitIopub() {
        for (int attempt = 0; attempt < 100; attempt++) {
            String id = send(shell, request("kernel_info_request", new JsonObject()));
            reply(shell, id);
            iopub.setReceiveTimeOut(200);
            WireMessage message = receive(iopub);
            iopub.setReceiveTimeOut(TIMEOUT_MILLIS);
            if (message != null) {
                published.add(message);
                publishedUntilIdle(id);
                return;
            }
        }
        fail("IOPub delivered nothing");
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        for (ZMQ.Socket socket : List.of(shell, control, stdin, iopub)) {
            socket.close();
        }
        context.term();
    }
}
