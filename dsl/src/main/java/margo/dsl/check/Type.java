package margo.dsl.check;

/**
 * The static type of an expression: its kind and, for a table, the columns it has.
 *
 * @param schema the columns when {@code kind} is {@link Kind#TABLE}, else null
 */
public record Type(Kind kind, TableSchema schema) {

    public static final Type NUMBER = new Type(Kind.NUMBER, null);
    public static final Type BOOLEAN = new Type(Kind.BOOLEAN, null);
    public static final Type TEXT = new Type(Kind.TEXT, null);
    public static final Type INSTANT = new Type(Kind.INSTANT, null);
    public static final Type DURATION = new Type(Kind.DURATION, null);
    public static final Type LIST = new Type(Kind.LIST, null);
    public static final Type FIGURE = new Type(Kind.FIGURE, null);
    public static final Type RULES = new Type(Kind.RULES, null);
    public static final Type BOOK = new Type(Kind.BOOK, null);
    public static final Type SURFACE = new Type(Kind.SURFACE, null);
    public static final Type MODEL = new Type(Kind.MODEL, null);
    public static final Type FIT = new Type(Kind.FIT, null);
    public static final Type FIT_SERIES = new Type(Kind.FIT_SERIES, null);
    public static final Type REPORT = new Type(Kind.REPORT, null);
    public static final Type LAYOUT = new Type(Kind.LAYOUT, null);
    public static final Type HAIRCUT = new Type(Kind.HAIRCUT, null);
    public static final Type HEDGE = new Type(Kind.HEDGE, null);
    public static final Type ERROR = new Type(Kind.ERROR, null);

    public Type {
        if ((kind == Kind.TABLE) != (schema != null)) {
            throw new IllegalArgumentException("a table type needs a schema and only a table type has one");
        }
    }

    public static Type of(Kind kind) {
        return switch (kind) {
            case NUMBER -> NUMBER;
            case BOOLEAN -> BOOLEAN;
            case TEXT -> TEXT;
            case INSTANT -> INSTANT;
            case DURATION -> DURATION;
            case LIST -> LIST;
            case FIGURE -> FIGURE;
            case RULES -> RULES;
            case BOOK -> BOOK;
            case SURFACE -> SURFACE;
            case MODEL -> MODEL;
            case FIT -> FIT;
            case FIT_SERIES -> FIT_SERIES;
            case REPORT -> REPORT;
            case LAYOUT -> LAYOUT;
            case HAIRCUT -> HAIRCUT;
            case HEDGE -> HEDGE;
            case ERROR -> ERROR;
            case TABLE -> throw new IllegalArgumentException("a table type needs a schema");
        };
    }

    public static Type table(TableSchema schema) {
        return new Type(Kind.TABLE, schema);
    }

    public boolean isError() {
        return kind == Kind.ERROR;
    }
}
