package margo.dsl.run;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import margo.dsl.check.CheckedProgram;
import margo.dsl.proof.MarginProver;
import margo.dsl.proof.MarginProvers;
import margo.dsl.proof.ProofFailure;
import margo.dsl.registry.ProofEntries;
import margo.dsl.syntax.Block;
import margo.dsl.syntax.Clause;
import margo.dsl.syntax.Expr;
import margo.dsl.value.BookValue;
import margo.dsl.value.RulesValue;
import margo.dsl.value.TextValue;
import margo.dsl.value.Value;

/**
 * The proofs of margin: {@code publish_scenarios(market, rules)}, {@code prove_margin(book, account, rules) { level
 * initial }} and {@code verify_margin(path)}, run by the zk module's {@link MarginProver} when it is installed.
 */
final class ProofBuiltins {

    private final CheckedProgram checked;
    private final ChainLoader loader;
    private final Function<Expr, Value> evaluator;

    ProofBuiltins(CheckedProgram checked, ChainLoader loader, Function<Expr, Value> evaluator) {
        this.checked = checked;
        this.loader = loader;
        this.evaluator = evaluator;
    }

    static boolean handles(String function) {
        return ProofEntries.FUNCTIONS.contains(function);
    }

    /** A call without a block: {@code prove_margin} at the initial level. */
    Value call(Expr.Call call) {
        return call(call, Block.empty(call.span()));
    }

    /** A call with the block of its {@code let}: the level of {@code prove_margin}. */
    Value call(Expr.Call call, Block block) {
        List<Expr> arguments = checked.argumentsOf(call);
        MarginProver prover = MarginProvers.find().orElseThrow(() -> new RunFailure(call.span(),
                call.callee().id() + " needs the zk module (margo-zk), which is not installed",
                "build it with ./margo (or mvn package), which puts it in zk/target, or run with"
                        + " -D" + MarginProvers.PATH_PROPERTY + "=PATH/TO/zk/target"));
        try {
            return switch (call.callee().id()) {
                case "publish_scenarios" -> prover.publish((BookValue) evaluator.apply(arguments.get(0)),
                        (RulesValue) evaluator.apply(arguments.get(1)),
                        loader.output(text(arguments.get(2), "scenarios.json")));
                case "prove_margin" -> {
                    String account = text(arguments.get(1), null);
                    yield prover.prove((BookValue) evaluator.apply(arguments.get(0)), account,
                            (RulesValue) evaluator.apply(arguments.get(2)), maintenance(block),
                            loader.output(text(arguments.get(3), "proof-" + account)));
                }
                case "verify_margin" -> prover.verify(loader.output(text(arguments.get(0), null)));
                default -> throw new IllegalStateException("not a proof built-in: " + call.callee().id());
            };
        } catch (ProofFailure failure) {
            throw new RunFailure(call.span(), call.callee().id() + ": " + failure.getMessage(), failure.hint());
        }
    }

    /** {@code level maintenance} in the block; initial when not written. */
    private static boolean maintenance(Block block) {
        for (Clause clause : block.clauses()) {
            if (clause instanceof Clause.Setting setting && setting.name().id().equals("level")) {
                Expr value = setting.value();
                String word = value instanceof Expr.Name name ? name.id() : ((Expr.StringLiteral) value).value();
                return word.equals("maintenance");
            }
        }
        return false;
    }

    private String text(Expr argument, String otherwise) {
        return argument == null ? otherwise : ((TextValue) evaluator.apply(argument)).value();
    }
}
