package margo.dsl.engine;

/**
 * A task that failed on one part of a partitioned book: which part, the accounts it holds, and core's reason.
 *
 * @see PartitionedBook#rows
 */
public final class TaskFailure extends RuntimeException {

    private final int partition;
    private final int partitions;
    private final String firstAccount;
    private final String lastAccount;
    private final boolean rejected;

    /**
     * @param partition    the part, from 0; -1 when the engine could not say
     * @param partitions   how many parts the book has; -1 when not known
     * @param firstAccount the first account of the part, in book order; null when not known
     * @param lastAccount  its last
     * @param rejected     whether core rejected the data (an {@link IllegalArgumentException}), rather than failed
     * @param reason       the failure's message
     */
    public TaskFailure(int partition, int partitions, String firstAccount, String lastAccount, boolean rejected,
                       String reason) {
        super(reason);
        this.partition = partition;
        this.partitions = partitions;
        this.firstAccount = firstAccount;
        this.lastAccount = lastAccount;
        this.rejected = rejected;
    }

    /** {@code partition 3 of 8 (accounts a-0300 to a-0399)}, or as much of it as is known. */
    public String where() {
        String part = partition < 0 ? "a task of the engine" : "partition " + partition
                + (partitions < 0 ? "" : " of " + partitions);
        if (firstAccount == null) {
            return part;
        }
        return part + " (account" + (firstAccount.equals(lastAccount) ? " " + firstAccount
                : "s " + firstAccount + " to " + lastAccount) + ")";
    }

    /** The part, or the item, that failed, from 0; -1 when the engine could not say. */
    public int partition() {
        return partition;
    }

    /** Whether core rejected the user's data, as an in-process run reports it, rather than the task failing. */
    public boolean rejected() {
        return rejected;
    }
}
