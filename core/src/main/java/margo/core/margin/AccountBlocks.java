package margo.core.margin;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;

/**
 * How the many-account loops of scenario margining ({@link ScenarioAggregation#worstLosses},
 * {@link ScenarioGrid#worstLosses}) spread over cores: accounts {@code 0 .. accounts} are halved recursively into
 * blocks of at most {@value #ACCOUNTS_PER_BLOCK} on the common {@link ForkJoinPool} (one worker per core less one,
 * plus the calling thread). Work stealing balances blocks of unequal cost; accounts write disjoint outputs, so the
 * blocks share nothing but read-only inputs.
 */
final class AccountBlocks {

    /** Accounts per block: large enough to amortise scheduling, small enough to balance. */
    static final int ACCOUNTS_PER_BLOCK = 256;

    /** The work on accounts {@code from <= a < to}. */
    @FunctionalInterface
    interface Block {
        void run(int from, int to);
    }

    private AccountBlocks() {
    }

    /** Runs {@code block} over accounts {@code 0 .. accounts}: in blocks on the common pool, or at once here. */
    static void forEach(int accounts, boolean parallel, Block block) {
        if (!parallel) {
            block.run(0, accounts);
            return;
        }
        ForkJoinPool.commonPool().invoke(new Split(0, accounts, block));
    }

    private static final class Split extends RecursiveAction {
        private final int from;
        private final int to;
        private final Block block;

        Split(int from, int to, Block block) {
            this.from = from;
            this.to = to;
            this.block = block;
        }

        @Override
        protected void compute() {
            if (to - from <= ACCOUNTS_PER_BLOCK) {
                block.run(from, to);
                return;
            }
            int middle = (from + to) >>> 1;
            invokeAll(new Split(from, middle, block), new Split(middle, to, block));
        }
    }
}
