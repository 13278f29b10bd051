package margo.dsl.run;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import margo.core.margin.ScenarioPnlMatrix;
import margo.dsl.registry.Decimals;
import margo.dsl.registry.ScenarioAggregate;
import margo.dsl.syntax.Expr;

/**
 * The initial and maintenance formulas of a {@code custom} rule, compiled once into closures over a frame of one
 * row whose "columns" are the scenario aggregates ({@code worst_loss}, ...) and, for maintenance, {@code initial}.
 * A margin call writes the aggregates of the book's scenario P&amp;L into the frame and runs the closure; a
 * result that is negative or not finite stops the run at the formula, with the value.
 */
final class MarginFormulas {

    private static final String INITIAL = "initial";

    private final List<ScenarioAggregate> aggregates;
    private final double[][] slots;
    private final double[] initialSlot;
    private final double tail;
    private final Expr initialFormula;
    private final Expr maintenanceFormula;
    private final Compiler.DoubleCode initial;
    private final Compiler.DoubleCode maintenance;

    /**
     * @param compilers          a compiler over a frame, with the recipe's bindings in scope
     * @param tail               the fraction of scenarios the tail aggregates average over
     * @param maintenanceFormula null when not written: maintenance margin is then the initial margin
     */
    MarginFormulas(List<ScenarioAggregate> aggregates, Function<RowFrame, Compiler> compilers, double tail,
                   Expr initialFormula, Expr maintenanceFormula) {
        this.aggregates = aggregates;
        this.tail = tail;
        this.initialFormula = initialFormula;
        this.maintenanceFormula = maintenanceFormula;
        List<String> names = new ArrayList<>(aggregates.stream().map(ScenarioAggregate::name).toList());
        names.add(INITIAL);
        RowFrame frame = RowFrame.parameters(names);
        this.slots = new double[aggregates.size()][];
        for (int i = 0; i < slots.length; i++) {
            slots[i] = frame.doubles(aggregates.get(i).name());
        }
        this.initialSlot = frame.doubles(INITIAL);
        Compiler compiler = compilers.apply(frame);
        this.initial = compiler.number(initialFormula);
        this.maintenance = maintenanceFormula == null ? null : compiler.number(maintenanceFormula);
    }

    /** The initial margin of the book whose scenario P&amp;L is {@code matrix}, in its settlement currency. */
    synchronized double initial(ScenarioPnlMatrix matrix) {
        double[] pnl = matrix.portfolioPnl();
        for (int i = 0; i < slots.length; i++) {
            slots[i][0] = aggregates.get(i).measure().of(pnl, tail);
        }
        return margin(INITIAL, initialFormula, initial.at(0), matrix.currency());
    }

    /** The maintenance margin: its formula with {@code initial} in scope, or the initial margin when not written. */
    synchronized double maintenance(ScenarioPnlMatrix matrix) {
        double initialMargin = initial(matrix);
        if (maintenance == null) {
            return initialMargin;
        }
        initialSlot[0] = initialMargin;
        return margin("maintenance", maintenanceFormula, maintenance.at(0), matrix.currency());
    }

    private static double margin(String name, Expr formula, double value, String currency) {
        if (!Double.isFinite(value) || value < 0) {
            throw new RunFailure(formula.span(), name + " margin came out " + Decimals.plain(value) + " " + currency
                    + " for this book; a margin must be a finite amount of at least 0",
                    value < 0 ? "bound it below, e.g. " + name + " = max(0, ...)" : "look for a division by zero");
        }
        return value;
    }
}
