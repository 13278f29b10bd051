package margo.dsl.run;

/**
 * Starts initialising Tablesaw's {@code Table} class on a thread of its own, so that a command's parsing and
 * checking, and a kernel's connecting, overlap with it. The first use of {@code Table} is dear: its static
 * initialiser scans the class path with ClassGraph to register Tablesaw's file readers and writers (tablesaw-core
 * 0.44, {@code Table.autoRegisterReadersAndWriters}), a few hundred milliseconds in a fresh JVM over margo.jar's
 * 25,000 entries, though Margo reads its files itself. Class initialisation runs once under the JVM's lock, so a
 * thread that needs {@code Table} earlier waits for it and nothing is done twice.
 */
public final class TablesWarmUp {

    private TablesWarmUp() {
    }

    public static void start() {
        Thread.ofPlatform().name("margo-tables-warm-up").daemon().start(() -> {
            try {
                Class.forName("tech.tablesaw.api.Table", true, TablesWarmUp.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError ignored) {
                // Not worth a word: the first real use of Table reports the same problem where it matters.
            }
        });
    }
}
