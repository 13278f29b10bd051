package margo.dsl.diagnostic;

/**
 * How bad a diagnostic is: an error stops the recipe from running, a warning does not, and a note states a decision
 * taken for the user (such as the unit a data file's values were read in) so that it can be checked.
 */
public enum Severity {
    ERROR, WARNING, NOTE;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
