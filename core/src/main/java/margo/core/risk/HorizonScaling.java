package margo.core.risk;

/**
 * How a shock over {@code N} bars is obtained from one-bar data.
 *
 * <ul>
 *   <li>{@link #SQUARE_ROOT_OF_TIME}: the one-bar quantile times {@code sqrt(N)}. Exact for independent normal
 *       returns with zero mean; it understates fat tails that do not aggregate away and ignores volatility
 *       clustering within the horizon. EWMA, GARCH and filtered historical simulation use it.</li>
 *   <li>{@link #DIRECT}: the quantile of overlapping {@code N}-bar returns in the window (historical simulation
 *       only). It keeps the data's own aggregation but has about {@code window / N} independent observations.</li>
 * </ul>
 */
public enum HorizonScaling {
    SQUARE_ROOT_OF_TIME,
    DIRECT
}
