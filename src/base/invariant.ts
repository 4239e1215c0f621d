/**
 * Internal consistency checks. Bad input never reaches here: every stage reports bad
 * input as diagnostics. A failed invariant is a bug in yusuan itself.
 */
export class InvariantError extends Error {
  override name = "InvariantError";
}

export function invariant(cond: unknown, message: string): asserts cond {
  if (!cond) throw new InvariantError(`internal error: ${message}`);
}
