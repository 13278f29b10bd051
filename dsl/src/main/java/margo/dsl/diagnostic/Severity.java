package margo.dsl.diagnostic;

/** How bad a diagnostic is: an error stops the recipe from running, a warning does not. */
public enum Severity {
    ERROR, WARNING;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
