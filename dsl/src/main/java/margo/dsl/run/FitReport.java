package margo.dsl.run;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import margo.core.calibration.CalibrationFailure;
import margo.core.calibration.CalibrationResult;
import margo.core.calibration.CalibrationWarning;
import margo.core.calibration.Constraint;
import margo.core.calibration.ConstraintStatus;
import margo.core.calibration.ParameterSpec;
import margo.core.calibration.ResidualTable;
import margo.core.calibration.StartSummary;
import margo.core.calibration.StopReason;
import margo.core.calibration.Target;
import margo.dsl.registry.ModelFamily;
import margo.dsl.value.ModelValue;
import margo.dsl.value.ReportValue;
import margo.dsl.value.TableValue;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** What {@code show} displays for a model and for a fit, as a {@link ReportValue}. */
final class FitReport {

    /** A parameter within this fraction of its range from a bound is at the bound (core's AT_BOUND warning). */
    private static final double AT_BOUND = 1e-6;

    private FitReport() {
    }

    /** A model: its parameters' bounds, starts and units, and its constraints. */
    static ReportValue model(String name, ModelFamily family, List<ParameterSpec> parameters,
                             List<Constraint> constraints) {
        int n = parameters.size();
        String[] names = new String[n];
        double[] lower = new double[n];
        double[] upper = new double[n];
        double[] start = new double[n];
        boolean[] fixed = new boolean[n];
        String[] units = new String[n];
        for (int i = 0; i < n; i++) {
            ParameterSpec p = parameters.get(i);
            names[i] = p.name();
            lower[i] = p.lower();
            upper[i] = p.upper();
            start[i] = p.start();
            fixed[i] = p.fixed();
            units[i] = family.parameters().get(i).unit();
        }
        Table table = Table.create("parameters", StringColumn.create("parameter", names),
                DoubleColumn.create("lower", lower), DoubleColumn.create("upper", upper),
                DoubleColumn.create("start", start), BooleanColumn.create("fixed", fixed),
                StringColumn.create("unit", units));
        List<String> notes = new ArrayList<>();
        for (Constraint constraint : constraints) {
            notes.add("require " + constraint.name() + (constraint.hard() ? " (hard)"
                    : " (soft, penalty " + margo.dsl.output.Cells.number(constraint.penalty()) + ")"));
        }
        return new ReportValue("model " + name + ": " + family.name(),
                List.of(new ReportValue.Section("parameters", new TableValue(table, null))), notes, null);
    }

    /**
     * A fit: the parameter table with standard errors and bound flags, the overall fit, the RMSE by expiry, the
     * constraints at the result, each start when there were several, then why it failed (when it did) and the
     * warnings. A failed fit says so in its title and its status, and shows the best point found.
     */
    static ReportValue fit(String title, ModelValue model, CalibrationResult result, Table chain) {
        List<ReportValue.Section> sections = new ArrayList<>();
        sections.add(new ReportValue.Section("parameters", new TableValue(parameters(model, result), null)));
        // A chain's prices are USD (mid_usd), which core, knowing only "the currency of the forward", calls "price".
        String unit = result.target() == Target.PRICE ? "USD" : result.target().reportingUnit();
        ResidualTable residuals = result.residuals();
        Table overall = Table.create("fit",
                IntColumn.create("quotes", new int[] {residuals.size()}),
                IntColumn.create("excluded", new int[] {result.exclusions().size()}),
                DoubleColumn.create("rmse", new double[] {result.rmse()}),
                DoubleColumn.create("max_error", new double[] {result.maxAbsError()}),
                DoubleColumn.create("objective", new double[] {result.objective()}),
                IntColumn.create("iterations", new int[] {result.iterations()}),
                IntColumn.create("evaluations", new int[] {result.evaluations()}),
                IntColumn.create("best_start", new int[] {result.bestStart()}),
                StringColumn.create("stop_reason", new String[] {reason(result.stopReason())}),
                StringColumn.create("status", new String[] {result.failed() ? "failed" : "ok"}));
        sections.add(new ReportValue.Section("fit (errors in " + unit + ")", new TableValue(overall, null)));
        sections.add(new ReportValue.Section("rmse by expiry (" + unit + ")",
                new TableValue(byExpiry(result, chain), null)));
        if (!result.constraints().isEmpty()) {
            sections.add(new ReportValue.Section("constraints at the result",
                    new TableValue(constraints(result.constraints()), null)));
        }
        if (result.starts().size() > 1) {
            sections.add(new ReportValue.Section("starts",
                    new TableValue(starts(result.starts()), null)));
        }
        List<String> notes = new ArrayList<>();
        for (CalibrationFailure failure : result.failures()) {
            notes.add("failed: " + failure.message());
        }
        for (CalibrationWarning warning : result.warnings()) {
            notes.add("warning: " + warning.message());
        }
        String heading = result.failed() ? title + " (failed: the best point found is shown)" : title;
        return new ReportValue(heading, sections, notes, new ReportValue.Timing("calibrated", result.elapsed()));
    }

