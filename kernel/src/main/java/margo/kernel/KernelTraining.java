package margo.kernel;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import margo.dsl.run.Session;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.JupyterSocket;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.ContentType;
import org.dflib.jjava.jupyter.messages.Header;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.request.CompleteRequest;
import org.dflib.jjava.jupyter.messages.request.ExecuteRequest;
import org.dflib.jjava.jupyter.messages.request.KernelInfoRequest;
import org.slf4j.LoggerFactory;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

/**
 * The kernel's part of {@link StartupTraining}: a kernel started as {@link MargoKernel#main} starts one, on loopback
 * ports, asked by a client in this process what Jupyter asks first (kernel_info, then cells to execute, then a
 * completion) over the real sockets with signed messages. So the cache holds the protocol's classes (JeroMQ, JJava's
 * messages, Gson's adapters) as well as the language's, and a kernel answers its first requests sooner.
 */
final class KernelTraining {

    /** Long enough for a cell of the examples on a loaded build machine; a kernel that says nothing fails the build. */
    private static final int REPLY_TIMEOUT_MILLIS = 120_000;

    private KernelTraining() {
    }

    static void run(Path folder, List<String> cells) throws IOException, GeneralSecurityException {
        KernelConnectionProperties connection = KernelConnectionProperties.parse(connectionFile());
        MargoKernel kernel = MargoKernel.builder().session(new Session(folder)).build();
        JupyterConnection jupyter = new JupyterConnection(connection);
        kernel.becomeHandlerForConnection(jupyter);
        jupyter.connect();
        ZMQ.Context context = ZMQ.context(1);
        try (Client shell = new Client(context, connection)) {
            shell.ask(new KernelInfoRequest());
            for (String cell : cells) {
                shell.ask(new ExecuteRequest(cell, false, true, Map.of(), false, true));
            }
            shell.ask(new CompleteRequest("bla", 3));
        } finally {
            jupyter.close();
            context.close();
        }
    }

    /** A connection file as Jupyter writes one (jupyter_client.connect), on five free loopback ports. */
    private static String connectionFile() throws IOException {
        JsonObject file = new JsonObject();
        file.addProperty("ip", "127.0.0.1");
        file.addProperty("transport", "tcp");
        for (String port : List.of("shell_port", "iopub_port", "stdin_port", "control_port", "hb_port")) {
            try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                file.addProperty(port, free.getLocalPort());
            }
        }
        file.addProperty("signature_scheme", "hmac-sha256");
        file.addProperty("key", UUID.randomUUID().toString());
        return file.toString();
    }

    /** Jupyter's side of the shell channel: a DEALER that sends a request and waits for its reply. */
    private static final class Client extends JupyterSocket implements AutoCloseable {

        private final ZMQ.Poller replies;

        Client(ZMQ.Context context, KernelConnectionProperties connection) throws GeneralSecurityException {
            super(context, SocketType.DEALER, connection.createHMACGenerator(), LoggerFactory.getLogger(Client.class));
            connect(formatAddress(connection.getTransport(), connection.getIp(), connection.getShellPort()));
            replies = context.poller(1);
            replies.register(this, ZMQ.Poller.POLLIN);
        }

        @Override
        public void bind(KernelConnectionProperties connection) {
            throw new UnsupportedOperationException("the training's client connects to the kernel");
        }

        <T extends ContentType<T>> void ask(T request) {
            sendMessage(new Message<>(new Header<>(request.getType()), request));
            if (replies.poll(REPLY_TIMEOUT_MILLIS) < 1) {
                throw new IllegalStateException("the training kernel did not answer " + request.getType()
                        + " within " + REPLY_TIMEOUT_MILLIS / 1000 + " s");
            }
            readMessage();
        }

        @Override
        public void close() {
            replies.close();
            super.close();
        }
    }
}
