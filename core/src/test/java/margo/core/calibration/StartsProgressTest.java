package margo.core.calibration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StartsProgressTest {

    @Test
    void theLastStartToEndReportsTheFinalCountEvenWhenItFoundNothing() {
        List<ProgressListener.Progress> heard = new ArrayList<>();
        StartsProgress progress = new StartsProgress(heard::add, 2);
        progress.countEvaluations(7);
        progress.finished(0, 0.25, new double[] {1.0, 2.0});
        progress.countEvaluations(1);
        progress.finished(1, Double.POSITIVE_INFINITY, new double[] {Double.NaN, Double.NaN});
        ProgressListener.Progress last = heard.getLast();
        assertEquals(2, last.startsFinished(), "a display reading 'starts done' must reach 2 of 2");
        assertEquals(8, last.evaluations());
        assertEquals(0.25, last.bestObjective());
        assertArrayEquals(new double[] {1.0, 2.0}, last.bestParameters());
    }

    @Test
    void aStartThatEndsBeforeAnyStartHasAPointIsNotReported() {
        List<ProgressListener.Progress> heard = new ArrayList<>();
        StartsProgress progress = new StartsProgress(heard::add, 2);
        progress.finished(0, Double.POSITIVE_INFINITY, new double[] {Double.NaN});
        assertEquals(List.of(), heard, "no best objective or parameters to report yet");
    }
}
