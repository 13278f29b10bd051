package margo.dsl.plot;

import java.util.Arrays;

/**
 * A grid of values drawn as coloured cells with a colour bar, e.g. P&amp;L by price move (x) and vol shock (y).
 * Colours follow {@link ColorScale#DIVERGING} centred on zero when the values have both signs (losses red, gains
 * blue), else {@link ColorScale#SEQUENTIAL}.
 *
 * @param x      the centres of the columns, increasing
 * @param y      the centres of the rows, increasing
 * @param z      {@code z[row][column]}: one row per y, one value per x; NaN leaves a cell empty
 * @param zTitle the colour bar's title with its unit, e.g. {@code P&L (USD)}
 */
public record HeatMap(String name, double[] x, double[] y, double[][] z, String zTitle) implements Trace {

    public HeatMap {
        if (name == null || x == null || y == null || z == null || zTitle == null) {
            throw new IllegalArgumentException("a heat map needs a name, x, y, z and a colour bar title");
        }
        if (z.length != y.length) {
            throw new IllegalArgumentException("z needs one row per y value: " + z.length + " rows, " + y.length + " y values");
        }
        double[][] rows = new double[z.length][];
        for (int row = 0; row < z.length; row++) {
            if (z[row].length != x.length) {
                throw new IllegalArgumentException("row " + row + " of z has " + z[row].length + " values, not one per x ("
                        + x.length + ")");
            }
            rows[row] = z[row].clone();
        }
        x = x.clone();
        y = y.clone();
        z = rows;
    }

    @Override
    public double[] x() {
        return x.clone();
    }

    @Override
    public double[] y() {
        return y.clone();
    }

    /** The value in row {@code row} (of y), column {@code column} (of x). */
    public double at(int row, int column) {
        return z[row][column];
    }

    @Override
    public double[][] z() {
        double[][] copy = new double[z.length][];
        for (int row = 0; row < z.length; row++) {
            copy[row] = z[row].clone();
        }
        return copy;
    }

    /** The smallest and largest finite value, or NaNs when there is none. */
    public double[] zRange() {
        double min = Double.NaN;
        double max = Double.NaN;
        for (double[] row : z) {
            for (double value : row) {
                if (Double.isFinite(value)) {
                    min = Double.isNaN(min) ? value : Math.min(min, value);
                    max = Double.isNaN(max) ? value : Math.max(max, value);
                }
            }
        }
        return new double[] {min, max};
    }

    /** The scale its colours follow: diverging about zero when the values have both signs. */
    public ColorScale colorScale() {
        double[] range = zRange();
        return range[0] < 0 && range[1] > 0 ? ColorScale.DIVERGING : ColorScale.SEQUENTIAL;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HeatMap h && name.equals(h.name) && zTitle.equals(h.zTitle) && Arrays.equals(x, h.x)
                && Arrays.equals(y, h.y) && Arrays.deepEquals(z, h.z);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + Arrays.deepHashCode(z);
    }

    @Override
    public String toString() {
        return "HeatMap[" + name + ", " + y.length + " × " + x.length + "]";
    }
}
