package margo.dsl.syntax;

import java.util.List;

/** A parsed recipe or notebook cell: its statements in order, and the source they came from. */
public record Program(SourceFile source, List<Stmt> statements) {}
