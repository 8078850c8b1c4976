/** A SQL list literal of fixed, code-defined values (for CHECK constraints and IN lists); never user input. */
export function sqlList(values: readonly string[]): string {
  return values.map((value) => `'${value}'`).join(', ');
}
