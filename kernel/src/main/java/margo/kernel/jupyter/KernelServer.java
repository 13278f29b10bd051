package margo.kernel.jupyter;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

/**
 * A Jupyter kernel's side of the messaging protocol (Jupyter client docs, "Messaging in Jupyter", version 5.3)
 * on ZeroMQ (JeroMQ), serving one {@link Language}.
 *
 * <p>Threads, each blocked on its sockets until a message comes (so an idle kernel uses no CPU and a request
 * is read the moment it arrives): <em>heartbeat</em> echoes pings; <em>shell</em> reads the shell channel,
 * answers every request but execute itself and queues executes for <em>cells</em>, which runs them one at a
 * time; <em>control</em> reads the control channel (interrupt, shutdown, kernel_info and the rest) and stdin.
 * So completion, inspection, kernel_info, interrupt and shutdown are served while a cell runs. The cells
 * thread sends its replies through an in-process socket that the shell thread forwards, as a ZeroMQ socket
 * belongs to one thread; IOPub is shared under a lock.
 *
 * <p>Every message stands alone: one that is malformed, unsigned, badly signed or a replay is logged and
 * dropped; a request whose handler throws gets an error reply; the channel reads on. A cell's failure of any
 * kind, {@link Error}s included, becomes an error reply ({@link CellResult#of}) and the kernel goes on.
 *
 * <p>Execute requests honour the spec's flags: {@code silent} (nothing on IOPub but status, not counted, not in
 * history), {@code store_history}, {@code user_expressions} (evaluated after a cell that succeeded) and
 * {@code stop_on_error} (on by default: after a failed cell, the executes already queued are answered
 * {@code aborted}, as ipykernel does for "Run All").
 */
public final class KernelServer {

    /**
     * The largest message a peer may send to shell, control or stdin; a larger one closes that peer's connection
     * (ZMQ_MAXMSGSIZE) before it is read into memory. The heartbeat and IOPub only ever receive pings and
     * subscriptions, so they take {@value #MAX_SMALL_MESSAGE_BYTES} bytes at most: without a limit, garbage whose
     * first bytes read as a huge frame length would make ZeroMQ's I/O thread try to allocate it.
     */
    static final long MAX_MESSAGE_BYTES = 256L * 1024 * 1024;
    static final long MAX_SMALL_MESSAGE_BYTES = 64L * 1024;
    /** How long closing waits for replies still queued (the shutdown reply) to be sent. */
    private static final int LINGER_MILLIS = 1000;
    private static final String OUTBOX = "inproc://margo-shell-outbox-";
    /** The cells thread's stack: deep but legal recipes run; deeper ones end in a reported StackOverflowError. */
    private static final long CELL_STACK_BYTES = 64L * 1024 * 1024;
    private static final WireMessage STOP = new WireMessage(List.of(), new JsonObject(), new JsonObject(),
            new JsonObject(), new JsonObject(), List.of());

    private final ConnectionFile connection;
    /** The connection as bound: the ports asked for, or the ones the system chose where 0 was asked. */
    private volatile ConnectionFile bound;
    private final Language language;
    private final MessageSigner signer;
    private final SeenSignatures seen = new SeenSignatures();
    private final MessageHeaders headers;
    private final CellHistory history = new CellHistory();
    private final PrintStream log;
    private final ZMQ.Context context = ZMQ.context(1);
    private final BlockingQueue<WireMessage> queuedCells = new LinkedBlockingQueue<>();
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final List<Thread> threads = new ArrayList<>();
    private Thread shellThread;
    private SharedSocket iopub;
    private SharedSocket shellOutbox;
    private volatile boolean stopping;
    /** The number of the last cell run with history on; only the cells thread touches it. */
    private int executionCount;

    /** @param log where dropped messages and internal errors are written: Jupyter's server log, via stderr */
    public KernelServer(ConnectionFile connection, Language language, PrintStream log) {
        this.connection = connection;
        this.language = language;
        this.signer = new MessageSigner(connection.signatureScheme(), connection.key());
        this.headers = new MessageHeaders(System.getProperty("user.name", "margo"), Clock.systemUTC());
        this.log = log;
    }

