package margo.dsl.registry;

import margo.dsl.check.Kind;

/**
 * A setting in a statement's {@code { ... }} block, written {@code name value}.
 *
 * @param statement    the statement keyword it belongs to, e.g. {@code show}
 * @param accepts      the kind of value it takes
 * @param unit         the unit in words
 * @param defaultValue what it is when not written
 * @param example      a recipe fragment that checks cleanly
 */
public record SettingSpec(String statement, String name, Kind accepts, String unit, String defaultValue, String doc,
                          String example) {}
