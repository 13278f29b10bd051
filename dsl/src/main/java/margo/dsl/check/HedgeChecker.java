package margo.dsl.check;

import margo.dsl.syntax.Expr;

/** The checker's seam for hedging: {@code plot greeks(book)} draws the table greeks returns. */
final class HedgeChecker {

    private HedgeChecker() {
    }

    /** Whether {@code plot E} draws E as a figure of the greeks table it returns: {@code plot greeks(desk)}. */
    static boolean plottable(Expr expr) {
        return expr instanceof Expr.Call call && call.callee().id().equals("greeks");
    }
}
