/**
 * Parts of the compiler that are loaded only when some input needs them (the full
 * parser, the schema of catalogue JSON files). Loading a module is asynchronous while
 * checking is not: synchronous work that needs a part not yet loaded raises
 * `ModuleNeeded`, and `withParser` (syntax/parse.ts), which every command's loading and
 * checking goes through, loads the part and runs the side-effect-free work again.
 */
export class ModuleNeeded extends Error {
  constructor(
    message: string,
    /** Loads the part (idempotent). */
    readonly load: () => Promise<void>,
  ) {
    super(message);
  }
}
