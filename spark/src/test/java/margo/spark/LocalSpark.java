package margo.spark;

import org.apache.spark.sql.SparkSession;

/**
 * The one {@code local[2]} session the module's tests share (a session takes seconds to start): bound to the
 * loopback address, without its web UI, stopped when the test JVM exits.
 */
final class LocalSpark {

    private static SparkSession session;

    private LocalSpark() {
    }

    static synchronized SparkSession session() {
        if (session == null) {
            session = SparkSession.builder().master("local[2]").appName("margo-test")
                    .config("spark.ui.enabled", "false")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.sql.shuffle.partitions", "4")
                    .getOrCreate();
            SparkSession started = session;
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop));
        }
        return session;
    }
}
