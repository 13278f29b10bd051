package margo.kernel.jupyter;

/** A message the kernel drops without answering (the protocol gives it no reply): its reason is logged. */
public final class RejectedMessage extends Exception {

    public RejectedMessage(String reason) {
        super(reason, null, false, false);
    }
}
