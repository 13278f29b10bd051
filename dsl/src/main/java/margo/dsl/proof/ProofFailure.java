package margo.dsl.proof;

/** A proof that cannot be made or checked for a reason of the user's: the message says which, the hint what to do. */
public final class ProofFailure extends RuntimeException {

    private final String hint;

    public ProofFailure(String message, String hint) {
        super(message, null, false, false);
        this.hint = hint;
    }

    /** What to do about it, or null. */
    public String hint() {
        return hint;
    }
}
