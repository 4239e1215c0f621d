/**
 * Diagnostics are data: a stable kebab-case code, a severity, a message in Chinese and in
 * English, a primary span, related spans, a hint, structured data (decimals as strings)
 * and, where the hint states an exact edit, that edit as a fix. They are rendered by
 * src/cli and src/lsp.
 *
 * A code and its severity are declared once: a checker rule declares its own (check/rule.ts),
 * and each stage that reports outside the rules declares its codes in a table made with
 * `codeTable` (syntax/codes.ts, check/codes.ts, …). A diagnostic is made only through
 * such a declaration, which fills in the code's severity; `cli/codes.ts` gathers every
 * declaration into the one index of codes.
 */
import { invariant } from "./invariant.js";
import type { Span } from "./source.js";

export type Severity = "error" | "warning" | "info";

/** A message in both languages of the project. */
export interface Bilingual {
  readonly zh: string;
  readonly en: string;
}

export interface Related {
  readonly span: Span;
  readonly message: Bilingual;
}

/**
 * The exact edit a hint states: replace the text of `span` with `replacement` (an
 * insertion when the span is empty). Editors offer it as a quick fix; a diagnostic has
 * one only when the fix is certain, never a guess among several.
 */
export interface Fix {
  /** What the edit does, as the quick fix is titled: 改为 4,815,200元. */
  readonly title: Bilingual;
  readonly span: Span;
  readonly replacement: string;
}

export interface Diagnostic {
  readonly code: string;
  readonly severity: Severity;
  readonly message: Bilingual;
  readonly span: Span;
  readonly related: readonly Related[];
  readonly hint?: Bilingual;
  readonly data?: Readonly<Record<string, string>>;
  readonly fix?: Fix;
}

/** What a report adds to its span and message. */
export interface DiagnosticExtra {
  readonly related?: readonly Related[];
  readonly hint?: Bilingual;
  readonly data?: Record<string, string>;
  /** The edit the hint states, when it is exact. */
  readonly fix?: Fix;
  /**
   * Another severity than the code's own: allowed only when the code's declaration lists
   * it (`alsoAs`), for a code whose weight depends on what is known (an unknown subject
   * is a warning against a partial catalogue and an error against a complete one).
   */
  readonly severity?: Severity;
}

/** Where in the pipeline a code is raised. */
export type Stage = "syntax" | "lowering" | "loading" | "catalogue" | "checking" | "roll-up" | "import";

/** The declaration of one diagnostic code. */
export interface CodeSpec {
  readonly code: string;
  /** The severity it is reported with. */
  readonly severity: Severity;
  /** Other severities it may be reported with, chosen at the report. */
  readonly alsoAs?: readonly Severity[];
  readonly stage: Stage;
}

function make(spec: CodeSpec, span: Span, message: Bilingual, extra: DiagnosticExtra = {}): Diagnostic {
  const severity = extra.severity ?? spec.severity;
  invariant(severity === spec.severity || (spec.alsoAs?.includes(severity) ?? false), `${spec.code} is not declared with severity ${severity}`);
  return {
    code: spec.code,
    severity,
    message,
    span,
    related: extra.related ?? [],
    ...(extra.hint ? { hint: extra.hint } : {}),
    ...(extra.data ? { data: extra.data } : {}),
    ...(extra.fix ? { fix: extra.fix } : {}),
  };
}

/** A stage's codes, declared once, and the one way to make their diagnostics. */
export interface CodeTable<C extends string> {
  readonly specs: readonly CodeSpec[];
  diag(code: C, span: Span, message: Bilingual, extra?: DiagnosticExtra): Diagnostic;
}

/**
 * Declares a stage's codes: `codeTable("loading", { "include-cycle": "error", … })`; a
 * code that may also be reported with another severity lists them, its own first:
 * `"unknown-subject": ["error", "warning"]`.
 */
export function codeTable<const T extends Record<string, Severity | readonly [Severity, ...Severity[]]>>(stage: Stage, table: T): CodeTable<keyof T & string> {
  const specs = new Map<string, CodeSpec>();
  for (const [code, s] of Object.entries(table)) {
    const [severity, ...alsoAs] = typeof s === "string" ? [s] : s;
    specs.set(code, { code, severity: severity!, ...(alsoAs.length ? { alsoAs } : {}), stage });
  }
  return {
    specs: [...specs.values()],
    diag: (code, span, message, extra) => make(specs.get(code)!, span, message, extra),
  };
}

/** A diagnostic of a declared code: for the rules, whose declaration is the rule itself. */
export function diagnosticOf(spec: CodeSpec, span: Span, message: Bilingual, extra?: DiagnosticExtra): Diagnostic {
  return make(spec, span, message, extra);
}

export function bi(zh: string, en: string): Bilingual {
  return { zh, en };
}

/** Deterministic order: file (and sheet, for a workbook), offset, code, then message. */
export function sortDiagnostics(ds: readonly Diagnostic[]): Diagnostic[] {
  return [...ds].sort(
    (a, b) =>
      cmp(a.span.file, b.span.file) ||
      cmp(a.span.cell?.sheet ?? "", b.span.cell?.sheet ?? "") ||
      a.span.start - b.span.start ||
      cmp(a.code, b.code) ||
      cmp(a.message.en, b.message.en),
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function hasErrors(ds: readonly Diagnostic[]): boolean {
  return ds.some((d) => d.severity === "error");
}

/** The result of every stage: a value, possibly partial, and what was found wrong. */
export interface Result<T> {
  readonly value: T;
  readonly diagnostics: Diagnostic[];
}