    /**
     * Binds the five sockets, starts the threads and announces {@code starting} on IOPub. A TCP port of 0 binds
     * one the system chooses, as ipykernel does; {@link #connection()} then says which. (Choosing a free port
     * beforehand and binding it later races with every other socket on the machine.)
     */
    public void start() {
        ZMQ.Socket shell = router(connection.shellPort());
        ZMQ.Socket control = router(connection.controlPort());
        ZMQ.Socket stdin = router(connection.stdinPort());
        // A ROUTER, as ipykernel's heartbeat: each ping goes back to its sender by its routing frame. A REP would
        // keep its request-reply state across peers, and one peer's torn message would cost another its echo.
        ZMQ.Socket heartbeat = bound(SocketType.ROUTER, connection.heartbeatPort(), MAX_SMALL_MESSAGE_BYTES);
        ZMQ.Socket iopubSocket = bound(SocketType.PUB, connection.iopubPort(), MAX_SMALL_MESSAGE_BYTES);
        bound = new ConnectionFile(connection.transport(), connection.ip(), port(shell), port(control), port(stdin),
                port(heartbeat), port(iopubSocket), connection.signatureScheme(), connection.key());
        iopub = new SharedSocket(iopubSocket);
        String outbox = OUTBOX + System.identityHashCode(this);
        ZMQ.Socket outboxIn = context.socket(SocketType.PULL);
        outboxIn.bind(outbox);
        ZMQ.Socket outboxOut = context.socket(SocketType.PUSH);
        outboxOut.setLinger(LINGER_MILLIS);
        outboxOut.connect(outbox);
        shellOutbox = new SharedSocket(outboxOut);
        publish(null, "status", status("starting"));
        threads.add(new Thread(() -> echo(heartbeat), "margo-heartbeat"));
        shellThread = new Thread(() -> serveShell(shell, outboxIn), "margo-shell");
        threads.add(shellThread);
        threads.add(new Thread(() -> serveControl(control, stdin), "margo-control"));
        threads.add(new Thread(null, this::runCells, "margo-cells", CELL_STACK_BYTES));
        for (Thread thread : threads) {
            thread.setDaemon(true);
            thread.start();
        }
    }

    /** Where the kernel listens, once {@link #start() started}: its connection with the ports it bound. */
    public ConnectionFile connection() {
        if (bound == null) {
            throw new IllegalStateException("the kernel has not started: it has bound no port yet");
        }
        return bound;
    }

    /** Blocks until a shutdown request came, then closes the sockets (sending what is queued) and returns. */
    public void awaitShutdown() throws InterruptedException {
        stopRequested.await();
        close();
    }

    /** Stops serving: the threads end, the sockets close after sending what is queued. */
    public void close() throws InterruptedException {
        stop();
        // The shell thread wakes on the outbox and ends; the heartbeat and control threads, blocked on their
        // sockets, end when the context terminates. A cell still running (it was asked to stop) is not waited for.
        shellThread.join(LINGER_MILLIS);
        iopub.close();
        shellOutbox.close();
        Thread terminate = new Thread(context::term, "margo-zmq-term");
        terminate.setDaemon(true);
        terminate.start();
        terminate.join(2L * LINGER_MILLIS);
    }

    private void stop() {
        if (stopping) {
            return;
        }
        stopping = true;
        queuedCells.add(STOP);
        shellOutbox.send(List.of(new byte[0]));
        stopRequested.countDown();
    }

    private ZMQ.Socket router(int port) {
        return bound(SocketType.ROUTER, port, MAX_MESSAGE_BYTES);
    }

    private ZMQ.Socket bound(SocketType type, int port, long maxMessageBytes) {
        ZMQ.Socket socket = context.socket(type);
        socket.setLinger(LINGER_MILLIS);
        socket.setMaxMsgSize(maxMessageBytes);
        socket.bind(port == 0 && "tcp".equals(connection.transport())
                ? connection.transport() + "://" + connection.ip() + ":*"
                : connection.endpoint(port));
        return socket;
    }

    /** The port {@code socket} is bound to, read back from its endpoint, e.g. {@code tcp://127.0.0.1:54321}. */
    private static int port(ZMQ.Socket socket) {
        String endpoint = socket.getLastEndpoint();
        return Integer.parseInt(endpoint.substring(endpoint.lastIndexOf(':') + 1));
    }

