/**
 * Diagnostics are data: a stable kebab-case code (the file name of the rule that emits
 * it), a severity, a message in Chinese and in English, a primary span, related spans,
 * a hint and structured data (decimals as strings). They are rendered by src/cli.
 */
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

export interface Diagnostic {
  readonly code: string;
  readonly severity: Severity;
  readonly message: Bilingual;
  readonly span: Span;
  readonly related: readonly Related[];
  readonly hint?: Bilingual;
  readonly data?: Readonly<Record<string, string>>;
}

export function diag(
  code: string,
  severity: Severity,
  span: Span,
  message: Bilingual,
  extra: { related?: Related[]; hint?: Bilingual; data?: Record<string, string> } = {},
): Diagnostic {
  const d: Diagnostic = {
    code,
    severity,
    message,
    span,
    related: extra.related ?? [],
    ...(extra.hint ? { hint: extra.hint } : {}),
    ...(extra.data ? { data: extra.data } : {}),
  };
  return d;
}

export function bi(zh: string, en: string): Bilingual {
  return { zh, en };
}

/** Deterministic order: file, offset, code, then message. */
export function sortDiagnostics(ds: readonly Diagnostic[]): Diagnostic[] {
  return [...ds].sort(
    (a, b) =>
      cmp(a.span.file, b.span.file) ||
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
