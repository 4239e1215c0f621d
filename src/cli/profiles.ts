/**
 * Reading a profile's folders for the commands that render (build, serve) or start from
 * one (init): templates/<name>/ in the package, the profiles it extends, and a
 * `--templates DIR` override, each read as a layer for render/profile.ts to merge.
 */
import * as path from "node:path";
import type { ModelSpec, ProfileFacts, ProfileSource } from "../model/spec.js";
import { forYear, loadProfile, modelSpecOf, profileExtends, type LoadedProfile } from "../render/profile.js";
import type { Io } from "./io.js";

import { profileFacts, profileNames, TEMPLATES } from "./profile-names.js";

export { profileNames, TEMPLATES };

export function layer(io: Io, dir: string) {
  const templates: Record<string, string> = {};
  for (const f of io.listDir(dir)) if (f.endsWith(".hbs")) templates[f] = io.readFile(path.join(dir, f)) ?? "";
  const pj = io.readFile(path.join(dir, "profile.json"));
  return { origin: dir, templates, ...(pj !== undefined ? { profileJson: pj } : {}) };
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

/** --profile and --templates as given: what a worker thread needs to read the same profiles. */
export interface ProfileChoice {
  readonly override?: string;
  readonly templates?: string;
}

/**
 * The profiles of one command, each read once: the one --profile names takes the place of
 * each budget's 公开格式; a budget that names none is published in the default. The
 * checker reads the names and each profile's model spec through it (ProfileSource).
 */
export class Profiles implements ProfileSource {
  private readonly read = new Map<string, { profile: LoadedProfile } | { problem: string }>();
  private readonly specs = new Map<string, ModelSpec | undefined>();
  readonly names: readonly string[];

  constructor(
    private readonly io: Io,
    readonly override?: string,
    /** A --templates folder laid over every profile. */
    readonly templates?: string,
  ) {
    this.names = profileNames(io);
  }

  /** The choice of profile as plain data, for the threads that make their own. */
  get choice(): ProfileChoice {
    return { ...(this.override !== undefined ? { override: this.override } : {}), ...(this.templates !== undefined ? { templates: this.templates } : {}) };
  }

  /** The profile a budget is published in, loaded; or the problem to print. */
  forBudget(name: string): { profile: LoadedProfile } | { problem: string } {
    return this.load(name);
  }

  /** A profile, read and merged once; or the problem to print. */
  load(name: string): { profile: LoadedProfile } | { problem: string } {
    let r = this.read.get(name);
    if (!r) {
      r = readProfile(this.io, name, this.templates);
      this.read.set(name, r);
    }
    return r;
  }

  facts(name: string): ProfileFacts | undefined {
    return profileFacts(this.io, name);
  }

  spec(name: string, year?: number): ModelSpec | undefined {
    // The year's variant of the format: a table's columns and filters may change by year,
    // and the model derives what the view of that year prints (render/view.ts forYear).
    const key = `${name}@${year ?? ""}`;
    if (!this.specs.has(key)) {
      const r = this.names.includes(name) ? this.load(name) : undefined;
      this.specs.set(key, r && "profile" in r ? modelSpecOf(year === undefined ? r.profile : forYear(r.profile, year)) : undefined);
    }
    return this.specs.get(key);
  }
}