    // ---- threads

    /** Heartbeat: every ping comes back to its sender as it was sent (its routing frame first). */
    private void echo(ZMQ.Socket heartbeat) {
        serve("heartbeat", () -> {
            List<byte[]> ping = Frames.receive(heartbeat);
            if (!ping.isEmpty()) {
                Frames.send(heartbeat, ping);
            }
        }, heartbeat);
    }

    private void serveShell(ZMQ.Socket shell, ZMQ.Socket outbox) {
        ZMQ.Poller poller = pollerOf(shell, outbox);
        serve("shell", () -> {
            poller.poll(-1);
            if (poller.pollin(1)) {
                List<byte[]> reply = Frames.receive(outbox);
                if (reply.size() > 1) {
                    Frames.send(shell, reply);
                }
            }
            if (poller.pollin(0) && !stopping) {
                handle("shell", Frames.receive(shell), reply -> Frames.send(shell, reply));
            }
        }, shell, outbox);
    }

    private void serveControl(ZMQ.Socket control, ZMQ.Socket stdin) {
        ZMQ.Poller poller = pollerOf(control, stdin);
        serve("control", () -> {
            poller.poll(-1);
            if (poller.pollin(1)) {
                // The kernel never asks for input, so nothing is expected here.
                log("stdin: dropped an unexpected message of " + Frames.receive(stdin).size() + " frames");
            }
            if (poller.pollin(0)) {
                handle("control", Frames.receive(control), reply -> Frames.send(control, reply));
            }
        }, control, stdin);
    }

    /** A poller of two sockets, read as 0 and 1. */
    private ZMQ.Poller pollerOf(ZMQ.Socket first, ZMQ.Socket second) {
        ZMQ.Poller poller = context.poller(2);
        poller.register(first, ZMQ.Poller.POLLIN);
        poller.register(second, ZMQ.Poller.POLLIN);
        return poller;
    }

    /**
     * Runs a channel thread's {@code step} until the kernel stops, then closes the thread's sockets. A failure in
     * one step is logged and the next step runs: only stopping (which ends the ZeroMQ context, so the blocked
     * socket calls throw) ends the loop.
     */
    private void serve(String channel, Runnable step, ZMQ.Socket... owned) {
        try {
            while (!stopping) {
                try {
                    step.run();
                } catch (Throwable failure) {
                    if (stopping) {
                        break;
                    }
                    log(channel + ": a step of the loop failed; serving on", failure);
                }
            }
        } finally {
            for (ZMQ.Socket socket : owned) {
                socket.close();
            }
        }
    }

    private void runCells() {
        while (true) {
            WireMessage request;
            try {
                request = queuedCells.take();
            } catch (InterruptedException e) {
                return;
            }
            if (request == STOP) {
                return;
            }
            try {
                execute(request);
            } catch (Throwable bug) {
                log("cells: an execute request failed outside its cell", bug);
            }
        }
    }

    // ---- requests

    /** One message off a channel: decoded, checked and answered, whatever is wrong with it. */
    private void handle(String channel, List<byte[]> frames, Consumer<List<byte[]>> replies) {
        WireMessage request;
        try {
            request = WireMessage.decode(frames, signer, seen);
        } catch (RejectedMessage rejected) {
            log(channel + ": dropped a message: " + rejected.getMessage());
            return;
        } catch (RuntimeException | StackOverflowError bug) {
            log(channel + ": dropped a message that could not be read", bug);
            return;
        }
        try {
            dispatch(channel, request, replies);
        } catch (Throwable failure) {
            log(channel + ": " + request.type() + " failed", failure);
            replyFailure(request, replies, failure);
        }
    }

