package margo.dsl.engine;

/** A task an engine cannot send to its workers; the statement then runs in the driver, with the book read whole. */
public final class NotDistributable extends RuntimeException {

    public NotDistributable(String reason) {
        super(reason);
    }
}
