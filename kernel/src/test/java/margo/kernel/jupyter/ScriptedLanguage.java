package margo.kernel.jupyter;

import com.google.gson.JsonObject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A stand-in language for {@link KernelServerTest}: see there what each cell does. */
final class ScriptedLanguage implements Language {

    final CountDownLatch waiting = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    final List<String> ran = new CopyOnWriteArrayList<>();
    volatile int completedAt = -1;

    @Override
    public JsonObject info() {
        JsonObject info = new JsonObject();
        info.addProperty("protocol_version", MessageHeaders.PROTOCOL_VERSION);
        info.addProperty("implementation", "scripted");
        return info;
    }

    @Override
    public CellResult execute(String code, int cellNumber, CellOutput output) {
        ran.add(code);
        return switch (code) {
            case "overflow" -> throw new StackOverflowError();
            case "exhaust" -> throw new OutOfMemoryError("Java heap space");
            case "bug" -> throw new IllegalStateException("a bug");
            case "fail" -> new CellResult.Failed("ScriptError", "failed", List.of("cell: error: failed"));
            case "wait" -> {
                waiting.countDown();
                try {
                    release.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                yield new CellResult.Ok(null);
            }
            default -> new CellResult.Ok(new MimeBundle(code));
        };
    }

    @Override
    public CellResult evaluate(String expression) {
        return execute(expression, 0, CellOutput.SILENT);
    }

    @Override
    public JsonObject complete(String code, int cursor) {
        completedAt = cursor;
        JsonObject reply = new JsonObject();
        reply.add("matches", new com.google.gson.JsonArray());
        reply.addProperty("cursor_start", cursor);
        reply.addProperty("cursor_end", cursor);
        return reply;
    }

    @Override
    public JsonObject inspect(String code, int cursor, int detailLevel) {
        JsonObject reply = new JsonObject();
        reply.addProperty("found", false);
        return reply;
    }

    @Override
    public JsonObject isComplete(String code) {
        JsonObject reply = new JsonObject();
        reply.addProperty("status", "complete");
        return reply;
    }

    @Override
    public void interrupt() {
        release.countDown();
    }
}