    private void dispatch(String channel, WireMessage request, Consumer<List<byte[]>> replies) {
        JsonObject content = request.content();
        switch (request.type()) {
            case "execute_request" -> {
                if (!channel.equals("shell")) {
                    throw new IllegalArgumentException("execute_request belongs on the shell channel, not " + channel);
                }
                queuedCells.add(request);
            }
            case "kernel_info_request" -> answer(request, replies, "kernel_info_reply", ok(language.info()));
            case "complete_request" -> answer(request, replies, "complete_reply",
                    ok(inCodePoints(language.complete(text(content, "code"), cursor(content)), text(content, "code"))));
            case "inspect_request" -> answer(request, replies, "inspect_reply",
                    ok(language.inspect(text(content, "code"), cursor(content), number(content, "detail_level", 0))));
            case "is_complete_request" -> answer(request, replies, "is_complete_reply",
                    language.isComplete(text(content, "code")));
            case "history_request" -> answer(request, replies, "history_reply", history.reply(content));
            case "comm_info_request" -> {
                JsonObject comms = new JsonObject();
                comms.add("comms", new JsonObject());
                answer(request, replies, "comm_info_reply", ok(comms));
            }
            case "comm_open" -> {
                // No comm targets: the spec says to close a comm whose target is unknown.
                publish(request, "status", status("busy"));
                JsonObject close = new JsonObject();
                close.add("comm_id", content.get("comm_id"));
                close.add("data", new JsonObject());
                publish(request, "comm_close", close);
                publish(request, "status", status("idle"));
            }
            case "comm_msg", "comm_close" -> {
                publish(request, "status", status("busy"));
                publish(request, "status", status("idle"));
            }
            case "interrupt_request" -> {
                language.interrupt();
                answer(request, replies, "interrupt_reply", ok(new JsonObject()));
            }
            case "shutdown_request" -> {
                JsonObject shutdown = new JsonObject();
                shutdown.addProperty("restart", flag(content, "restart", false));
                answer(request, replies, "shutdown_reply", ok(shutdown));
                publish(request, "shutdown_reply", ok(shutdown));
                language.interrupt();
                stop();
            }
            default -> log(channel + ": dropped a message of unknown type " + request.type());
        }
    }

    /** A request answered at once: busy, the reply, idle, as ipykernel brackets every request. */
    private void answer(WireMessage request, Consumer<List<byte[]>> replies, String replyType, JsonObject content) {
        publish(request, "status", status("busy"));
        replies.accept(reply(request, replyType, content).encode(signer));
        publish(request, "status", status("idle"));
    }

    /** The error reply to a request whose handler failed; messages that are not requests get none. */
    private void replyFailure(WireMessage request, Consumer<List<byte[]>> replies, Throwable failure) {
        if (!request.type().endsWith("_request")) {
            return;
        }
        CellResult.Failed failed = failure instanceof IllegalArgumentException
                ? new CellResult.Failed("BadRequest", failure.getMessage(), List.of("error: " + failure.getMessage()))
                : CellResult.of(failure, null);
        String replyType = request.type().substring(0, request.type().length() - "_request".length()) + "_reply";
        try {
            replies.accept(reply(request, replyType, errorContent(failed)).encode(signer));
            publish(request, "status", status("idle"));
        } catch (RuntimeException | Error again) {
            log("could not send the error reply to " + request.type(), again);
        }
    }

