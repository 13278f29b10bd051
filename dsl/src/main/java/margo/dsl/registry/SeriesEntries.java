package margo.dsl.registry;

import static margo.dsl.registry.ParameterSpec.optional;
import static margo.dsl.registry.ParameterSpec.required;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import margo.dsl.check.Kind;
import margo.dsl.registry.FunctionSpec.Implementation;

/**
 * The registry's entries for chains through time: {@code snapshots(...)}, which loads a series of chains as one
 * table with a {@code snapshot} column, the fit's {@code warm_start} setting for a series, and the plots of a fitted
 * series. The user's guide is {@code docs/series.md}.
 */
final class SeriesEntries {

    /** The column of a series table that holds each row's snapshot time. */
    static final String SNAPSHOT = "snapshot";

    /** The example series: a week of daily BTC chains priced from a known Heston path (examples/data/README.md). */
    static final String WEEK = "data week = snapshots(\"data/heston-series\")\nmodel hs = heston\n";

    private SeriesEntries() {
    }

    /** The example stream: the week replayed as if each day were an update. */
    static final String REPLAY = WEEK + "replay live = calibrate hs to week { budget 50ms }\n";

    /**
     * {@code replay N = calibrate MODEL to SERIES { budget d ... }}: a fit's settings but warm_start (a replay is
     * always warm), and the budget of each update.
     */
    private static void replay(Registry registry) {
        registry.statement(new StatementSpec("replay", "replay N = calibrate MODEL to SERIES { budget d; weight E;"
                + " method M { ... }; ... }",
                "Replays a stream of snapshots (snapshots(...): a Tardis options_chain file cut every minute, or"
                        + " files in time order) through a recalibrator, as a desk recalibrates in real time: each"
                        + " update is fitted from the parameters the previous one found, within `budget` (wall"
                        + " clock, per update), and its latency is measured from the update's quotes to its fit."
                        + " Shown as a report: latency p50, p95 and p99, iterations and RMSE in total, and a row"
                        + " per update; parameters(N) and rmse(N) plot it. In the kernel a line shows each update"
                        + " as it is fitted, and an interrupt stops the replay. Takes every fit setting (weight,"
                        + " method, starts, seed, target, expiries) but warm_start.",
                REPLAY + "show live"));
        for (SettingSpec fit : registry.settings("fit")) {
            if (!fit.name().equals("warm_start") && !fit.name().equals("time_limit")) {
                String doc = fit.name().equals("method") ? fit.doc().replace("tolerance 1e-12", "tolerance 1e-6")
                        + REPLAY_TOLERANCE : fit.doc();
                registry.setting(new SettingSpec("replay", fit.name(), fit.accepts(), fit.unit(), fit.defaultValue(),
                        doc, REPLAY.replace("budget 50ms", "budget 50ms; " + settingOf(fit))));
            }
        }
        registry.setting(new SettingSpec("replay", "budget", Kind.DURATION, "duration", "none",
                "The wall-clock budget of each update's fit, a duration such as 10ms: an update that runs out of"
                        + " it keeps the best point so far, says TIME_LIMIT and counts as over budget; the next"
                        + " update starts from that point. Latencies over the budget are then no longer"
                        + " reproducible, nor are the fits.",
                REPLAY));
    }

    /**
     * Why a replay's Levenberg-Marquardt stops at 1e-6 ({@code SolverMethod.LevenbergMarquardt.replayDefaults}):
     * measured by {@code bench/src/main/java/margo/bench/ReplayToleranceEvidence.java}.
     */
    private static final String REPLAY_TOLERANCE = " A replay's Levenberg-Marquardt tolerance is 1e-6 unless its"
            + " block sets one (a fit's is 1e-12): a replay tracks a moving market under a latency budget, and on a"
            + " 255-update walk of a 400-quote BTC chain each update's parameters at 1e-6 were within 0.92% of a"
            + " standard error of those at 1e-12 (0.42% at the median), the RMSE within 1.4e-7 vol points, in 2.3"
            + " iterations against 8.6.";

