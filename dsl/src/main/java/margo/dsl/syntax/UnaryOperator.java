package margo.dsl.syntax;

public enum UnaryOperator {
    NEGATE("-"), PLUS("+"), NOT("not");

    private final String symbol;

    UnaryOperator(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }
}
