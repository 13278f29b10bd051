package margo.core.risk;

/** Which side of the price distribution a shock or a backtest covers. */
public enum Tail {
    /** Falls of the price: the risk of a long position or of collateral. */
    DOWN,
    /** Rises of the price: the risk of a short position. */
    UP
}
