package margo.dsl.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import margo.dsl.diagnostic.Diagnostic;
import margo.dsl.syntax.Expr.Binary;
import margo.dsl.syntax.Expr.Call;
import margo.dsl.syntax.Expr.Name;
import margo.dsl.syntax.Expr.NumberLiteral;
import margo.dsl.syntax.Stmt.Binding;
import margo.dsl.syntax.Stmt.BindingKind;
import org.junit.jupiter.api.Test;

class ParserTest {

    private static Parser.ParseResult parse(String text) {
        return Parser.parse(new SourceFile("t.margo", text));
    }

    private static Program parseClean(String text) {
        Parser.ParseResult result = parse(text);
        assertEquals(List.of(), result.diagnostics(), "no diagnostics expected");
        return result.program();
    }

    @Test
    void aTextCutShortEndsTooSoonAndOtherMistakesDoNot() {
        assertTrue(parse("let x = 1 +").endsTooSoon(), "an operator waiting for its operand");
        assertTrue(parse("show max(1,\n  2").endsTooSoon(), "an open bracket");
        assertTrue(parse("model hs = heston {\n  rho = -0.3").endsTooSoon(), "an open block");
        assertTrue(parse("script js \"\"\"\nfunction f(x) {").endsTooSoon(), "an open triple-quoted string");
        assertFalse(parse("let x = 1").endsTooSoon(), "no error at all");
        assertFalse(parse("let x = 1 +\nshow x").endsTooSoon(), "the next statement begins before the operand");
        assertFalse(parse("let x = )\nlet y = (").endsTooSoon(), "one error before the end");
    }

    @Test
    void anOperationSpansTheParenthesesOfItsOperandsAndAParenthesisedExpressionKeepsItsOwnSpan() {
        String text = "let x = (1 + 2) * (3 - (4))";
        Binding let = (Binding) parseClean(text).statements().getFirst();
        Binary product = (Binary) let.value();
        assertEquals("(1 + 2) * (3 - (4))", text.substring(product.span().start(), product.span().end()));
        assertEquals("1 + 2", text.substring(product.left().span().start(), product.left().span().end()));
        Binary difference = (Binary) product.right();
        assertEquals("3 - (4)", text.substring(difference.span().start(), difference.span().end()));
        assertEquals(text.length(), let.span().end(), "the statement runs to its last ')'");
    }

