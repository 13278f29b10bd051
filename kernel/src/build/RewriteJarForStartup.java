import java.io.IOException;
import java.io.InputStream;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassFileVersion;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.ClassModel;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.CodeModel;
import java.lang.classfile.MethodModel;
import java.lang.classfile.MethodTransform;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Rewrites kernel/target/margo.jar, right after the shade plugin makes it and before the ahead-of-time cache's
 * training run (kernel/pom.xml, execution {@code rewrite-jar}), in two ways that only change how fast a JVM starts:
 *
 * <ul>
 *   <li><b>Class files older than Java 6 get version 52 and stack maps.</b> Commons Math 3.6.1 and picocli 4.7 are
 *       compiled for Java 5 (class file version 49). JDK 25's ahead-of-time cache cannot store such a class once it is
 *       linked ("Skipping ...: Old class has been linked", -Xlog:aot at the training), nor any class that extends or
 *       implements one, so every run loaded, parsed and verified (with the old type-inferring verifier) picocli's
 *       classes at start and Commons Math's in its first calibration. The code is unchanged: each method body is
 *       rebuilt instruction for instruction and the ClassFile API computes its StackMapTable; every rewritten class
 *       is then checked by the ClassFile API's verifier, and the build fails if one does not verify.</li>
 *   <li><b>Tablesaw's reader and writer registration is skipped.</b> {@code tech.tablesaw.api.Table}'s static
 *       initialiser (tablesaw-core 0.44) calls {@code autoRegisterReadersAndWriters}, which scans the whole class
 *       path with ClassGraph for {@code tech.tablesaw.io} and loads every reader it finds (univocity's CSV parser
 *       among them): one to three seconds in a fresh JVM over margo.jar's 25,000 entries on a loaded machine
 *       (docs/startup.md). Margo reads and writes its files itself and never calls Tablesaw's {@code read()} or
 *       {@code write()}, so the method's body becomes {@code return}.</li>
 * </ul>
 *
 * <p>Last, it deletes the cache made for the jar it replaced and writes {@code margo.aot.jar-id}, the jar's size and
 * modification time ("SIZE MTIME", bytes and seconds), for the cache that the training makes next: JDK 25 does not
 * check a cache's jar (JDK-8377932, margo.dsl.cli.AotCache), so ./margo and {@code margo kernel install} use the
 * cache only for the jar named there.
 *
 * <p>Entries keep their order, names and times, so the jar stays as reproducible as the shade plugin made it.
 * Run by the JDK's source launcher: {@code java -cp margo.jar RewriteJarForStartup.java margo.jar}, the jar on the
 * class path so that stack maps can be computed against its own class hierarchy.
 */
public final class RewriteJarForStartup {

    /** Java 8: the oldest version the cache stores linked, and one every class file here can be raised to. */
    private static final int UPGRADED_MAJOR_VERSION = 52;
    private static final int OLDEST_CACHEABLE_MAJOR_VERSION = 50;
    private static final String TABLE = "/tech/tablesaw/api/Table.class";
    private static final String REGISTRATION = "autoRegisterReadersAndWriters";
    private static final String CACHE = "margo.aot";

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: java -cp JAR RewriteJarForStartup.java JAR");
        }
        Path jar = Path.of(args[0]);
        int upgraded = 0;
        boolean registrationSkipped = false;
        // The zip file system rewrites only the entries written to it and copies the others as they are compressed.
        try (URLClassLoader classes = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null);
                FileSystem entries = FileSystems.newFileSystem(jar)) {
            ClassFile classFile = ClassFile.of(ClassFile.ClassHierarchyResolverOption.of(
                    ClassHierarchyResolver.defaultResolver().orElse(ClassHierarchyResolver.ofResourceParsing(classes))),
                    ClassFile.StackMapsOption.GENERATE_STACK_MAPS);
            List<Path> classFiles;
            try (Stream<Path> all = Files.walk(entries.getPath("/"))) {
                classFiles = all.filter(p -> p.toString().endsWith(".class") && !p.startsWith("/META-INF")).toList();
            }
            for (Path entry : classFiles) {
                boolean old = majorVersion(entry) < OLDEST_CACHEABLE_MAJOR_VERSION;
                boolean table = entry.toString().equals(TABLE);
                if (!old && !table) {
                    continue;
                }
                ClassTransform transform = old ? upgrade() : ClassTransform.ACCEPT_ALL;
                if (table) {
                    transform = transform.andThen(skipRegistration());
                }
                FileTime time = Files.getLastModifiedTime(entry);
                ClassModel model = classFile.parse(Files.readAllBytes(entry));
                registrationSkipped |= table && model.methods().stream()
                        .anyMatch(method -> method.methodName().equalsString(REGISTRATION));
                Files.write(entry, verified(classFile, entry, classFile.transformClass(model, transform)));
                Files.setLastModifiedTime(entry, time);
                upgraded += old ? 1 : 0;
            }
            if (!registrationSkipped) {
                throw new IllegalStateException(jar + " holds no " + TABLE + " with " + REGISTRATION
                        + ": Tablesaw changed, see kernel/src/build/RewriteJarForStartup.java");
            }
        }
        // The cache made for the jar this one replaces goes; the next one is made for the jar named beside it.
        Path cache = jar.resolveSibling(CACHE);
        Files.deleteIfExists(cache);
        Files.writeString(cache.resolveSibling(CACHE + ".jar-id"), Files.size(jar) + " "
                + Files.getLastModifiedTime(jar).to(TimeUnit.SECONDS) + "\n", StandardCharsets.US_ASCII);
        System.out.println("RewriteJarForStartup: " + upgraded + " class files raised to version "
                + UPGRADED_MAJOR_VERSION + " and Tablesaw's reader registration skipped in " + jar);
    }

    /** The class file's major version, from its header (magic, minor, major). */
    private static int majorVersion(Path classFile) throws IOException {
        try (InputStream in = Files.newInputStream(classFile)) {
            byte[] header = in.readNBytes(8);
            return ((header[6] & 0xff) << 8) | (header[7] & 0xff);
        }
    }

    /** Version 52, every method body rebuilt so that the ClassFile API writes its stack map frames. */
    private static ClassTransform upgrade() {
        return (builder, element) -> {
            if (element instanceof ClassFileVersion) {
                builder.withVersion(UPGRADED_MAJOR_VERSION, 0);
            } else if (element instanceof MethodModel method && method.code().isPresent()) {
                builder.transformMethod(method, MethodTransform.transformingCode((code, instruction) -> code.with(instruction)));
            } else {
                builder.with(element);
            }
        };
    }

    /** {@code Table.autoRegisterReadersAndWriters()}'s body replaced by {@code return}. */
    private static ClassTransform skipRegistration() {
        return ClassTransform.transformingMethods(method -> method.methodName().equalsString(REGISTRATION),
                (builder, element) -> {
                    if (element instanceof CodeModel) {
                        builder.withCode(CodeBuilder::return_);
                    } else {
                        builder.with(element);
                    }
                });
    }

    private static byte[] verified(ClassFile classFile, Path name, byte[] bytes) {
        List<VerifyError> errors = classFile.verify(bytes);
        if (!errors.isEmpty()) {
            throw new IllegalStateException(name + " does not verify once rewritten: " + errors);
        }
        return bytes;
    }
}
