package margo.kernel.jupyter;

/**
 * Where a running cell sends what it shows before its result: displays, updates of a display, and stream
 * text. A silent execute gets one that drops everything.
 */
public interface CellOutput {

    CellOutput SILENT = new CellOutput() {
        @Override
        public void display(MimeBundle bundle) {
        }

        @Override
        public void updateDisplay(MimeBundle bundle) {
        }

        @Override
        public void stdout(String text) {
        }

        @Override
        public void stderr(String text) {
        }
    };

    void display(MimeBundle bundle);

    /** Replaces the display published earlier under the bundle's display id. */
    void updateDisplay(MimeBundle bundle);

    /** Text the cell prints, such as the wall time of {@code %time}. */
    void stdout(String text);

    /** Warnings. */
    void stderr(String text);
}
