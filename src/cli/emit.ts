/**
 * Emitting one budget's publication: derive the model, render each format asked for
 * (html and md from the templates, json from the model, csv, xlsx, docx and the data
 * package from the view), and write each file atomically under the output folder, at
 * the budget's path relative to its root (a roll-up's department d0001/budget.budget →
 * OUT/d0001/budget.html; a budget built on its own → OUT/<name>.html). Runs in the main
 * thread or in a worker. pdf is printed afterwards from the html (build.ts).
 */
import * as path from "node:path";
import type { SourceText } from "../base/source.js";
import type { CheckResult } from "../check/check.js";
import { Derivation } from "../model/derivation.js";
import { provenanceMap, sourcesOf, type FigureSource } from "../model/provenance.js";
import type { FigureRef } from "../model/trace.js";
import type { Loaded } from "../syntax/load.js";
import { toJson } from "../model/json.js";
import type { Publication } from "../model/types.js";
import type { LoadedProfile } from "../render/profile.js";
import { documentDate, publicationView, renderDocument, renderDocuments } from "../render/render.js";
import type { Io } from "./io.js";

/** The formats written here, from the model: every format but pdf. */
export const EMIT_FORMATS = ["html", "md", "json", "csv", "xlsx", "docx", "fdp"] as const;
export type TextFormat = (typeof EMIT_FORMATS)[number];

/** The author the office documents name in their properties. */
const AUTHOR = "yusuan";

export interface EmitRequest {
  /** The output folder. */
  readonly out: string;
  /** The roll-up file's folder: department paths are written relative to it. */
  readonly root: string;
  readonly formats: readonly TextFormat[];
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
export async function emitPublication(io: Io, request: EmitRequest, checked: CheckResult, file: string, profile: LoadedProfile): Promise<Emitted> {
  const { out, root, formats } = request;
  const base = outputBase(root, file);
  const files: string[] = [];
  let pub = checked.derivation.publication();
  let sources: ((ref: FigureRef) => string | undefined) | undefined;
  if (request.provenance) {
    // A second derivation, recording: provenance is opt-in and costs its own pass.
    const traced = new Derivation(checked.effective, checked.catalogue, { trace: true, ...(checked.derivation.spec ? { spec: checked.derivation.spec } : {}) });
    const texts = sourceTexts(checked);
    pub = traced.publication();
    pub = { ...pub, provenance: provenanceMap(pub, traced.tracer, texts) };
    sources = (ref) => sourcesTooltip(sourcesOf(traced.tracer.origins(ref[0], ref[1]), "万元", texts));
  }
  // html and md from one view (render.ts), each document rendered once.
  const documents = renderDocuments(pub, profile, formats.filter((f): f is "html" | "md" => f === "html" || f === "md"), sources);
  for (const f of formats) {
    const document = f === "html" || f === "md" ? documents.get(f) : undefined;
    for (const [rel, content] of document !== undefined ? [[`.${f}`, document] as const] : await renderFormat(pub, profile, f, path.posix.basename(base), sources)) {
      const target = path.join(out, `${base}${rel}`);
      io.writeFile(target, content);
      files.push(target);
    }
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

/**
 * The files of one format, each as its path after the publication's base path (".html",
 * or ".datapackage/datapackage.json" for the data package's folder) and its content.
 * The writers of the office formats and their libraries are loaded only when asked for.
 */
async function renderFormat(pub: Publication, profile: LoadedProfile, f: TextFormat, name: string, sources?: (ref: FigureRef) => string | undefined): Promise<[string, string | Uint8Array][]> {
  switch (f) {
    case "html":
    case "md":
      return [[`.${f}`, renderDocument(pub, profile, f, f === "html" ? sources : undefined)]];
    case "json":
      return [[".json", toJson(pub)]];
    case "csv": {
      const { renderCsv } = await import("../render/csv.js");
      return [[".csv", renderCsv(publicationView(pub, profile).tables)]];
    }
    case "xlsx": {
      const { renderXlsx } = await import("../render/xlsx.js");
      const view = publicationView(pub, profile);
      return [[".xlsx", await renderXlsx(view.tables, { date: documentDate(pub), title: view.title, author: AUTHOR })]];
    }
    case "docx": {
      const [{ renderDocx }, { findRasteriser }] = await Promise.all([import("../render/docx.js"), import("./raster.js")]);
      const rasterise = findRasteriser();
      if (!rasterise) throw new Error("cannot load @resvg/resvg-js to draw the charts of the Word document");
      const view = publicationView(pub, profile);
      const charts = new Map(Object.values(view.charts).map((c) => [c.id, rasterise(c.svg)] as const));
      const markdown = renderDocument(pub, profile, "md");
      return [[".docx", await renderDocx({ markdown, view, charts, date: documentDate(pub), author: AUTHOR })]];
    }
    case "fdp": {
      const { renderDataPackage } = await import("../render/fdp.js");
      const pkg = renderDataPackage(pub, publicationView(pub, profile), name);
      return pkg.map((file) => [`.datapackage/${file.path}`, file.content]);
    }
  }
}