    @Test
    void theWholeExampleRecipeOfTheLanguageDesignParsesWithoutErrors() throws IOException {
        String text;
        try (InputStream in = getClass().getResourceAsStream("/language-example.margo")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Program program = parseClean(text);
        assertEquals(16, program.statements().size());
        Binding model = (Binding) program.statements().get(1);
        assertEquals(BindingKind.MODEL, model.kind());
        assertEquals(6, model.block().clauses().size());
        Clause.Require feller = (Clause.Require) model.block().clauses().get(5);
        assertEquals(100.0, ((NumberLiteral) feller.penalty()).value());
        Binding rules = (Binding) program.statements().stream()
                .filter(s -> s instanceof Binding b && b.kind() == BindingKind.RULES).findFirst().orElseThrow();
        assertEquals(List.of("price_range", "price_points", "vol_up", "vol_down", "vega_power", "extended",
                        "roll_shock", "floor", "maintenance"),
                rules.block().clauses().stream().map(c -> ((Clause.Setting) c).name().id()).toList());
    }

    @Test
    void dataStatementHoldsKeepAndSetClauses() {
        Program program = parseClean("""
                data chain = options("data/x.csv") {
                  keep bid_iv > 0 and ask_iv > 0
                  set spread = ask_iv - bid_iv
                }
                """);
        Binding data = (Binding) program.statements().getFirst();
        assertEquals(BindingKind.DATA, data.kind());
        assertEquals("chain", data.name().id());
        Call options = (Call) data.value();
        assertEquals("options", options.callee().id());
        assertInstanceOf(Clause.Keep.class, data.block().clauses().get(0));
        Clause.SetColumn set = (Clause.SetColumn) data.block().clauses().get(1);
        assertEquals("spread", set.column().id());
        assertEquals(1, data.span().line());
        assertEquals(4, data.span().endLine());
    }

    @Test
    void severalSettingsMayShareALine() {
        Binding fit = (Binding) parseClean("fit f = calibrate m to d { starts 8  seed 42; target implied_vol }")
                .statements().getFirst();
        assertInstanceOf(Expr.Calibrate.class, fit.value());
        assertEquals(List.of("starts", "seed", "target"),
                fit.block().clauses().stream().map(c -> ((Clause.Setting) c).name().id()).toList());
    }

    @Test
    void settingMayCarryANestedBlock() {
        Binding fit = (Binding) parseClean("fit f = calibrate m to d {\n method levenberg_marquardt { max_iterations 500 }\n}")
                .statements().getFirst();
        Clause.Setting method = (Clause.Setting) fit.block().clauses().getFirst();
        assertEquals("levenberg_marquardt", ((Name) method.value()).id());
        assertEquals("max_iterations", ((Clause.Setting) method.block().clauses().getFirst()).name().id());
    }

    @Test
    void parameterBoundsWithStartAndFixedParameters() {
        Binding model = (Binding) parseClean("model h = heston {\n v0 in [0.01, 4] start 0.5\n rho = -0.5\n}")
                .statements().getFirst();
        Clause.ParameterBounds v0 = (Clause.ParameterBounds) model.block().clauses().get(0);
        assertEquals("v0", v0.parameter().id());
        assertEquals(0.5, ((NumberLiteral) v0.start()).value());
        Clause.ParameterFixed rho = (Clause.ParameterFixed) model.block().clauses().get(1);
        assertInstanceOf(Expr.Unary.class, rho.value());
    }

    @Test
    void multiplicationBindsTighterThanAdditionAndPowerTighterThanNegation() {
        Binding let = (Binding) parseClean("let x = 1 + 2 * -3 ^ 2").statements().getFirst();
        Binary sum = (Binary) let.value();
        assertEquals(BinaryOperator.ADD, sum.operator());
        Binary product = (Binary) sum.right();
        assertEquals(BinaryOperator.MULTIPLY, product.operator());
        Expr.Unary negation = (Expr.Unary) product.right();
        assertEquals(BinaryOperator.POWER, ((Binary) negation.operand()).operator());
    }

    @Test
    void andBindsTighterThanOrAndComparisonTighterThanAnd() {
        Binding let = (Binding) parseClean("let b = a < 1 or c > 2 and d").statements().getFirst();
        Binary or = (Binary) let.value();
        assertEquals(BinaryOperator.OR, or.operator());
        assertEquals(BinaryOperator.LESS, ((Binary) or.left()).operator());
        assertEquals(BinaryOperator.AND, ((Binary) or.right()).operator());
    }

    @Test
    void namedArgumentsAreWrittenNameValue() {
        Call call = (Call) ((Stmt.Show) parseClean("show margin(desk, pm, priced_by hf)").statements().getFirst()).value();
        assertEquals(3, call.arguments().size());
        assertNull(call.arguments().get(0).name());
        assertEquals("priced_by", call.arguments().get(2).name().id());
        assertEquals("hf", ((Name) call.arguments().get(2).value()).id());
    }

    @Test
    void showOfAParenthesisedExpressionIsNotACall() {
        Stmt.Show show = (Stmt.Show) parseClean("show (1 + 2) * 3").statements().getFirst();
        assertEquals(BinaryOperator.MULTIPLY, ((Binary) show.value()).operator());
    }

    @Test
    void aColumnMayBeNamedLikeAContextualKeyword() {
        Binding data = (Binding) parseClean("data d = options(\"x.csv\") { keep set > 0 }").statements().getFirst();
        Binary condition = (Binary) ((Clause.Keep) data.block().clauses().getFirst()).condition();
        assertEquals("set", ((Name) condition.left()).id());
    }

    @Test
    void lineBreaksInsideBracketsAreLayout() {
        Binding let = (Binding) parseClean("let x = max(\n  1,\n  2\n)\nlet y = [\n 1\n]").statements().getFirst();
        assertEquals(2, ((Call) let.value()).arguments().size());
    }

    @Test
    void chainedComparisonIsAnError() {
        Parser.ParseResult result = parse("let x = 1 < 2 < 3");
        assertEquals("comparisons cannot be chained", result.diagnostics().getFirst().message());
    }

    @Test
    void everySyntaxErrorOfAFileIsReportedInOnePass() {
        Parser.ParseResult result = parse("""
                let a = (1 + 2
                let b = 3 +* 4
                data c = options("x.csv") {
                  keep
                  set y 5
                }
                show a b
                """);
        List<Diagnostic> errors = result.diagnostics();
        assertEquals(5, errors.size(), errors.toString());
        assertEquals(List.of(1, 2, 4, 5, 7), errors.stream().map(d -> d.span().line()).toList());
        assertEquals("'(' is never closed", errors.get(0).message());
        assertEquals(9, errors.get(0).span().column(), "points at the bracket, not where the parser gave up");
        assertEquals("expected a value, found '*'", errors.get(1).message());
        assertEquals(12, errors.get(1).span().column());
        assertEquals("expected a value, found the end of the line", errors.get(2).message());
        assertEquals(7, errors.get(2).span().column(), "points just past 'keep'");
        assertEquals("expected '=' after 'set y', found '5'", errors.get(3).message());
        assertEquals("expected the end of the statement, found 'b'", errors.get(4).message());
        List<Stmt> statements = result.program().statements();
        assertEquals(List.of("a", "b"), statements.stream().filter(Stmt.Unparsed.class::isInstance)
                .map(statement -> ((Stmt.Unparsed) statement).name().id()).toList(), "skipped, but their names kept");
        List<Stmt> parsed = statements.stream().filter(statement -> !(statement instanceof Stmt.Unparsed)).toList();
        assertEquals(2, parsed.size(), "the data statement and 'show a' around the errors are still parsed");
        assertEquals(6, parsed.getFirst().span().endLine(), "the data statement runs to its closing brace");
    }

    @Test
    void misspeltStatementKeywordGetsADidYouMean() {
        Diagnostic error = parse("dta chain = options(\"x.csv\")").diagnostics().getFirst();
        assertEquals("unknown statement 'dta'", error.message());
        assertEquals("did you mean data?", error.hint());
    }

    @Test
    void unclosedBlockIsReportedAtItsBrace() {
        Diagnostic error = parse("data c = options(\"x.csv\") {\n keep a > 1\n").diagnostics().getFirst();
        assertEquals("'{' is never closed", error.message());
        assertEquals("close it with '}'; the file ends first", error.hint());
        assertEquals(List.of(1, 27), List.of(error.span().line(), error.span().column()));
    }

    @Test
    void bindingCannotBeNamedAfterAStatementKeyword() {
        Diagnostic error = parse("let show = 1").diagnostics().getFirst();
        assertTrue(error.message().contains("'show' is a statement keyword"), error.message());
    }

    @Test
    void emptyProgramHasNoStatements() {
        assertFalse(parse("# nothing\n\n").hasErrors());
        assertEquals(0, parse("").program().statements().size());
    }

    @Test
    void aLineEndingInAnOperatorContinuesButNeverIntoAStatementKeyword() {
        Parser.ParseResult result = parse("let x = 3 +\n  4\nlet y = 3 +\nshow y");
        Diagnostic error = result.diagnostics().getFirst();
        assertEquals(1, result.diagnostics().size(), result.diagnostics().toString());
        assertEquals("expected a value after '+', found the end of the line", error.message());
        assertEquals(List.of(3, 12), List.of(error.span().line(), error.span().column()), "just past the '+'");
        assertEquals("a line that ends with '+' continues on the next, but 'show' on line 4 begins a new statement",
                error.hint());
        List<Stmt> statements = result.program().statements();
        assertInstanceOf(Binary.class, ((Binding) statements.get(0)).value(), "3 + 4 across two lines");
        assertEquals("y", ((Stmt.Unparsed) statements.get(1)).name().id());
        assertInstanceOf(Stmt.Show.class, statements.get(2));
    }

    @Test
    void aStatementKeywordAtTheStartOfAStatementAlwaysBeginsIt() {
        Diagnostic error = parse("data = 5").diagnostics().getFirst();
        assertEquals("expected a name after 'data', found '='", error.message());
        Stmt bare = parseClean("surface(sv)").statements().getFirst();
        assertInstanceOf(Call.class, ((Stmt.ExpressionStatement) bare).value(), "a keyword before '(' is a call");
    }

    @Test
    void anUnclosedParenthesisIsReportedAtItAndTheNextStatementStillParses() {
        Parser.ParseResult result = parse("show max(1,\n  2\nshow 3");
        Diagnostic error = result.diagnostics().getFirst();
        assertEquals("'(' is never closed", error.message());
        assertEquals("close it with ')'; line 3 begins a new statement", error.hint());
        assertEquals(List.of(1, 9), List.of(error.span().line(), error.span().column()));
        assertInstanceOf(Stmt.Show.class, result.program().statements().getLast());
    }

    @Test
    void insideABlockALineBeginningWithKeepStartsANewClause() {
        Parser.ParseResult result = parse("data c = options(\"x.csv\") {\n  keep a > 0 and\n  keep b > 0\n}");
        assertEquals(List.of("2:17"), result.diagnostics().stream()
                .map(d -> d.span().line() + ":" + d.span().column()).toList());
        Binding data = (Binding) result.program().statements().getFirst();
        assertEquals(1, data.block().clauses().size(), "the second keep is parsed, the cut one is not");
        assertEquals(3, data.block().clauses().getFirst().span().line());
    }

    @Test
    void aNamedArgumentSpeltLikeAKeywordMayBeginALineInsideBrackets() {
        Call call = (Call) ((Stmt.Show) parseClean("show margin(\n  book desk,\n  rules pm)").statements().getFirst()).value();
        assertEquals(List.of("book", "rules"), call.arguments().stream().map(argument -> argument.name().id()).toList());
    }
}
