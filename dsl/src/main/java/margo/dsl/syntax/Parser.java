package margo.dsl.syntax;

import static margo.dsl.syntax.TokenType.*;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import margo.dsl.diagnostic.Diagnostic;
import margo.dsl.diagnostic.InternalFailure;
import margo.dsl.diagnostic.Suggestions;
import margo.dsl.syntax.Expr.Argument;
import margo.dsl.syntax.Expr.Name;
import margo.dsl.syntax.Stmt.BindingKind;

/**
 * Recursive-descent parser for recipes (docs/language.md), one small method per grammar rule:
 *
 * <pre>
 * program     = { statement ( NEWLINE | ';' ) } EOF
 * statement   = binding | show | plot | export | function | script | expression
 * binding     = ( data | let | model | fit | surface | rules | book ) NAME '=' expression [ block ]
 * show, plot  = ( show | plot ) expression [ block ]
 * export      = export expression to expression
 * function    = function NAME '(' [ NAME { ',' NAME } ] ')' '=' expression
 * script      = script NAME STRING exports exported { ',' exported }
 * exported    = NAME [ as NAME ]
 * block       = '{' { clause [ NEWLINE | ';' | ',' ] } '}'
 * clause      = keep expression | set NAME '=' expression | require expression [ penalty expression ]
 *             | NAME in '[' expression ',' expression ']' [ start expression ] | NAME '=' expression
 *             | NAME expression [ block ] | NAME block | cf NAME NAME
 * expression  = or ;  or = and { 'or' and } ;  and = not { 'and' not } ;  not = 'not' not | comparison
 * comparison  = range [ ( '==' | '!=' | '<' | '<=' | '>' | '>=' ) range ]
 * range       = sum [ '..' sum [ step sum ] ]
 * sum         = product { ( '+' | '-' ) product } ;  product = unary { ( '*' | '/' ) unary }
 * unary       = ( '-' | '+' ) unary | power ;  power = call [ '^' unary ]
 * call        = primary [ '(' [ argument { ',' argument } ] ')' ] ;  argument = [ NAME [ '=' ] ] expression
 * primary     = NUMBER | STRING | TIME | true | false | NAME | '(' expression ')' | '[' [ expression { ',' expression } ] ']'
 *             | calibrate expression to expression
 * </pre>
 *
 * Keywords other than {@code and or not true false} are contextual, with two reservations that docs/language.md
 * ("Statements and lines") states: at the start of a statement, a statement keyword always begins that statement;
 * and a line that begins like a statement ({@link #beginsStatement}) or, in a block, like a clause always starts
 * one, whatever the line before left open, so that {@code let x = 3 +} cannot take the next line's {@code show}
 * as its operand. Errors are collected with the span of their cause (an unclosed bracket at the bracket); after
 * one, the parser skips to the next statement (or clause) and goes on, so that every error of a file is reported
 * in one pass, and a statement it had to skip stays as {@link Stmt.Unparsed} for the checker. Recursion is
 * bounded by {@link NestingLimits}: brackets and operators open at once, and the depth of the tree built.
 */
public final class Parser {

    /**
     * The parsed program and every lexical and syntax error found on the way.
     *
     * @param endsTooSoon true when there are errors and every one of them was found at the end of the text: a bracket,
     *                    block or triple-quoted string still open, an operator or a statement waiting for its
     *                    operand. More lines could complete such a text (a console asks for another line); other
     *                    errors no added line can mend.
     */
    public record ParseResult(Program program, List<Diagnostic> diagnostics, boolean endsTooSoon) {
        public boolean hasErrors() {
            return diagnostics.stream().anyMatch(Diagnostic::isError);
        }
    }

    private static final Map<String, BindingKind> BINDING_KEYWORDS = Map.of(
            "data", BindingKind.DATA, "let", BindingKind.LET, "model", BindingKind.MODEL, "fit", BindingKind.FIT,
            "replay", BindingKind.REPLAY, "surface", BindingKind.SURFACE, "rules", BindingKind.RULES, "book",
            BindingKind.BOOK);

    /** Words that begin a statement, and so cannot name a binding. */
    public static final Set<String> STATEMENT_KEYWORDS = Set.of(
            "data", "let", "model", "fit", "replay", "surface", "rules", "book", "show", "plot", "export", "function",
            "script");

    /** Thrown to unwind out of a statement or clause after its error has been recorded. */
    private static final class ParseError extends RuntimeException {
        ParseError() {
            super(null, null, false, false);
        }
    }

