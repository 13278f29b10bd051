package margo.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SparkEngineSettingsTest {

    @Test
    void anUnknownStorageLevelIsRefusedByNameBeforeASessionStarts() {
        System.setProperty(SparkEngine.STORAGE, "MEMORY_ONCE");
        try {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> SparkEngine.start(Map.of("master", "local[1]")));
            assertEquals("spark.margo.storage must be a Spark storage level (MEMORY_AND_DISK, DISK_ONLY,"
                    + " MEMORY_AND_DISK_SER, NONE, ...), not 'MEMORY_ONCE'", refused.getMessage());
        } finally {
            System.clearProperty(SparkEngine.STORAGE);
        }
    }
}
