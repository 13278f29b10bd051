package margo.core.hedging;

import margo.core.market.InstrumentName;

/**
 * One trade of a hedge.
 *
 * @param instrument the instrument
 * @param size       coin, positive to buy, negative to sell
 * @param price      the price traded, in the instrument's quote units: the ask for a purchase, the bid for a sale
 *                   (coin per option for an inverse option, USD for a linear one), the mark for a future or perpetual
 * @param mark       the mark in the same units
 * @param premiumUsd USD paid for the options bought (negative when received); 0 for futures and perpetuals
 * @param costUsd    USD lost against the mark by crossing the spread, &ge; 0
 */
public record HedgeTrade(InstrumentName instrument, double size, double price, double mark, double premiumUsd,
                         double costUsd) {
}
