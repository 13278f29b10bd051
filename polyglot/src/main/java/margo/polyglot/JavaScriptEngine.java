package margo.polyglot;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import margo.dsl.script.ScriptContext;
import margo.dsl.script.ScriptEngine;
import margo.dsl.script.ScriptLimits;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.SandboxPolicy;

/**
 * JavaScript on GraalVM Polyglot (GraalJS, community edition), found by the dsl module through
 * {@code META-INF/services/margo.dsl.script.ScriptEngine}.
 *
 * <p>One {@link Engine} per process, built on first use, so that code loaded in several contexts (recipes of a
 * session, cells of a notebook) shares its compiled form. It runs under {@link SandboxPolicy#CONSTRAINED}, the
 * strictest policy the community edition has ({@code ISOLATED} and {@code UNTRUSTED} need Oracle GraalVM); the
 * contexts add the rest of the sandbox ({@link SandboxedContext}).
 *
 * <p>The engine compiles hot scripts to machine code only on a JVM with JVMCI enabled and the Graal compiler of
 * the same version as polyglot on the upgrade module path (the launcher's flags, docs/scripts.md); otherwise it
 * interprets, and each context's {@code interpretedBecause()} says why, from the warning the engine logs.
 */
public final class JavaScriptEngine implements ScriptEngine {

    @Override
    public String language() {
        return "js";
    }

    @Override
    public ScriptContext newContext(ScriptLimits limits) {
        return new SandboxedContext(Shared.ENGINE, Shared.INTERPRETED_BECAUSE, limits);
    }

    /** Discards what scripts print: the sandbox requires the streams to be redirected, and a recipe has no console. */
    static final OutputStream DISCARD = OutputStream.nullOutputStream();

    private static final class Shared {
        static final Engine ENGINE;
        static final String INTERPRETED_BECAUSE;

        static {
            ByteArrayOutputStream log = new ByteArrayOutputStream();
            ENGINE = Engine.newBuilder("js").sandbox(SandboxPolicy.CONSTRAINED).out(DISCARD).err(DISCARD)
                    .logHandler(log).build();
            INTERPRETED_BECAUSE = reason(ENGINE.getImplementationName(), builtVersion(),
                    log.toString(StandardCharsets.UTF_8));
        }

        /**
         * The fallback warning reads "[engine] WARNING: The polyglot engine uses a fallback runtime that does not
         * support runtime compilation to native code. ... The following cause was found: JVMCI is not enabled for
         * this JVM. ..."; the cause is what a user can act on.
         */
        private static String reason(String implementation, String version, String log) {
            if (!implementation.equalsIgnoreCase("Interpreted")) {
                return null;
            }
            String marker = "The following cause was found: ";
            int at = log.indexOf(marker);
            String cause = at < 0 ? "the optimizing runtime is not available on this JVM"
                    : log.substring(at + marker.length()).lines().findFirst().orElse("").strip();
            if (cause.endsWith(".")) {
                cause = cause.substring(0, cause.length() - 1);
            }
            return cause + "; ./margo compiles scripts (JVMCI, and the Graal compiler " + version + " on the upgrade"
                    + " module path), and so does a kernel installed with margo kernel install --compiled-scripts";
        }

        /** The polyglot version of the build, from graalvm.properties (the engine calls itself a development build). */
        private static String builtVersion() {
            Properties properties = new Properties();
            try (InputStream in = JavaScriptEngine.class.getResourceAsStream("graalvm.properties")) {
                properties.load(in);
            } catch (IOException | NullPointerException missing) {
                return "of the polyglot version";
            }
            return properties.getProperty("graalvm.version", "of the polyglot version");
        }
    }
}
