/**
 * The version of yusuan: package.json's, for `--version` and the build cache's key.
 * Light, for the start-up path of every command.
 */
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import type { Io } from "./io.js";

/** package.json beside the compiled code (dist/cli/ or dist/bundle/, two folders up). */
const PACKAGE_JSON = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../package.json");

/** The package's version, or "unknown" when package.json cannot be read. */
export function packageVersion(io: Io): string {
  const text = io.readFile(PACKAGE_JSON);
  try {
    return text === undefined ? "unknown" : String((JSON.parse(text) as { version?: string }).version ?? "unknown");
  } catch {
    return "unknown";
  }
}
