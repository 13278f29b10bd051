package margo.dsl.registry;

/** A rule of the language that belongs to no single built-in, e.g. how instants compare with durations. */
public record Note(String title, String text, String example) {}