    /** Runs one execute request on the cells thread (see the class comment for the flags). */
    private void execute(WireMessage request) {
        JsonObject content = request.content();
        publish(request, "status", status("busy"));
        try {
            String code = text(content, "code");
            boolean silent = flag(content, "silent", false);
            boolean storeHistory = !silent && flag(content, "store_history", true);
            boolean stopOnError = flag(content, "stop_on_error", true);
            if (storeHistory) {
                executionCount++;
            }
            int count = executionCount;
            if (!silent) {
                JsonObject input = new JsonObject();
                input.addProperty("code", code);
                input.addProperty("execution_count", count);
                publish(request, "execute_input", input);
            }
            CellResult result;
            try {
                result = language.execute(code, count, silent ? CellOutput.SILENT : new PublishedOutput(request));
            } catch (Throwable escaped) {
                log("cells: cell " + count + " failed", escaped);
                result = CellResult.of(escaped, null);
            }
            JsonObject reply;
            JsonArray payload = new JsonArray();
            if (result instanceof CellResult.Ok(MimeBundle shown, MimeBundle page)) {
                if (page != null && !silent) {
                    JsonObject pager = new JsonObject();
                    pager.addProperty("source", "page");
                    pager.add("data", page.data());
                    pager.addProperty("start", 0);
                    payload.add(pager);
                }
                if (shown != null && !silent) {
                    JsonObject executeResult = new JsonObject();
                    executeResult.addProperty("execution_count", count);
                    executeResult.add("data", shown.data());
                    executeResult.add("metadata", new JsonObject());
                    publish(request, "execute_result", executeResult);
                }
                reply = ok(new JsonObject());
                reply.add("user_expressions", userExpressions(content.get("user_expressions")));
            } else {
                CellResult.Failed failed = (CellResult.Failed) result;
                if (!silent) {
                    publish(request, "error", errorContent(failed));
                }
                reply = errorContent(failed);
                reply.add("user_expressions", new JsonObject());
            }
            reply.addProperty("execution_count", count);
            reply.add("payload", payload);
            if (storeHistory) {
                history.record(count, code, result instanceof CellResult.Ok(MimeBundle shown, _) && shown != null ? shown.plainText() : null);
            }
            // The queue is taken before the reply goes out: a client that sends its next cell on reading the reply
            // (as jupyter_client's scripts do) must see it run, not aborted as if it had been queued behind this one.
            List<WireMessage> queuedBehind = result instanceof CellResult.Failed && stopOnError ? queuedCells() : List.of();
            shellOutbox.send(reply(request, "execute_reply", reply).encode(signer));
            publish(request, "status", status("idle"));
            abort(queuedBehind);
        } catch (IllegalArgumentException badRequest) {
            replyFailure(request, shellOutbox::send, badRequest);
        }
    }

    /** The executes queued behind a failed cell, taken off the queue; a queued stop stays on it. */
    private List<WireMessage> queuedCells() {
        List<WireMessage> drained = new ArrayList<>();
        queuedCells.drainTo(drained);
        List<WireMessage> queued = new ArrayList<>();
        for (WireMessage request : drained) {
            if (request == STOP) {
                queuedCells.add(STOP);
                break;
            }
            queued.add(request);
        }
        return queued;
    }

    /** After a failed cell: the executes queued behind it are answered {@code aborted} and not run. */
    private void abort(List<WireMessage> queued) {
        for (WireMessage request : queued) {
            publish(request, "status", status("busy"));
            JsonObject aborted = new JsonObject();
            aborted.addProperty("status", "aborted");
            shellOutbox.send(reply(request, "execute_reply", aborted).encode(signer));
            publish(request, "status", status("idle"));
        }
    }

    /** Each user expression's value as a MIME bundle, or its error, by name (the spec's user_expressions). */
    private JsonObject userExpressions(JsonElement requested) {
        JsonObject results = new JsonObject();
        if (requested == null || !requested.isJsonObject()) {
            return results;
        }
        for (Map.Entry<String, JsonElement> expression : requested.getAsJsonObject().entrySet()) {
            CellResult result;
            if (!expression.getValue().isJsonPrimitive() || !expression.getValue().getAsJsonPrimitive().isString()) {
                result = new CellResult.Failed("BadRequest", "a user expression must be a string",
                        List.of("error: user expression \"" + expression.getKey() + "\" is not a string"));
            } else {
                try {
                    result = language.evaluate(expression.getValue().getAsString());
                } catch (Throwable escaped) {
                    log("cells: user expression " + expression.getKey() + " failed", escaped);
                    result = CellResult.of(escaped, null);
                }
            }
            JsonObject value;
            if (result instanceof CellResult.Ok(MimeBundle shown, _)) {
                value = ok(new JsonObject());
                value.add("data", (shown == null ? new MimeBundle("") : shown).data());
                value.add("metadata", new JsonObject());
            } else {
                value = errorContent((CellResult.Failed) result);
            }
            results.add(expression.getKey(), value);
        }
        return results;
    }

    // ---- messages

    private WireMessage reply(WireMessage request, String type, JsonObject content) {
        return new WireMessage(request.identities(), headers.header(type), request.header(), new JsonObject(), content, List.of());
    }

    /** Publishes on IOPub under the request as parent (none for the kernel's own {@code starting}). */
    private void publish(WireMessage parent, String type, JsonObject content) {
        WireMessage message = new WireMessage(List.of(("kernel." + headers.session() + "." + type).getBytes(StandardCharsets.UTF_8)),
                headers.header(type), parent == null ? new JsonObject() : parent.header(), new JsonObject(), content, List.of());
        iopub.send(message.encode(signer));
    }

