/**
 * Emitting one budget's publication: derive the model, render html and md, serialise
 * json, and write each file atomically under the output folder, at the budget's path
 * relative to its root (a roll-up's department d0001/budget.budget → OUT/d0001/budget.html;
 * a budget built on its own → OUT/<name>.html). Runs in the main thread or in a worker.
 */
import * as path from "node:path";
import type { CheckResult } from "../check/check.js";
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
  const pub = checked.derivation.publication();
  const base = outputBase(root, file);
  const files: string[] = [];
  for (const f of formats) {
    const target = path.join(out, `${base}.${f}`);
    io.writeFile(target, f === "json" ? toJson(pub) : renderDocument(pub, profile, f));
    files.push(target);
  }
  return { files, base };
}
