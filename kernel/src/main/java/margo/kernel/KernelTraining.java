package margo.kernel;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import margo.dsl.run.Session;
import margo.kernel.jupyter.ConnectionFile;
import margo.kernel.jupyter.KernelServer;
import margo.kernel.jupyter.MessageHeaders;
import margo.kernel.jupyter.MessageSigner;
import margo.kernel.jupyter.WireMessage;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

/**
 * The kernel's part of {@link StartupTraining}: a kernel started as {@link MargoKernel#main} starts one, on loopback
 * ports, asked by a client in this process what Jupyter asks first (kernel_info, then cells to execute, then a
 * completion) over the real sockets with signed messages. So the cache holds the protocol's classes (JeroMQ, the
 * kernel's messages, Gson) as well as the language's, and a kernel answers its first requests sooner.
 */
final class KernelTraining {

    /** Long enough for a cell of the examples on a loaded build machine; a kernel that says nothing fails the build. */
    private static final int REPLY_TIMEOUT_MILLIS = 120_000;
    private static final int HANDSHAKE_MILLIS = 1_000;

    private KernelTraining() {
    }

    static void run(Path folder, List<String> cells) throws IOException, InterruptedException {
        PrintStream discard = new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
        KernelServer server = new KernelServer(ConnectionFile.loopbackOnAnyPorts(),
                new MargoKernel(new Session(folder), folder, "training", discard), discard);
        server.start();
        ConnectionFile connection = server.connection();
        ZMQ.Context context = ZMQ.context(1);
        ZMQ.Socket shell = context.socket(SocketType.DEALER);
        try {
            shell.setLinger(0);
            shell.setReceiveTimeOut(REPLY_TIMEOUT_MILLIS);
            // JeroMQ 0.6.0's connecting side now and then never starts the handshake (zeromq/jeromq pull request
            // 1022) and waits for the handshake timer, 30 s by default; a short one makes it connect again at once.
            shell.setHandshakeIvl(HANDSHAKE_MILLIS);
            shell.connect(connection.endpoint(connection.shellPort()));
            MessageSigner signer = new MessageSigner(connection.signatureScheme(), connection.key());
            MessageHeaders headers = new MessageHeaders("training", Clock.systemUTC());
            ask(shell, signer, headers, "kernel_info_request", new JsonObject());
            for (String cell : cells) {
                JsonObject execute = new JsonObject();
                execute.addProperty("code", cell);
                ask(shell, signer, headers, "execute_request", execute);
            }
            JsonObject complete = new JsonObject();
            complete.addProperty("code", "bla");
            complete.addProperty("cursor_pos", 3);
            ask(shell, signer, headers, "complete_request", complete);
        } finally {
            shell.close();
            context.close();
            server.close();
        }
    }

    /** Sends one request on the shell and waits for its reply. */
    private static void ask(ZMQ.Socket shell, MessageSigner signer, MessageHeaders headers, String type, JsonObject content) {
        List<byte[]> frames = new WireMessage(List.of(), headers.header(type), new JsonObject(), new JsonObject(), content,
                List.of()).encode(signer);
        for (int i = 0; i < frames.size(); i++) {
            shell.send(frames.get(i), i < frames.size() - 1 ? ZMQ.SNDMORE : 0);
        }
        List<byte[]> reply = new ArrayList<>();
        do {
            byte[] frame = shell.recv(0);
            if (frame == null) {
                throw new IllegalStateException("the training kernel did not answer " + type + " within "
                        + REPLY_TIMEOUT_MILLIS / 1000 + " s");
            }
            reply.add(frame);
        } while (shell.hasReceiveMore());
    }
}