    /** What a running cell shows, published on IOPub under its execute request. */
    private final class PublishedOutput implements CellOutput {

        private final WireMessage request;

        PublishedOutput(WireMessage request) {
            this.request = request;
        }

        @Override
        public void display(MimeBundle bundle) {
            publish(request, "display_data", bundle.displayContent());
        }

        @Override
        public void updateDisplay(MimeBundle bundle) {
            publish(request, "update_display_data", bundle.displayContent());
        }

        @Override
        public void stdout(String text) {
            stream("stdout", text);
        }

        @Override
        public void stderr(String text) {
            stream("stderr", text);
        }

        private void stream(String name, String text) {
            JsonObject stream = new JsonObject();
            stream.addProperty("name", name);
            stream.addProperty("text", text);
            publish(request, "stream", stream);
        }
    }

    private static JsonObject status(String state) {
        JsonObject status = new JsonObject();
        status.addProperty("execution_state", state);
        return status;
    }

    private static JsonObject ok(JsonObject content) {
        JsonObject withStatus = new JsonObject();
        withStatus.addProperty("status", "ok");
        content.entrySet().forEach(entry -> withStatus.add(entry.getKey(), entry.getValue()));
        return withStatus;
    }

    private static JsonObject errorContent(CellResult.Failed failed) {
        JsonObject error = new JsonObject();
        error.addProperty("status", "error");
        error.addProperty("ename", failed.name());
        error.addProperty("evalue", failed.value());
        JsonArray traceback = new JsonArray();
        failed.traceback().forEach(traceback::add);
        error.add("traceback", traceback);
        return error;
    }

    private static String text(JsonObject content, String name) {
        JsonElement value = content.get(name);
        if (value == null || !value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
            throw new IllegalArgumentException("the request has no \"" + name + "\" string");
        }
        return value.getAsString();
    }

    /**
     * The request's cursor as an index into the Java string of its code. The protocol (5.2 on) counts the cursor
     * in Unicode code points, which differ from Java's UTF-16 units after a character beyond the BMP (an emoji).
     */
    private static int cursor(JsonObject content) {
        String code = text(content, "code");
        int codePoints = code.codePointCount(0, code.length());
        int cursor = number(content, "cursor_pos", codePoints);
        if (cursor < 0 || cursor > codePoints) {
            throw new IllegalArgumentException("cursor_pos " + cursor + " is outside the code (0 to " + codePoints + ")");
        }
        return code.offsetByCodePoints(0, cursor);
    }

    /** A complete_reply's cursor_start and cursor_end, from the language's UTF-16 indices back to code points. */
    private static JsonObject inCodePoints(JsonObject completion, String code) {
        for (String bound : List.of("cursor_start", "cursor_end")) {
            int index = number(completion, bound, 0);
            completion.addProperty(bound, code.codePointCount(0, Math.clamp(index, 0, code.length())));
        }
        return completion;
    }

    private static int number(JsonObject content, String name, int absent) {
        return field(content, name, absent, JsonPrimitive::isNumber, JsonElement::getAsInt, "a number");
    }

    private static boolean flag(JsonObject content, String name, boolean absent) {
        return field(content, name, absent, JsonPrimitive::isBoolean, JsonElement::getAsBoolean, "true or false");
    }

    /** An optional field of a request's content: {@code absent} when missing or null, an error when of another kind. */
    private static <T> T field(JsonObject content, String name, T absent, Predicate<JsonPrimitive> isKind,
                               Function<JsonElement, T> read, String kind) {
        JsonElement value = content.get(name);
        if (value == null || value.isJsonNull()) {
            return absent;
        }
        if (!value.isJsonPrimitive() || !isKind.test(value.getAsJsonPrimitive())) {
            throw new IllegalArgumentException("\"" + name + "\" must be " + kind);
        }
        return read.apply(value);
    }

    private void log(String message) {
        log.println("[margo kernel] " + message);
        log.flush();
    }

    private void log(String message, Throwable failure) {
        log(message + ": " + failure);
        failure.printStackTrace(log);
        log.flush();
    }
}
