/**
 * The names of the profiles the package holds, without loading the profile code: the
 * command line checks a --profile before it runs anything.
 */
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import type { ProfileFacts, ProfileSource } from "../model/spec.js";
import type { Io } from "./io.js";

/** The package's templates/ folder: one folder per profile. */
export const TEMPLATES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../templates");

/** The profiles of the package: the folders of templates/ with a profile.json, sorted. */
export function profileNames(io: Io): string[] {
  return io
    .listDir(TEMPLATES)
    .filter((n) => io.exists(path.join(TEMPLATES, n, "profile.json")))
    .sort();
}

/**
 * The profiles as a command that only checks sees them: their names, for the 公开格式 a
 * budget gives, and no spec (nothing is published, so no template is read).
 */
export function profileNamesOnly(io: Io, override?: string): ProfileSource {
  const facts = new Map<string, ProfileFacts | undefined>();
  return {
    ...(override !== undefined ? { override } : {}),
    names: profileNames(io),
    spec: () => undefined,
    facts: (name) => {
      if (!facts.has(name)) facts.set(name, profileFacts(io, name));
      return facts.get(name);
    },
  };
}

/**
 * A profile's `facts`, read from its profile.json and those it extends (a later list
 * replaces an earlier one) without the profile schema: a check reads no more than this.
 * Undefined when a profile.json cannot be read; the build reports why.
 */
export function profileFacts(io: Io, name: string, seen = new Set<string>()): ProfileFacts | undefined {
  if (seen.has(name)) return undefined;
  seen.add(name);
  const text = io.readFile(path.join(TEMPLATES, name, "profile.json"));
  if (text === undefined) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof json !== "object" || json === null) return undefined;
  const p = json as { extends?: unknown; facts?: Record<string, unknown> };
  const base = typeof p.extends === "string" ? profileFacts(io, p.extends, seen) : undefined;
  const list = (k: "printed" | "derived" | "unprinted"): readonly string[] => {
    const v = p.facts?.[k];
    return Array.isArray(v) && v.every((x) => typeof x === "string") ? (v as string[]) : (base?.[k] ?? []);
  };
  const precision = typeof p.facts?.["precision"] === "string" ? (p.facts["precision"] as string) : base?.precision;
  return { printed: list("printed"), derived: list("derived"), unprinted: list("unprinted"), ...(precision ? { precision } : {}) };
}
