package margo.dsl.registry;

import margo.dsl.check.Kind;

/** A standard column of an option chain, in scope inside {@code keep}, {@code set} and {@code show columns}. */
public record ColumnSpec(String name, Kind kind, String unit, String description) {}
