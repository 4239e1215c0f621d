/**
 * The names of the profiles the package holds, without loading the profile code: the
 * command line checks a --profile before it runs anything.
 */
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import type { ProfileSource } from "../model/spec.js";
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
  return { ...(override !== undefined ? { override } : {}), names: profileNames(io), spec: () => undefined };
}
