/**
 * Provenance as data: the source lines of each figure of a publication derived with a
 * recording tracer (trace.ts). A figure's sources are the amounts it sums, each with its
 * file, 1-based line, the amount in the figure's unit (signed, as an exact decimal
 * string) and the line as written; they sum exactly to the figure's unrounded value.
 *
 * Figures are found by walking the publication alongside its zod schema: every field the
 * schema types as an amount (`Wan` in 万元, `Yuan` in 元) is a figure, addressed by its
 * JSON pointer (RFC 6901) in the publication's JSON.
 */
import { z } from "zod";
import type { Fen } from "../base/money.js";
import { lineCol, lineText, type SourceText } from "../base/source.js";
import type { Origin, Tracer } from "./trace.js";
import { Publication, Wan, wanExact, Yuan, yuanExact } from "./types.js";

export type FigureUnit = "万元" | "元";

/** One source of a figure, as `trace` and `build --provenance` print it. */
export interface FigureSource {
  readonly file: string;
  readonly line: number;
  /** The amount in the figure's unit, signed: "3.00", "-6.00". */
  readonly amount: string;
  /** The source line as written, trimmed. */
  readonly text: string;
}

/** A figure of the publication: where it is, its unit and value, and what holds it. */
export interface Figure {
  readonly pointer: string;
  readonly unit: FigureUnit;
  readonly fen: Fen;
  readonly holder: object;
  readonly key: string;
}

/** Every amount field of a publication, in document order. */
export function figures(pub: Publication): Figure[] {
  const out: Figure[] = [];
  walk(Publication, pub, "", undefined, "", out);
  return out;
}

function escapeSegment(s: string): string {
  return s.replace(/~/g, "~0").replace(/\//g, "~1");
}

function walk(schema: z.ZodType, value: unknown, pointer: string, holder: object | undefined, key: string, out: Figure[]): void {
  if (value === undefined || value === null) return;
  if (schema === Wan || schema === Yuan) {
    if (holder && typeof value === "number") out.push({ pointer, unit: schema === Wan ? "万元" : "元", fen: value, holder, key });
    return;
  }
  const def = (schema as unknown as { _zod: { def: { type: string; shape?: Record<string, z.ZodType>; element?: z.ZodType; innerType?: z.ZodType; valueType?: z.ZodType } } })._zod.def;
  switch (def.type) {
    case "optional":
    case "nullable":
    case "default":
    case "readonly":
      walk(def.innerType!, value, pointer, holder, key, out);
      return;
    case "object":
      for (const [k, s] of Object.entries(def.shape!)) walk(s, (value as Record<string, unknown>)[k], `${pointer}/${escapeSegment(k)}`, value as object, k, out);
      return;
    case "array":
      (value as unknown[]).forEach((v, i) => walk(def.element!, v, `${pointer}/${i}`, value as object, String(i), out));
      return;
    case "record":
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) walk(def.valueType!, v, `${pointer}/${escapeSegment(k)}`, value as object, k, out);
      return;
    default:
      return;
  }
}

/** The sources of one figure, resolved to lines of the source texts. */
export function sourcesOf(origins: readonly Origin[] | undefined, unit: FigureUnit, file: (path: string) => SourceText | undefined): FigureSource[] {
  return (origins ?? []).map((o) => {
    const src = file(o.money.span.file);
    const line = src ? lineCol(src, o.money.span.start).line : 0;
    return {
      file: o.money.span.file,
      line,
      amount: unit === "万元" ? wanExact(o.sign * o.money.fen) : yuanExact(o.sign * o.money.fen),
      text: src ? lineText(src, line).trim() : o.money.text,
    };
  });
}

/** The provenance of every figure that has sources: JSON pointer → sources, in document order. */
export function provenanceMap(pub: Publication, tracer: Tracer, file: (path: string) => SourceText | undefined): Record<string, FigureSource[]> {
  const out: Record<string, FigureSource[]> = {};
  for (const f of figures(pub)) {
    const origins = tracer.origins(f.holder, f.key);
    if (origins?.length) out[f.pointer] = sourcesOf(origins, f.unit, file);
  }
  return out;
}

/** The sum of a figure's sources in 分, to hold against the figure. */
export function originsSum(origins: readonly Origin[] | undefined): Fen {
  let s = 0;
  for (const o of origins ?? []) s += o.sign * o.money.fen;
  return s;
}
