package margo.dsl.run;

import java.util.List;
import java.util.function.Function;
import margo.core.hedging.BookGreeks;
import margo.dsl.check.CheckedProgram;
import margo.dsl.plot.Figure;
import margo.dsl.plot.GreeksPlot;
import margo.dsl.syntax.Expr;
import margo.dsl.value.BookValue;
import margo.dsl.value.FigureValue;
import margo.dsl.value.TableValue;
import margo.dsl.value.Value;

/**
 * The hedging built-ins: {@code greeks} tabulates a book's greeks through core's {@link BookGreeks}, and
 * {@code plot greeks(...)} draws them by expiry ({@link GreeksPlot}). Options are priced as the margin built-ins
 * price them, by the book's market or with {@code priced_by} ({@link MarginBuiltins#pricer}).
 */
final class HedgeBuiltins {

    private final CheckedProgram checked;
    private final Function<Expr, Value> evaluator;
    private final MarginBuiltins margins;

    HedgeBuiltins(CheckedProgram checked, Function<Expr, Value> evaluator, MarginBuiltins margins) {
        this.checked = checked;
        this.evaluator = evaluator;
        this.margins = margins;
    }

    static boolean handles(String function) {
        return function.equals("greeks");
    }

    /** Whether {@code plot F(...)} draws the table F returns as a figure. */
    static boolean plots(String function) {
        return function.equals("greeks");
    }

    Value call(Expr.Call call) {
        List<Expr> arguments = checked.argumentsOf(call);
        return MarginBuiltins.reportingRejection(call, () -> {
            BookValue book = (BookValue) evaluator.apply(arguments.get(0));
            return new TableValue(BookGreeks.report(book.book(), margins.pricer(book, arguments.get(1))), null);
        });
    }

    /** {@code plot greeks(book, priced_by?)}. */
    FigureValue figure(Expr.Call call) {
        List<Expr> arguments = checked.argumentsOf(call);
        return (FigureValue) MarginBuiltins.reportingRejection(call, () -> {
            BookValue book = (BookValue) evaluator.apply(arguments.get(0));
            String source = checked.program().source().text();
            Figure figure = GreeksPlot.byExpiry("greeks of " + source.substring(arguments.get(0).span().start(),
                            arguments.get(0).span().end()), book.book(), margins.pricer(book, arguments.get(1)),
                    book.market().valuationTime());
            if (figure == null) {
                throw new RunFailure(call.span(), "greeks has nothing to draw: no margin group holds positions or coin");
            }
            return new FigureValue(figure);
        });
    }
}