    /** A short setting of the example replay, so that each setting's example runs. */
    private static String settingOf(SettingSpec fit) {
        return switch (fit.name()) {
            case "target" -> "target implied_vol";
            case "weight" -> "weight 1 / max(ask_iv - bid_iv, 0.5%)";
            case "method" -> "method levenberg_marquardt { max_iterations 50 }";
            case "starts" -> "starts 1";
            case "seed" -> "seed 7";
            case "expiries" -> "expiries [2024-03-29, 2024-06-28]";
            default -> throw new IllegalStateException("a fit setting without a replay example: " + fit.name());
        };
    }

    static void declare(Registry registry) {
        List<ParameterSpec> parameters = new ArrayList<>(List.of(
                required("path", Set.of(Kind.TEXT), ParameterSpec.FILE_PATH, "a folder of chain files (its .csv and"
                        + " .json files), a glob such as \"snapshots/btc-*.csv\", or one Tardis options_chain file,"
                        + " relative to the recipe's folder"),
                registry.function("options").orElseThrow().parameters().get(1),
                registry.function("options").orElseThrow().parameters().get(3),
                registry.function("options").orElseThrow().parameters().get(4),
                optional("every", Set.of(Kind.DURATION), "duration", "1h", List.of(),
                        "how far apart the snapshots cut from one Tardis stream are")));
        parameters.addAll(Registry.columnParameters());
        registry.function(new FunctionSpec("snapshots", parameters, false, Kind.TABLE,
                "table: the chain columns and snapshot (UTC), one row per option per snapshot, in time order", false,
                "Loads option chains through time into one table: the standard chain columns of each snapshot and a"
                        + " `snapshot` column with its time. A folder or a glob gives one snapshot per file, at its"
                        + " data's timestamp, else at the time in its file's name (btc-2024-03-01T08-00Z.csv), which"
                        + " a note says; a Tardis options_chain file is cut into the latest update of every option"
                        + " at every multiple of `every`, and at its last update. Each file is read as options(...)"
                        + " reads it, with its rows left out and its notes reported per file. In keep and set,"
                        + " `expiry >= 2d` counts from each row's snapshot. `calibrate MODEL to SERIES` fits every"
                        + " snapshot (see fit); a single-chain use (a surface, a book, price) takes one snapshot:"
                        + " keep snapshot == 2024-03-01T08:00:00Z.",
                SeriesEntries.WEEK.replace("model hs = heston\n", "") + "show week { rows 5 }",
                new Implementation.Core()));
        registry.resultSchema("snapshots", registry.chainSchema().withColumn(SNAPSHOT, Kind.INSTANT));
        registry.setting(new SettingSpec("fit", "warm_start", Kind.BOOLEAN, "true or false", "true",
                "For a fit to a series of snapshots: true fits them in time order, each starting from the"
                        + " parameters the previous one found; false fits each from the declared starts, the"
                        + " snapshots in parallel on all cores. Either way the fit of a snapshot is the same"
                        + " whatever the number of cores, and a warm start changes the cost, not the optimum (within"
                        + " the solver's tolerance). The fit is then a table: one row per snapshot with its"
                        + " time, parameters, their standard errors (P_se), rmse (vol points, or USD), iterations,"
                        + " milliseconds and stop reason.",
                WEEK + "fit hw = calibrate hs to week { warm_start false }"));
        replay(registry);
        ParameterSpec fits = required("fit", Set.of(Kind.FIT_SERIES), "fit series",
                "a fit to a series of snapshots, from fit N = calibrate M to SERIES");
        registry.function(new FunctionSpec("parameters", List.of(fits), false, Kind.FIGURE,
                "figure: each parameter against time, one panel per parameter", false,
                "The parameters of a series fit through time, to draw with `plot`: one panel per free parameter,"
                        + " its value at each snapshot as a line with markers and a band of two standard errors"
                        + " either side.",
                WEEK + "fit hw = calibrate hs to week\nplot parameters(hw)", new Implementation.Core()));
        registry.function(new FunctionSpec("rmse", List.of(fits), false, Kind.FIGURE,
                "figure: RMSE (vol points, or USD for a price fit) against time", false,
                "The RMSE of a series fit at each snapshot, to draw with `plot`: how well the model held up as the"
                        + " market moved.",
                WEEK + "fit hw = calibrate hs to week\nplot rmse(hw)", new Implementation.Core()));
    }
}