    private final SourceFile source;
    private final List<Token> tokens;
    private final List<Diagnostic> diagnostics;
    private int current;
    /** The '(' and '[' that are open, innermost first: inside them, line breaks are only layout and are skipped. */
    private final Deque<Token> openBrackets = new ArrayDeque<>();
    /** The errors found with nothing left to read but the end of the text. */
    private int errorsAtEnd;
    /** How many '{' blocks are open, where a line beginning with keep, set or require starts a clause. */
    private int blockDepth;
    /** The name the statement being parsed binds, once read; kept in {@link Stmt.Unparsed} when it fails. */
    private Name boundName;
    /** Brackets and operators being parsed inside one another, bounded by {@link NestingLimits#MAX_BRACKETS}. */
    private int nesting;
    /** The depth of each operation node built, bounded by {@link NestingLimits#MAX_DEPTH}; leaves are depth 1. */
    private final IdentityHashMap<Expr, Integer> depths = new IdentityHashMap<>();
    /**
     * The span, parentheses included, of each expression written in parentheses: an operation that has it as an
     * operand spans them too, so {@code a * (b + c)} is underlined to its {@code )}. The expression keeps its own span.
     */
    private final IdentityHashMap<Expr, Span> withParentheses = new IdentityHashMap<>();

    private Parser(SourceFile source, List<Token> tokens, List<Diagnostic> diagnostics) {
        this.source = source;
        this.tokens = tokens;
        this.diagnostics = diagnostics;
    }

