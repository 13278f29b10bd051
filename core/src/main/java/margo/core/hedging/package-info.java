/**
 * Hedging: the greeks of a book ({@link margo.core.hedging.BookGreeks}, by account, margin group and expiry, in coin
 * and in USD, {@link margo.core.hedging.Greek} naming each column and its unit) and the hedges that bring them
 * inside targets at the least cost, the fewest trades or the least portfolio margin, solved as linear programs over
 * the trade sizes.
 */
package margo.core.hedging;
