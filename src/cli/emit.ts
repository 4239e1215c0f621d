/**
 * Emitting one budget's publication: derive the model, render html and md, serialise
 * json, and write each file atomically under the output folder, at the budget's path
 * relative to its root (a roll-up's department d0001/budget.budget → OUT/d0001/budget.html;
 * a budget built on its own → OUT/<name>.html). Runs in the main thread or in a worker.
 */
import * as path from "node:path";
import type { SourceText } from "../base/source.js";
import type { CheckResult } from "../check/check.js";
import { Derivation } from "../model/derivation.js";
import { provenanceMap, sourcesOf, type FigureSource } from "../model/provenance.js";
import type { FigureRef } from "../model/trace.js";
import type { Loaded } from "../syntax/load.js";
import { toJson } from "../model/json.js";
import type { LoadedProfile } from "../render/profile.js";
import { renderDocument } from "../render/render.js";
import type { Io } from "./io.js";

export type TextFormat = "html" | "md" | "json";

export interface EmitRequest {
  /** The output folder. */
  readonly out: string;
  /** The roll-up file's folder: department paths are written relative to it. */
  readonly root: string;
  readonly formats: readonly TextFormat[];
  readonly profile: LoadedProfile;
  /** Record each figure's sources: in the JSON (`provenance`) and as tooltips in the HTML. */
  readonly provenance?: boolean;
}

export interface Emitted {
  /** The files written, in the order html, md, json. */
  readonly files: string[];
  /** The output path without extension, relative to the output folder (for links). */
  readonly base: string;
}

/**
 * Where a publication goes, relative to the output folder, without extension. Includes
 * are resolved below their root (load.ts), so `file` is below `root`; should it not be,
 * ".." segments are dropped rather than leaving the output folder.
 */
export function outputBase(root: string, file: string): string {
  const rel = path.posix.relative(root, file).replace(/\.budget$/, "");
  return rel
    .split("/")
    .filter((p) => p !== ".." && p !== "." && p !== "")
    .join("/");
}

/** Derives, renders and writes one checked budget's publication under `request.out`. */
export function emitPublication(io: Io, request: EmitRequest, checked: CheckResult, file: string): Emitted {
  const { out, root, formats, profile } = request;
  const base = outputBase(root, file);
  const files: string[] = [];
  let pub = checked.derivation.publication();
  let sources: ((ref: FigureRef) => string | undefined) | undefined;
  if (request.provenance) {
    // A second derivation, recording: provenance is opt-in and costs its own pass.
    const traced = new Derivation(checked.effective, checked.catalogue, { trace: true });
    const texts = sourceTexts(checked);
    pub = traced.publication();
    pub = { ...pub, provenance: provenanceMap(pub, traced.tracer, texts) };
    sources = (ref) => sourcesTooltip(sourcesOf(traced.tracer.origins(ref[0], ref[1]), "万元", texts));
  }
  for (const f of formats) {
    const target = path.join(out, `${base}.${f}`);
    io.writeFile(target, f === "json" ? toJson(pub) : renderDocument(pub, profile, f, f === "html" ? sources : undefined));
    files.push(target);
  }
  return { files, base };
}

/** The source texts a checked budget was read from (last year's included), by path. */
function sourceTexts(checked: CheckResult): (path: string) => SourceText | undefined {
  const by = new Map<string, SourceText>();
  for (let l: Loaded | undefined = checked.value; l; l = l.lastYear) for (const f of l.files) if (!by.has(f.path)) by.set(f.path, f);
  return (p) => by.get(p);
}

/** At most this many source lines in a cell's tooltip; the rest are counted. */
const TOOLTIP_LINES = 12;

/** A cell's tooltip: one source per line, "file:line  amount  text". */
function sourcesTooltip(sources: readonly FigureSource[]): string | undefined {
  if (!sources.length) return undefined;
  const lines = sources.slice(0, TOOLTIP_LINES).map((s) => `${s.file}:${s.line}  ${s.amount}  ${s.text}`);
  if (sources.length > TOOLTIP_LINES) lines.push(`… ${sources.length - TOOLTIP_LINES} more`);
  return lines.join("\n");
}
