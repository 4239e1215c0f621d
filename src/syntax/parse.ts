/**
 * The parse entry point that loading uses. Well-formed text takes the fast path
 * (fast.ts); anything it does not accept goes through the character scan (chars.ts:
 * full-width slips, control characters) and then to the Chevrotain parser (parser.ts),
 * which reports the errors and recovers. The Chevrotain parser, with its grammar
 * analysis and its dependencies, is loaded only when some file needs it: a clean check
 * of a well-formed budget never loads it.
 *
 * Loading is synchronous, so the first file that needs the Chevrotain parser before it
 * is loaded raises `SlowParserNeeded`; `withParser` catches that, loads the parser and
 * runs the (side-effect-free) work again. Importing parser.ts registers it here.
 */
import type { Diagnostic } from "../base/diagnostics.js";
import { ModuleNeeded } from "../base/lazy.js";
import type { ParsedFile } from "./cst.js";
import { needsCharacterScan, scanCharacters } from "./chars.js";
import { fastParse } from "./fast.js";

export interface ParseOutput {
  readonly file: ParsedFile;
  readonly diagnostics: Diagnostic[];
}

export type ParseFn = (path: string, text: string) => ParseOutput;

let slowParse: ParseFn | undefined;

/** Raised by `parse` when a file needs the Chevrotain parser and it is not loaded yet. */
export class SlowParserNeeded extends ModuleNeeded {
  constructor(readonly path: string) {
    super(`${path} needs the full parser, which is not loaded`, loadFullParser);
  }
}

/** Called by parser.ts when it is loaded. */
export function registerSlowParser(fn: ParseFn): void {
  slowParse = fn;
}

/**
 * Lexes and parses one file. Never fails on any input once the full parser is loaded;
 * before that, raises `SlowParserNeeded` for input the fast path does not accept.
 *
 * Text the fast path accepts and that holds no suspect character is done. Any other
 * text goes through the character scan first (chars.ts), and both parsers read the
 * scanned text, in which a full-width slip is already the character meant, so that
 * they agree on it by construction. The file keeps the source text (for code frames and
 * the printer's layout), while its images are those of the scanned text: lowering reads
 * 4，000.00万元 as 4,000.00万元, and `fmt` prints the fix. The scan's diagnostics come first.
 */
export function parse(path: string, text: string): ParseOutput {
  const file = fastParse(path, text);
  if (file && !needsCharacterScan(text)) return { file, diagnostics: [] };
  const scan = scanCharacters(path, text);
  const fast = scan.text === text ? file : fastParse(path, scan.text);
  if (fast) return { file: { ...fast, text }, diagnostics: scan.diagnostics };
  if (!slowParse) throw new SlowParserNeeded(path);
  const slow = slowParse(path, scan.text);
  return { file: { ...slow.file, text }, diagnostics: [...scan.diagnostics, ...slow.diagnostics] };
}

/** Loads the full parser (idempotent). */
export async function loadFullParser(): Promise<void> {
  if (!slowParse) await import("./parser.js");
}

/**
 * Runs `work`, which parses through `parse`; if some file needs the full parser (or work
 * needs another lazily loaded part, base/lazy.ts), loads it and runs `work` again. `work`
 * must have no effects before it finishes parsing and checking.
 */
export async function withParser<T>(work: () => T): Promise<T> {
  // Each part is loaded once; a few rounds cover every part there is.
  for (let round = 0; ; round++) {
    try {
      return work();
    } catch (e) {
      if (!(e instanceof ModuleNeeded) || round >= 4) throw e;
      await e.load();
    }
  }
}
