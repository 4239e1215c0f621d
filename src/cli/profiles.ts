/**
 * Reading a publication profile from templates/<name>/ (and the folders it extends), with
 * an optional folder of templates that override single ones: the files a profile is made
 * of, for render/profile.ts to merge and validate.
 */
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { loadProfile, profileExtends, type LoadedProfile, type ProfileLayer } from "../render/profile.js";
import type { Io } from "./io.js";

const TEMPLATES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../templates");

function layer(io: Io, dir: string): ProfileLayer {
  const templates: Record<string, string> = {};
  for (const f of io.listDir(dir)) if (f.endsWith(".hbs")) templates[f] = io.readFile(path.join(dir, f)) ?? "";
  const pj = io.readFile(path.join(dir, "profile.json"));
  return { origin: dir, templates, ...(pj !== undefined ? { profileJson: pj } : {}) };
}

function profileLayers(io: Io, name: string, seen = new Set<string>()): ProfileLayer[] | string {
  if (seen.has(name)) return `profile ${name} extends itself`;
  seen.add(name);
  const dir = path.join(TEMPLATES, name);
  if (!io.exists(path.join(dir, "profile.json"))) return `no profile '${name}' (profiles: ${io.listDir(TEMPLATES).join(", ")})`;
  const l = layer(io, dir);
  const base = l.profileJson ? profileExtends(l.profileJson) : undefined;
  if (!base) return [l];
  const b = profileLayers(io, base, seen);
  return typeof b === "string" ? b : [...b, l];
}

/** The profile `name`, with `templates` overriding single templates; or what is wrong with it. */
export function readProfile(io: Io, name: string, templates?: string): { profile: LoadedProfile } | { problem: string } {
  const layers = profileLayers(io, name);
  if (typeof layers === "string") return { problem: layers };
  if (templates) layers.push(layer(io, templates));
  const { profile, problems } = loadProfile(layers);
  if (!profile) return { problem: `the profile has problems:\n${problems.map((p) => `  - ${p}\n`).join("")}` };
  return { profile };
}
