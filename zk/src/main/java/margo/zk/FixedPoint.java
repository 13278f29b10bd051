package margo.zk;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * The fixed-point scaling of the margin circuit (zk/circuits/margin.circom, docs/zk-margin.md "Scaling"): every
 * number is an integer, a decimal amount times a power of ten, and the circuit's range checks bound each one.
 * Negative integers enter the circuit as their residue modulo the BN254 scalar field's prime.
 */
final class FixedPoint {

    /** Sizes: 4 decimals (0.0001 of an option, of a coin, of a USD of inverse-future notional). */
    static final int SIZE_DECIMALS = 4;
    /**
     * Per-unit values (marks, scenario P&amp;L, margins per unit, roll charges, deltas): 12 decimals, so that an inverse
     * future's values per USD of notional (1/F, about 1.6e-5 BTC) keep seven digits.
     */
    static final int VALUE_DECIMALS = 12;
    /** A size times a per-unit value, and cash: 16 decimals. */
    static final int AMOUNT_DECIMALS = SIZE_DECIMALS + VALUE_DECIMALS;
    /** The futures size term per unit squared: 20 decimals, so that a size squared times it carries 28. */
    static final int QUADRATIC_DECIMALS = 20;
    /** Fractions of the rule (the MM factor, the delta-shock fraction): 6 decimals. */
    static final int FRACTION_DECIMALS = 6;
    /** The statement's comparison: 28 decimals. */
    static final int STATEMENT_DECIMALS = 2 * SIZE_DECIMALS + QUADRATIC_DECIMALS;

    /** |size| below 2^44 at 4 decimals (1.7e9 units): the circuit's check of the long and short parts. */
    static final int SIZE_BITS = 44;
    /** |per-unit value| below 2^70 at 12 decimals (1.2e9 per unit), checked by whoever builds the public inputs. */
    static final int VALUE_BITS = 70;
    /** The quadratic coefficient below 2^72 at 20 decimals. */
    static final int QUADRATIC_BITS = 72;
    /** |cash| below 2^96 at 16 decimals (7.9e12 units). */
    static final int CASH_BITS = 96;
    /** The worst loss and the delta excess below 2^88 at 16 decimals (3.1e10 units). */
    static final int WORST_BITS = 88;

    /** The order of the BN254 (alt_bn128) scalar field, in which Circom's and snarkjs's arithmetic happens. */
    static final BigInteger FIELD = new BigInteger(
            "21888242871839275222246405745257275088548364400416034343698204186575808495617");

    private FixedPoint() {
    }

    /** {@code value x 10^decimals}, rounded half to even; the value must be finite. */
    static BigInteger scaled(double value, int decimals) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("a value in the proof must be finite, not " + value);
        }
        return new BigDecimal(value).movePointRight(decimals).setScale(0, RoundingMode.HALF_EVEN).toBigIntegerExact();
    }

    /** The integer as a decimal amount: {@code integer x 10^-decimals}. */
    static double unscaled(BigInteger integer, int decimals) {
        return new BigDecimal(integer).movePointLeft(decimals).doubleValue();
    }

    /** The integer as an element of the field, in decimal: a negative one as its residue {@code FIELD + value}. */
    static String field(BigInteger value) {
        return value.mod(FIELD).toString();
    }

    /** Whether {@code |value| < 2^bits}. */
    static boolean fits(BigInteger value, int bits) {
        return value.abs().bitLength() <= bits;
    }

    /** {@code 10^decimals}. */
    static BigInteger power(int decimals) {
        return BigInteger.TEN.pow(decimals);
    }
}
