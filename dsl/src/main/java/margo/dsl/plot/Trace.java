package margo.dsl.plot;

/**
 * What a panel draws. Traces of the same name in several panels are one legend entry, as the mid IV of every
 * expiry in a smile is.
 */
public sealed interface Trace permits Series, HeatMap {

    /** The legend entry. */
    String name();
}
