/**
 * Reading a profile's folders for the commands that render (build, serve) or start from
 * one (init): templates/<name>/ in the package, the profiles it extends, and a
 * `--templates DIR` override, each read as a layer for render/profile.ts to merge.
 */
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { loadProfile, profileExtends, type LoadedProfile } from "../render/profile.js";
import type { Io } from "./io.js";

/** The package's templates/ folder: one folder per profile. */
export const TEMPLATES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../templates");

export function layer(io: Io, dir: string) {
  const templates: Record<string, string> = {};
  for (const f of io.listDir(dir)) if (f.endsWith(".hbs")) templates[f] = io.readFile(path.join(dir, f)) ?? "";
  const pj = io.readFile(path.join(dir, "profile.json"));
  return { origin: dir, templates, ...(pj !== undefined ? { profileJson: pj } : {}) };
}

/** The profiles of the package: the folders of templates/ with a profile.json. */
export function profileNames(io: Io): string[] {
  return io.listDir(TEMPLATES).filter((n) => io.exists(path.join(TEMPLATES, n, "profile.json")));
}

/** A profile's layers, the one it extends first; or why they cannot be read. */
export function profileLayers(io: Io, name: string, seen = new Set<string>()): ReturnType<typeof layer>[] | string {
  if (seen.has(name)) return `profile ${name} extends itself`;
  seen.add(name);
  const dir = path.join(TEMPLATES, name);
  if (!io.exists(path.join(dir, "profile.json"))) return `no profile '${name}' (profiles: ${profileNames(io).join(", ")})`;
  const l = layer(io, dir);
  const base = l.profileJson ? profileExtends(l.profileJson) : undefined;
  if (!base) return [l];
  const b = profileLayers(io, base, seen);
  return typeof b === "string" ? b : [...b, l];
}

/** A profile with an optional override folder, loaded; or the problem to print. */
export function readProfile(io: Io, name: string, templates?: string): { profile: LoadedProfile } | { problem: string } {
  const layers = profileLayers(io, name);
  if (typeof layers === "string") return { problem: layers };
  if (templates) layers.push(layer(io, templates));
  const { profile, problems } = loadProfile(layers);
  if (!profile) return { problem: `the profile has problems:\n${problems.map((p) => `  - ${p}\n`).join("")}` };
  return { profile };
}
