package margo.core.market;

/** Thrown while reading one row to reject it with a reason; the reader turns it into a {@link RowProblem}. */
class RowException extends Exception {

    RowException(String reason) {
        super(reason, null, false, false);
    }
}