    public static ParseResult parse(SourceFile source) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        List<Token> tokens = Lexer.scan(source, diagnostics);
        long lexicalAtEnd = diagnostics.stream().filter(problem -> opensTripleQuotedString(source, problem)).count();
        Parser parser = new Parser(source, tokens, diagnostics);
        Program program = new Program(source, parser.program());
        long errors = diagnostics.stream().filter(Diagnostic::isError).count();
        boolean endsTooSoon = errors > 0 && lexicalAtEnd + parser.errorsAtEnd == errors;
        return new ParseResult(program, List.copyOf(diagnostics), endsTooSoon);
    }

    /** The lexer reports a """ string that nothing closes at its opening quotes; it runs to the end of the text. */
    private static boolean opensTripleQuotedString(SourceFile source, Diagnostic problem) {
        return source.text().startsWith("\"\"\"", problem.span().start())
                && source.text().indexOf("\"\"\"", problem.span().start() + 3) < 0;
    }

    // ---- statements ----

    private List<Stmt> program() {
        List<Stmt> statements = new ArrayList<>();
        skipSeparators();
        while (!check(EOF)) {
            int first = current;
            boundName = null;
            Stmt statement = null;
            try {
                statement = statement();
                statements.add(statement);
                endOfStatement();
            } catch (ParseError e) {
                synchronize(first);
                if (statement == null) {
                    statements.add(new Stmt.Unparsed(boundName, tokens.get(first).span().to(lastTokenBefore(current).span())));
                }
            } catch (RuntimeException | StackOverflowError bug) {
                throw new InternalFailure(source, tokens.get(first).span(), "parsing", bug);
            }
            skipSeparators();
        }
        return statements;
    }

    /**
     * A statement keyword at the start of a statement always begins that statement ({@code data = 1} is a
     * binding without its name), except directly before '(', where it calls the built-in of that name, as
     * {@code surface(sv)} does.
     */
    private Stmt statement() {
        Token first = peek();
        if (first.is(IDENTIFIER)) {
            BindingKind kind = BINDING_KEYWORDS.get(first.lexeme());
            if (kind != null && !nextIs(1, LEFT_PAREN)) {
                return binding(kind);
            }
            switch (first.lexeme()) {
                case "show" -> { return show(); }
                case "plot" -> { return plot(); }
                case "export" -> { return export(); }
                case "function" -> { return function(); }
                case "script" -> { return script(); }
                default -> {
                    if (nextIs(1, IDENTIFIER) && nextIs(2, EQUAL)) {
                        Token name = peekAt(1);
                        boundName = new Name(name.lexeme(), name.span());
                        throw error(first, "unknown statement '" + first.lexeme() + "'",
                                Suggestions.didYouMean(first.lexeme(), STATEMENT_KEYWORDS));
                    }
                }
            }
        }
        Expr value = expression();
        return new Stmt.ExpressionStatement(value, extent(value));
    }

    private Stmt binding(BindingKind kind) {
        Token keyword = advance();
        Name name = bindingName(kind.keyword());
        consume(EQUAL, "expected '=' after '" + kind.keyword() + " " + name.id() + "'");
        Expr value = expression();
        Block block = optionalBlock(value.span());
        return new Stmt.Binding(kind, name, value, block, through(keyword.span(), value, block));
    }

    private Name bindingName(String keyword) {
        Token token = consume(IDENTIFIER, "expected a name after '" + keyword + "'");
        if (STATEMENT_KEYWORDS.contains(token.lexeme())) {
            throw error(token, "'" + token.lexeme() + "' is a statement keyword and cannot name a binding", "choose another name");
        }
        boundName = new Name(token.lexeme(), token.span());
        return boundName;
    }

    /** From {@code start} to the end of {@code value}, or of its block when one was written. */
    private Span through(Span start, Expr value, Block block) {
        return start.to(block.span().end() > extent(value).end() ? block.span() : extent(value));
    }

    private Stmt show() {
        Token keyword = advance();
        Expr value = expression();
        Block block = optionalBlock(value.span());
        return new Stmt.Show(value, block, through(keyword.span(), value, block));
    }

    private Stmt plot() {
        Token keyword = advance();
        Expr value = expression();
        Block block = optionalBlock(value.span());
        return new Stmt.Plot(value, block, through(keyword.span(), value, block));
    }

    private Stmt export() {
        Token keyword = advance();
        Expr value = expression();
        consumeWord("to", "expected 'to' and a path after 'export " + text(value) + "'");
        Expr path = expression();
        return new Stmt.Export(value, path, keyword.span().to(path.span()));
    }

    private Stmt function() {
        Token keyword = advance();
        Name name = bindingName("function");
        consume(LEFT_PAREN, "expected '(' and the parameters after 'function " + name.id() + "'");
        List<Name> parameters = new ArrayList<>();
        if (!check(RIGHT_PAREN)) {
            do {
                Token parameter = consume(IDENTIFIER, "expected a parameter name");
                parameters.add(new Name(parameter.lexeme(), parameter.span()));
            } while (match(COMMA));
        }
        consume(RIGHT_PAREN, "expected ')' after the parameters");
        consume(EQUAL, "expected '=' and the function's body");
        Expr body = expression();
        return new Stmt.FunctionDefinition(name, List.copyOf(parameters), body, keyword.span().to(body.span()));
    }

    private Stmt script() {
        Token keyword = advance();
        Token language = consume(IDENTIFIER, "expected the script's language after 'script', as in script js \"\"\"...\"\"\"");
        Token code = consume(STRING, "expected the script's code as a string after 'script " + language.lexeme() + "'");
        consumeWord("exports", "expected 'exports' and the names of the functions the script defines");
        List<Stmt.ScriptExport> exports = new ArrayList<>();
        Span last;
        do {
            Token exported = consume(IDENTIFIER, "expected the name of an exported function");
            Name name = new Name(exported.lexeme(), exported.span());
            Name result = null;
            if (matchWord("as")) {
                Token kind = consume(IDENTIFIER, "expected what " + name.id() + " returns after 'as': number or text");
                result = new Name(kind.lexeme(), kind.span());
            }
            last = result == null ? name.span() : name.span().to(result.span());
            exports.add(new Stmt.ScriptExport(name, result, last));
        } while (match(COMMA));
        return new Stmt.Script(new Name(language.lexeme(), language.span()), (String) code.literal(), code.span(),
                List.copyOf(exports), keyword.span().to(last));
    }

    private void endOfStatement() {
        if (match(NEWLINE) || match(SEMICOLON) || check(EOF)) {
            return;
        }
        throw error(peek(), "expected the end of the statement, found " + peek().describe(),
                "put each statement on its own line, or separate them with ';'");
    }

    // ---- blocks and clauses ----

    private Block optionalBlock(Span after) {
        if (!check(LEFT_BRACE)) {
            return Block.empty(after);
        }
        Token open = advance();
        blockDepth++;
        try {
            return block(open);
        } finally {
            blockDepth--;
        }
    }

    private Block block(Token open) {
        List<Clause> clauses = new ArrayList<>();
        skipClauseSeparators();
        while (!check(RIGHT_BRACE) && !check(EOF) && !beginsStatement(current)) {
            int first = current;
            try {
                clauses.add(clause());
                if (!check(RIGHT_BRACE) && !check(IDENTIFIER)) {
                    if (!(match(NEWLINE) || match(SEMICOLON) || match(COMMA))) {
                        throw error(peek(), "expected the end of the setting, found " + peek().describe(),
                                "put each setting on its own line, or separate them with ';'");
                    }
                }
            } catch (ParseError e) {
                synchronizeClause(first);
            }
            skipClauseSeparators();
        }
        if (!check(RIGHT_BRACE)) {
            throw unclosed(open, "'}'");
        }
        Token close = advance();
        return new Block(List.copyOf(clauses), open.span().to(close.span()));
    }

    private Clause clause() {
        Token first = consume(IDENTIFIER, "expected a setting name, 'keep', 'set' or 'require'");
        switch (first.lexeme()) {
            case "keep" -> {
                Expr condition = expression();
                return new Clause.Keep(condition, first.span().to(extent(condition)));
            }
            case "set" -> {
                Token column = consume(IDENTIFIER, "expected a column name after 'set'");
                consume(EQUAL, "expected '=' after 'set " + column.lexeme() + "'");
                Expr value = expression();
                return new Clause.SetColumn(new Name(column.lexeme(), column.span()), value, first.span().to(extent(value)));
            }
            case "require" -> {
                Expr condition = expression();
                Expr penalty = null;
                if (matchWord("penalty")) {
                    penalty = expression();
                }
                return new Clause.Require(condition, penalty, first.span().to(extent(penalty == null ? condition : penalty)));
            }
            case "cf" -> {
                if (check(IDENTIFIER) && nextIs(1, IDENTIFIER)) {
                    Token language = advance();
                    Token function = advance();
                    return new Clause.ScriptFunction(new Name(first.lexeme(), first.span()),
                            new Name(language.lexeme(), language.span()), new Name(function.lexeme(), function.span()),
                            first.span().to(function.span()));
                }
            }
            default -> { }
        }
        Name name = new Name(first.lexeme(), first.span());
        if (check(LEFT_BRACE)) {
            Block block = optionalBlock(first.span());
            return new Clause.Setting(name, name, block, first.span().to(block.span()));
        }
        if (matchWord("in")) {
            return parameterBounds(name);
        }
        if (match(EQUAL)) {
            Expr value = expression();
            return new Clause.ParameterFixed(name, value, first.span().to(extent(value)));
        }
        if (!startsExpression(peek())) {
            throw error(peek(), "expected a value for '" + name.id() + "', found " + peek().describe(), null);
        }
        Expr value = expression();
        if (check(PLUS_MINUS)) {
            return tolerance(name, value);
        }
        if (name.id().equals("minimize") && value instanceof Name objective && objective.id().equals("margin")
                && check(IDENTIFIER) && peek().span().line() == objective.span().line()) {
            // minimize margin RULES: the objective word takes the rules as its operand, as margin(RULES) would.
            Expr rules = primary();
            value = new Expr.Call(objective, List.of(new Expr.Argument(null, rules, rules.span())),
                    objective.span().to(rules.span()));
        }
        Block block = optionalBlock(value.span());
        return new Clause.Setting(name, value, block, through(first.span(), value, block));
    }

    /** {@code P c +/- w}: the bounds {@code [c - w, c + w]}, each spanning the whole {@code c +/- w}. */
    private Clause tolerance(Name name, Expr centre) {
        Token operator = advance();
        Expr width = unary();
        Span both = extent(centre).to(extent(width));
        Expr lower = deeper(new Expr.Binary(BinaryOperator.SUBTRACT, centre, width, both), operator, centre, width);
        Expr upper = deeper(new Expr.Binary(BinaryOperator.ADD, centre, width, both), operator, centre, width);
        return new Clause.ParameterBounds(name, lower, upper, null, name.span().to(both));
    }

    private Clause parameterBounds(Name parameter) {
        Token open = consume(LEFT_BRACKET, "expected '[lower, upper]' after '" + parameter.id() + " in'");
        openBrackets.push(open);
        Expr lower = expression();
        consume(COMMA, "expected ',' between the lower and the upper bound");
        Expr upper = expression();
        Token close = closeBracket(RIGHT_BRACKET, "expected ']' after the upper bound");
        Expr start = null;
        if (matchWord("start")) {
            start = expression();
        }
        return new Clause.ParameterBounds(parameter, lower, upper, start, parameter.span().to(start == null ? close.span() : extent(start)));
    }

    // ---- expressions ----

    private Expr expression() {
        return or();
    }

    private Expr or() {
        Expr left = and();
        while (check(OR)) {
            Token operator = advance();
            Expr right = and();
            left = binary(BinaryOperator.OR, operator, left, right);
        }
        return left;
    }

    private Expr and() {
        Expr left = not();
        while (check(AND)) {
            Token operator = advance();
            Expr right = not();
            left = binary(BinaryOperator.AND, operator, left, right);
        }
        return left;
    }

    private Expr not() {
        if (check(NOT)) {
            Token operator = advance();
            enter(operator);
            Expr operand = not();
            nesting--;
            return deeper(new Expr.Unary(UnaryOperator.NOT, operand, operator.span().to(extent(operand))), operator, operand);
        }
        return comparison();
    }

    private Expr comparison() {
        Expr left = range();
        BinaryOperator operator = comparisonOperator(peek().type());
        if (operator == null) {
            return left;
        }
        Token operatorToken = advance();
        Expr right = range();
        Expr result = binary(operator, operatorToken, left, right);
        if (comparisonOperator(peek().type()) != null) {
            throw error(peek(), "comparisons cannot be chained", "write a < b and b < c");
        }
        return result;
    }

    private static BinaryOperator comparisonOperator(TokenType type) {
        return switch (type) {
            case EQUAL_EQUAL -> BinaryOperator.EQUAL;
            case BANG_EQUAL -> BinaryOperator.NOT_EQUAL;
            case LESS -> BinaryOperator.LESS;
            case LESS_EQUAL -> BinaryOperator.LESS_EQUAL;
            case GREATER -> BinaryOperator.GREATER;
            case GREATER_EQUAL -> BinaryOperator.GREATER_EQUAL;
            default -> null;
        };
    }

    private Expr range() {
        Expr from = sum();
        if (!check(DOT_DOT)) {
            return from;
        }
        Token dots = advance();
        Expr to = sum();
        Expr step = matchWord("step") ? sum() : null;
        return deeper(new Expr.Range(from, to, step, extent(from).to(extent(step == null ? to : step))), dots,
                from, to, step);
    }

    private Expr sum() {
        Expr left = product();
        while (check(PLUS) || check(MINUS)) {
            Token operator = advance();
            Expr right = product();
            left = binary(operator.is(PLUS) ? BinaryOperator.ADD : BinaryOperator.SUBTRACT, operator, left, right);
        }
        return left;
    }

    private Expr product() {
        Expr left = unary();
        while (check(STAR) || check(SLASH)) {
            Token operator = advance();
            Expr right = unary();
            left = binary(operator.is(STAR) ? BinaryOperator.MULTIPLY : BinaryOperator.DIVIDE, operator, left, right);
        }
        return left;
    }

    private Expr unary() {
        if (check(MINUS) || check(PLUS)) {
            Token operator = advance();
            enter(operator);
            Expr operand = unary();
            nesting--;
            UnaryOperator kind = operator.is(MINUS) ? UnaryOperator.NEGATE : UnaryOperator.PLUS;
            return deeper(new Expr.Unary(kind, operand, operator.span().to(extent(operand))), operator, operand);
        }
        return power();
    }

    /** {@code ^} binds tighter than a leading minus and groups to the right: {@code -x^2^3} is {@code -(x^(2^3))}. */
    private Expr power() {
        Expr base = call();
        if (!check(CARET)) {
            return base;
        }
        Token caret = advance();
        enter(caret);
        Expr exponent = unary();
        nesting--;
        return binary(BinaryOperator.POWER, caret, base, exponent);
    }

    private Expr call() {
        Expr callee = primary();
        if (!check(LEFT_PAREN)) {
            return callee;
        }
        Token open = advance();
        if (!(callee instanceof Name name)) {
            throw error(open, "only a named function can be called", null);
        }
        openBrackets.push(open);
        enter(open);
        List<Argument> arguments = new ArrayList<>();
        if (!check(RIGHT_PAREN)) {
            do {
                arguments.add(argument());
            } while (match(COMMA));
        }
        Token close = closeBracket(RIGHT_PAREN, "expected ',' or ')' after an argument of " + name.id() + "(...)");
        nesting--;
        return deeper(new Expr.Call(name, List.copyOf(arguments), name.span().to(close.span())), open,
                arguments.stream().map(Argument::value).toArray(Expr[]::new));
    }

    /** {@code value}, or a named argument written {@code name value} (as in {@code priced_by hf}) or {@code name = value}. */
    private Argument argument() {
        if (check(IDENTIFIER) && (nextIs(1, EQUAL) || startsNamedValue(peekAt(1)))) {
            Token nameToken = advance();
            match(EQUAL);
            Expr value = expression();
            return new Argument(new Name(nameToken.lexeme(), nameToken.span()), value, nameToken.span().to(value.span()));
        }
        Expr value = expression();
        return new Argument(null, value, value.span());
    }

    private static boolean startsNamedValue(Token token) {
        return switch (token.type()) {
            case NUMBER, STRING, TIME, IDENTIFIER, TRUE, FALSE, LEFT_BRACKET, NOT -> true;
            default -> false;
        };
    }

    private static boolean startsExpression(Token token) {
        return startsNamedValue(token) || token.is(LEFT_PAREN) || token.is(MINUS) || token.is(PLUS);
    }

    private Expr primary() {
        Token token = peek();
        switch (token.type()) {
            case NUMBER -> {
                advance();
                Token.NumberToken number = (Token.NumberToken) token.literal();
                return new Expr.NumberLiteral(number.value(), number.unit(), token.lexeme(), token.span());
            }
            case STRING -> {
                advance();
                return new Expr.StringLiteral((String) token.literal(), token.span());
            }
            case TIME -> {
                advance();
                Lexer.TimeValue time = (Lexer.TimeValue) token.literal();
                return new Expr.TimeLiteral(time.instant(), time.dateOnly(), token.lexeme(), token.span());
            }
            case TRUE, FALSE -> {
                advance();
                return new Expr.BooleanLiteral(token.is(TRUE), token.span());
            }
            case IDENTIFIER -> {
                if (beginsStatementOrClause(current)) {
                    throw cutShort(token);
                }
                advance();
                if (token.lexeme().equals("calibrate") && !check(LEFT_PAREN)) {
                    return calibrate(token);
                }
                return new Name(token.lexeme(), token.span());
            }
            case LEFT_PAREN -> {
                openBrackets.push(advance());
                enter(token);
                Expr inner = expression();
                Token close = closeBracket(RIGHT_PAREN, "expected ')' to close the '(' at " + token.span().line() + ":"
                        + token.span().column());
                nesting--;
                withParentheses.put(inner, token.span().to(close.span()));
                return inner;
            }
            case LEFT_BRACKET -> {
                return list();
            }
            default -> throw cutShort(token);
        }
    }

    private Expr list() {
        Token open = advance();
        openBrackets.push(open);
        enter(open);
        List<Expr> elements = new ArrayList<>();
        if (!check(RIGHT_BRACKET)) {
            do {
                elements.add(expression());
            } while (match(COMMA));
        }
        Token close = closeBracket(RIGHT_BRACKET, "expected ',' or ']' after an element of the list");
        nesting--;
        return deeper(new Expr.ListLiteral(List.copyOf(elements), open.span().to(close.span())), open,
                elements.toArray(Expr[]::new));
    }

    private Expr calibrate(Token keyword) {
        Expr model = sum();
        consumeWord("to", "expected 'to' and the data after 'calibrate " + text(model) + "'");
        Expr data = sum();
        return deeper(new Expr.Calibrate(model, data, keyword.span().to(data.span())), keyword, model, data);
    }

    // ---- nesting limits ----

    /** One more bracket or operator open inside the others; an error at {@code at} past the limit. */
    private void enter(Token at) {
        if (++nesting > NestingLimits.MAX_BRACKETS) {
            throw error(at, NestingLimits.BRACKETS_MESSAGE, NestingLimits.HINT);
        }
    }

    private Expr binary(BinaryOperator operator, Token at, Expr left, Expr right) {
        return deeper(new Expr.Binary(operator, left, right, extent(left).to(extent(right))), at, left, right);
    }

    /** Where {@code operand} is written, with the parentheses around it if it has any. */
    private Span extent(Expr operand) {
        return withParentheses.getOrDefault(operand, operand.span());
    }

    /** {@code node}, one deeper than the deepest of its operands; an error at its operator {@code at} past the limit. */
    private <E extends Expr> E deeper(E node, Token at, Expr... operands) {
        int depth = 0;
        for (Expr operand : operands) {
            if (operand != null) {
                depth = Math.max(depth, depths.getOrDefault(operand, 1));
            }
        }
        if (depth + 1 > NestingLimits.MAX_DEPTH) {
            throw error(at, NestingLimits.DEPTH_MESSAGE, NestingLimits.HINT);
        }
        depths.put(node, depth + 1);
        return node;
    }

    // ---- lines, brackets and recovery ----

    /**
     * True when the token at {@code at} begins a line that begins a statement: {@code show}, {@code plot},
     * {@code export}, {@code function} or {@code script}, or a binding keyword followed by a name and '='
     * ({@code book desk = ...}; {@code book desk,} is a named argument).
     */
    private boolean beginsStatement(int at) {
        Token token = tokens.get(at);
        if (!token.is(IDENTIFIER) || !beginsLine(at)) {
            return false;
        }
        return switch (token.lexeme()) {
            case "show", "plot", "export", "function", "script" -> true;
            default -> BINDING_KEYWORDS.containsKey(token.lexeme()) && namedAndAssigned(at);
        };
    }

    /** Inside a block, true when the token at {@code at} begins a line with {@code keep}, {@code require} or {@code set NAME =}. */
    private boolean beginsClause(int at) {
        Token token = tokens.get(at);
        if (blockDepth == 0 || !token.is(IDENTIFIER) || !beginsLine(at)) {
            return false;
        }
        return token.isWord("keep") || token.isWord("require") || (token.isWord("set") && namedAndAssigned(at));
    }

    /** True when a line beginning at {@code at} starts a statement or a clause, and so ends what came before. */
    private boolean beginsStatementOrClause(int at) {
        return beginsStatement(at) || beginsClause(at);
    }

    /** True when the word at {@code at} is followed by a name and '=', as in {@code data chain =}. */
    private boolean namedAndAssigned(int at) {
        return at + 2 < tokens.size() && tokens.get(at + 1).is(IDENTIFIER) && tokens.get(at + 2).is(EQUAL);
    }

    /** True when the token at {@code at} is the first of its line. */
    private boolean beginsLine(int at) {
        if (at == 0) {
            return true;
        }
        Token before = tokens.get(at - 1);
        return before.is(NEWLINE) || before.span().endLine() < tokens.get(at).span().line();
    }

    /** The last token before {@code at} that is not a line break, for the end of a skipped statement's span. */
    private Token lastTokenBefore(int at) {
        int last = Math.max(0, at - 1);
        while (last > 0 && tokens.get(last).is(NEWLINE)) {
            last--;
        }
        return tokens.get(last);
    }

    /**
     * The error for a token that cannot start the value the parser needs: inside a bracket, when the line it
     * begins starts a new statement, the bracket is unclosed; after an operator that ended the previous line,
     * the expression was cut there; otherwise the token itself is wrong.
     */
    private ParseError cutShort(Token found) {
        if (!openBrackets.isEmpty() && (found.is(EOF) || found.is(RIGHT_BRACE) || beginsStatementOrClause(current))) {
            return unclosed(openBrackets.peek(), closerOf(openBrackets.peek()));
        }
        Token before = current > 0 ? tokens.get(current - 1) : null;
        if (before != null && before.type().continuesLine() && before.span().endLine() < found.span().line()) {
            Span end = new Span(before.span().endLine(), before.span().endColumn(), before.span().endLine(),
                    before.span().endColumn(), before.span().end(), before.span().end());
            String next = found.is(EOF) ? "the file ends" : found.describe() + " on line " + found.span().line()
                    + (beginsStatementOrClause(current) ? " begins a new " + (isStatementWord(found) ? "statement" : "clause")
                    : " cannot be its operand");
            return error(Diagnostic.error(source, end, "expected a value after " + before.describe() + ", found the end of the line",
                    "a line that ends with " + before.describe() + " continues on the next, but " + next));
        }
        return error(found, "expected a value, found " + found.describe(), null);
    }

    private static boolean isStatementWord(Token token) {
        return STATEMENT_KEYWORDS.contains(token.lexeme());
    }

    /**
     * Consumes the bracket that closes the innermost open one. When the file ends, a block closes or a new line
     * starts a statement first, the error is at the open bracket; any other token is wrong where it stands.
     */
    private Token closeBracket(TokenType closing, String expected) {
        Token open = openBrackets.peek();
        if (check(closing)) {
            openBrackets.pop();
            return advance();
        }
        if (check(EOF) || check(RIGHT_BRACE) || beginsStatementOrClause(current)) {
            throw unclosed(open, closerOf(open));
        }
        throw error(peek(), expected + ", found " + peek().describe(), null);
    }

    private static String closerOf(Token open) {
        return open.is(LEFT_PAREN) ? "')'" : open.is(LEFT_BRACKET) ? "']'" : "'}'";
    }

    /** An error at {@code open}: the bracket or brace that nothing closes before the file or statement ends. */
    private ParseError unclosed(Token open, String closer) {
        Token found = peek();
        String where = found.is(EOF) ? "the file ends first"
                : found.is(RIGHT_BRACE) ? "the block around it closes first, on line " + found.span().line()
                : "line " + found.span().line() + " begins a new " + (isStatementWord(found) ? "statement" : "clause");
        return error(open, open.describe() + " is never closed", "close it with " + closer + "; " + where);
    }

    /**
     * Skips to the start of the next statement: past a line end or ';' outside any block. A token that
     * begins a line after the failed statement's {@code first} token already starts the next statement, so an
     * unclosed '(' costs only its own line.
     */
    private void synchronize(int first) {
        openBrackets.clear();
        nesting = 0;
        blockDepth = 0;
        if (startsLaterLine(first)) {
            return;
        }
        int braces = 0;
        while (!check(EOF)) {
            if (current > first && beginsStatement(current)) {
                return;
            }
            Token token = advance();
            switch (token.type()) {
                case LEFT_BRACE -> braces++;
                case RIGHT_BRACE -> braces = Math.max(0, braces - 1);
                case NEWLINE, SEMICOLON -> {
                    if (braces == 0) {
                        return;
                    }
                }
                default -> { }
            }
        }
    }

    /** Skips to the next clause of a block, stopping before the block's closing '}'. */
    private void synchronizeClause(int first) {
        openBrackets.clear();
        nesting = 0;
        if (startsLaterLine(first)) {
            return;
        }
        int braces = 0;
        while (!check(EOF)) {
            if ((check(RIGHT_BRACE) && braces == 0) || (current > first && beginsStatementOrClause(current))) {
                return;
            }
            Token token = advance();
            switch (token.type()) {
                case LEFT_BRACE -> braces++;
                case RIGHT_BRACE -> braces--;
                case NEWLINE, SEMICOLON, COMMA -> {
                    if (braces == 0) {
                        return;
                    }
                }
                default -> { }
            }
        }
    }

    /** True when the parser stands, past {@code first}, at a token that begins a line. */
    private boolean startsLaterLine(int first) {
        return current > first && tokens.get(current - 1).is(NEWLINE);
    }

    private void skipSeparators() {
        while (match(NEWLINE) || match(SEMICOLON)) {
            // blank lines and stray ';' between statements
        }
    }

    private void skipClauseSeparators() {
        while (match(NEWLINE) || match(SEMICOLON) || match(COMMA)) {
            // blank lines and separators between clauses
        }
    }

    // ---- token helpers ----

    private Token consume(TokenType type, String message) {
        if (check(type)) {
            return advance();
        }
        throw error(peek(), message + ", found " + peek().describe(), null);
    }

    private void consumeWord(String word, String message) {
        if (!matchWord(word)) {
            throw error(peek(), message + ", found " + peek().describe(), null);
        }
    }

    private boolean matchWord(String word) {
        if (peek().isWord(word)) {
            advance();
            return true;
        }
        return false;
    }

    private boolean match(TokenType type) {
        if (check(type)) {
            advance();
            return true;
        }
        return false;
    }

    private boolean check(TokenType type) {
        return peek().is(type);
    }

    private boolean nextIs(int ahead, TokenType type) {
        return peekAt(ahead).is(type);
    }

    private Token advance() {
        Token token = peek();
        if (!token.is(EOF)) {
            current++;
        }
        return token;
    }

    private Token peek() {
        skipLayoutNewlines();
        return tokens.get(current);
    }

    private Token peekAt(int ahead) {
        skipLayoutNewlines();
        int at = current;
        for (int seen = 0; seen < ahead && at < tokens.size() - 1; ) {
            at++;
            if (openBrackets.isEmpty() || !tokens.get(at).is(NEWLINE)) {
                seen++;
            }
        }
        return tokens.get(at);
    }

    private void skipLayoutNewlines() {
        while (!openBrackets.isEmpty() && tokens.get(current).is(NEWLINE)) {
            current++;
        }
    }

    private String text(Expr expr) {
        return source.text().substring(expr.span().start(), expr.span().end());
    }

    private ParseError error(Token token, String message, String hint) {
        return error(Diagnostic.error(source, token.span(), message, hint));
    }

    /** Records an error, counting it as found at the end when nothing but the end of the text is left to read. */
    private ParseError error(Diagnostic diagnostic) {
        diagnostics.add(diagnostic);
        if (onlyLineEndsLeft()) {
            errorsAtEnd++;
        }
        return new ParseError();
    }

    /** True when nothing but line ends (the lexer closes an open statement with one) stands before the end of the text. */
    private boolean onlyLineEndsLeft() {
        for (int at = current; at < tokens.size(); at++) {
            if (!tokens.get(at).is(NEWLINE) && !tokens.get(at).is(EOF)) {
                return false;
            }
        }
        return true;
    }
}
