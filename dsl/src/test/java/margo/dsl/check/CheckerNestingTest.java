package margo.dsl.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import margo.dsl.diagnostic.Diagnostic;
import margo.dsl.registry.Registry;
import margo.dsl.syntax.BinaryOperator;
import margo.dsl.syntax.Expr;
import margo.dsl.syntax.NestingLimits;
import margo.dsl.syntax.NumberUnit;
import margo.dsl.syntax.Program;
import margo.dsl.syntax.SourceFile;
import margo.dsl.syntax.Span;
import margo.dsl.syntax.Stmt;
import org.junit.jupiter.api.Test;

/** The checker bounds its own recursion, also for a tree that did not come from the parser's limits. */
class CheckerNestingTest {

    @Test
    void anExpressionDeeperThanTheLimitIsOneErrorAtTheLevelWhereItIsReached() {
        int levels = 3 * NestingLimits.MAX_DEPTH;
        String text = "x".repeat(levels + 1);
        SourceFile source = new SourceFile("deep.margo", text);
        // Level k (0 at the root) spans columns k+1 to the end, so the column tells how deep a node is.
        Expr expr = new Expr.NumberLiteral(1, NumberUnit.NONE, "1", span(levels, levels + 1));
        for (int level = levels - 1; level >= 0; level--) {
            Expr leaf = new Expr.NumberLiteral(1, NumberUnit.NONE, "1", span(level, level + 1));
            expr = new Expr.Binary(BinaryOperator.ADD, expr, leaf, span(level, levels + 1));
        }
        Program program = new Program(source, List.of(new Stmt.ExpressionStatement(expr, expr.span())));

        List<Diagnostic> diagnostics = Checker.check(Registry.standard(), program, Map.of(), false).diagnostics();

        assertEquals(List.of("1:" + (NestingLimits.MAX_DEPTH + 1) + " " + NestingLimits.DEPTH_MESSAGE),
                diagnostics.stream().map(d -> d.span().line() + ":" + d.span().column() + " " + d.message()).toList());
    }

    private static Span span(int from, int to) {
        return new Span(1, from + 1, 1, to + 1, from, to);
    }
}
