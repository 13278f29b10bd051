package margo.core.margin;

/**
 * What a margin rule requires of a set of positions settling in one currency.
 *
 * @param currency    the currency of both amounts: the coin ({@code BTC}) for inverse instruments, {@code USDC} for
 *                    linear ones
 * @param initial     the initial margin (IM): the equity needed to open or increase positions, &ge; 0
 * @param maintenance the maintenance margin (MM): the equity below which the account is liquidated, &ge; 0
 */
public record MarginRequirement(String currency, double initial, double maintenance) {

    public MarginRequirement {
        if (currency == null || currency.isBlank()) {
            throw new IllegalArgumentException("currency must not be empty");
        }
        if (!(initial >= 0) || !(maintenance >= 0) || Double.isInfinite(initial) || Double.isInfinite(maintenance)) {
            throw new IllegalArgumentException("initial and maintenance must be finite and non-negative, not "
                    + initial + " and " + maintenance + " " + currency);
        }
    }
}