    /**
     * A series fit as {@code show} displays it, a row per snapshot: its time, each free parameter and its standard
     * error ({@code P_se}), the RMSE (vol points, or USD for a price fit), the solver's iterations, the milliseconds
     * it took (the one column that differs between runs), the stop reason and whether it failed.
     */
    static Table series(ModelValue model, List<Instant> times, List<CalibrationResult> results) {
        Table table = Table.create("fit series", InstantColumn.create(Calibration.SNAPSHOT, times.toArray(Instant[]::new)));
        List<ParameterSpec> specs = model.parameters();
        int n = results.size();
        for (int j = 0; j < specs.size(); j++) {
            if (specs.get(j).fixed()) {
                continue;
            }
            double[] values = new double[n];
            double[] errors = new double[n];
            for (int i = 0; i < n; i++) {
                values[i] = results.get(i).parameters()[j];
                errors[i] = results.get(i).standardErrors()[j];
            }
            table.addColumns(DoubleColumn.create(specs.get(j).name(), values),
                    DoubleColumn.create(specs.get(j).name() + "_se", errors));
        }
        double[] rmse = new double[n];
        int[] iterations = new int[n];
        double[] milliseconds = new double[n];
        String[] reasons = new String[n];
        String[] status = new String[n];
        for (int i = 0; i < n; i++) {
            CalibrationResult result = results.get(i);
            rmse[i] = result.rmse();
            iterations[i] = result.iterations();
            milliseconds[i] = result.elapsed().toNanos() * 1e-6;
            reasons[i] = reason(result.stopReason());
            status[i] = result.failed() ? "failed" : "ok";
        }
        table.addColumns(DoubleColumn.create("rmse", rmse), IntColumn.create("iterations", iterations),
                DoubleColumn.create("milliseconds", milliseconds), StringColumn.create("stop_reason", reasons),
                StringColumn.create("status", status));
        return table;
    }

    private static Table parameters(ModelValue model, CalibrationResult result) {
        List<ParameterSpec> specs = model.parameters();
        int n = specs.size();
        double[] values = result.parameters();
        double[] errors = result.standardErrors();
        String[] names = new String[n];
        double[] lower = new double[n];
        double[] upper = new double[n];
        boolean[] atBound = new boolean[n];
        boolean[] fixed = new boolean[n];
        for (int i = 0; i < n; i++) {
            ParameterSpec p = specs.get(i);
            names[i] = p.name();
            lower[i] = p.lower();
            upper[i] = p.upper();
            fixed[i] = p.fixed();
            double tolerance = AT_BOUND * (p.upper() - p.lower());
            atBound[i] = !p.fixed() && (values[i] - p.lower() <= tolerance || p.upper() - values[i] <= tolerance);
        }
        return Table.create("parameters", StringColumn.create("parameter", names),
                DoubleColumn.create("value", values), DoubleColumn.create("std_error", errors),
                DoubleColumn.create("lower", lower), DoubleColumn.create("upper", upper),
                BooleanColumn.create("at_bound", atBound), BooleanColumn.create("fixed", fixed));
    }

    /** One row per expiry with active quotes: the expiry, its number of quotes and its RMSE. */
    private static Table byExpiry(CalibrationResult result, Table chain) {
        List<Instant> distinct = expiries(chain);
        int[] expiries = result.expiries();
        double[] rmse = result.rmseByExpiry();
        int[] quotes = new int[expiries.length];
        int[] residualExpiries = result.residuals().expiryIndex();
        InstantColumn column = InstantColumn.create("expiry");
        for (int e = 0; e < expiries.length; e++) {
            column.append(distinct.get(expiries[e]));
            for (int index : residualExpiries) {
                quotes[e] += index == expiries[e] ? 1 : 0;
            }
        }
        return Table.create("rmse by expiry", column, IntColumn.create("quotes", quotes),
                DoubleColumn.create("rmse", rmse));
    }

    /** The chain's distinct expiries, ascending: index i is expiry index i of core's quotes. */
    static List<Instant> expiries(Table chain) {
        return chain.instantColumn("expiry").asSet().stream().filter(java.util.Objects::nonNull).sorted().toList();
    }

    /** One row per start that ran: its best objective, why it stopped, what it cost and what failed. */
    private static Table starts(List<StartSummary> starts) {
        int n = starts.size();
        int[] index = new int[n];
        double[] objective = new double[n];
        String[] reasons = new String[n];
        int[] iterations = new int[n];
        int[] evaluations = new int[n];
        String[] failures = new String[n];
        for (int i = 0; i < n; i++) {
            StartSummary start = starts.get(i);
            index[i] = start.start();
            objective[i] = start.objective();
            reasons[i] = reason(start.stopReason());
            iterations[i] = start.iterations();
            evaluations[i] = start.evaluations();
            failures[i] = start.failure() == null ? "" : start.failure();
        }
        return Table.create("starts", IntColumn.create("start", index), DoubleColumn.create("objective", objective),
                StringColumn.create("stop_reason", reasons), IntColumn.create("iterations", iterations),
                IntColumn.create("evaluations", evaluations), StringColumn.create("failure", failures));
    }

    private static String reason(StopReason reason) {
        return reason.name().toLowerCase(Locale.ROOT);
    }

    private static Table constraints(List<ConstraintStatus> statuses) {
        int n = statuses.size();
        String[] names = new String[n];
        boolean[] hard = new boolean[n];
        double[] value = new double[n];
        double[] violation = new double[n];
        double[] penalty = new double[n];
        for (int i = 0; i < n; i++) {
            ConstraintStatus status = statuses.get(i);
            names[i] = status.name();
            hard[i] = status.hard();
            value[i] = status.value();
            violation[i] = status.violation();
            penalty[i] = status.penalty();
        }
        return Table.create("constraints", StringColumn.create("constraint", names), BooleanColumn.create("hard", hard),
                DoubleColumn.create("value", value), DoubleColumn.create("violation", violation),
                DoubleColumn.create("penalty", penalty));
    }
}
