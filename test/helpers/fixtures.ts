/**
 * Test helpers for diagnostics fixtures. A fixture states what it expects inline, in
 * comments under the offending line:
 *
 *   一般公共预算 0.60
 *   #            ^^^^ money-unit          (code, line above, column of the first caret)
 *   # expect money-unit                   (code, line above, any column)
 *   # expect-file include-not-found       (code anywhere in the file)
 *
 * Columns count code points, as the JSON output does.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { Diagnostic } from "../../src/base/diagnostics.js";
import { lineCol } from "../../src/base/source.js";
import { checkEntry } from "../../src/check/entry.js";
import { decodeSource, type DecodedSource, type SourceEncoding } from "../../src/syntax/encoding.js";
import { parse } from "../../src/syntax/parser.js";
// A fixture budget may name a JSON catalogue, which needs the file format's schema.
import "../../src/catalogue/file.js";
import { MAX_SOURCE_BYTES, type SourceHost } from "../../src/syntax/load.js";
import { nodeIo } from "../../src/cli/io.js";
import type { ParsedFile } from "../../src/syntax/cst.js";
import { profileNamesOnly } from "../../src/cli/profile-names.js";

/** The package's profiles, for the 公开格式 a fixture names (names only, as check reads them). */
const PROFILES = profileNamesOnly(nodeIo());

export interface Expectation {
  code: string;
  line?: number;
  column?: number;
}

export function expectations(text: string): Expectation[] {
  const lines = text.split("\n");
  const out: Expectation[] = [];
  let lastCode = 0;
  lines.forEach((l, i) => {
    const caret = /^(\s*#\s*)(\^+)\s+([a-z0-9-]+)\s*$/.exec(l);
    const exp = /^\s*#\s*expect\s+([a-z0-9-]+)\s*$/.exec(l);
    const file = /^\s*#\s*expect-file\s+([a-z0-9-]+)\s*$/.exec(l);
    if (caret) out.push({ code: caret[3]!, line: lastCode, column: [...caret[1]!].length + 1 });
    else if (exp) out.push({ code: exp[1]!, line: lastCode });
    else if (file) out.push({ code: file[1]! });
    else if (!/^\s*(#.*)?$/.test(l)) lastCode = i + 1;
  });
  return out;
}

/**
 * Files from disk, decoded as the command line decodes them (syntax/encoding.ts), so
 * that a fixture in another encoding is read as `yusuan check` reads it; and what a path
 * is before it is read, as the CLI's host tells it.
 */
export function diskHost(): SourceHost & { encoding(p: string): SourceEncoding | undefined } {
  const io = nodeIo();
  const cache = new Map<string, DecodedSource | null>();
  const get = (p: string): DecodedSource | undefined => {
    let v = cache.get(p);
    if (v === undefined) {
      const bytes = io.readBytes(p);
      v = bytes === undefined ? null : decodeSource(bytes);
      cache.set(p, v);
    }
    return v ?? undefined;
  };
  return { read: (p) => get(p)?.text, encoding: (p) => get(p)?.encoding, stat: (p) => io.stat(p) };
}

/** What a check read: the files (for positions and code frames). */
export interface Read {
  readonly files: readonly ParsedFile[];
}

/** Checks an entry file (a budget or a roll-up) from disk, keeping the texts it read. */
export function checkFile(p: string): { loaded: Read; diagnostics: Diagnostic[] } {
  const host = diskHost();
  const texts = new Map<string, string>();
  const recording: SourceHost = { read: (q: string) => { const t = host.read(q); if (t !== undefined) texts.set(q, t); return t; }, encoding: host.encoding, stat: host.stat! };
  const diagnostics = checkEntry(p, recording, undefined, { profiles: PROFILES }).diagnostics;
  const files = [p, ...[...texts.keys()].filter((q) => q !== p)].filter((q) => texts.has(q)).map((q) => parse(q, texts.get(q)!).file);
  return { loaded: { files }, diagnostics };
}

export function positioned(d: Diagnostic, loaded: Read): { line: number; column: number } {
  const f = loaded.files.find((x) => x.path === d.span.file);
  if (!f) return { line: 0, column: 0 };
  return lineCol({ path: f.path, text: f.text }, d.span.start);
}

export const FIXTURES = "test/fixtures/diagnostics";

/**
 * Fixture files that cannot be committed, made before the fixtures are checked (and
 * ignored by git): a file one byte above the size limit, written sparse, so that it
 * takes no room on disk.
 */
export function makeGeneratedFixtures(): void {
  const huge = path.join(FIXTURES, "file-too-large", "part-huge.budget");
  if (fs.existsSync(huge) && fs.statSync(huge).size === MAX_SOURCE_BYTES + 1) return;
  fs.writeFileSync(huge, "");
  fs.truncateSync(huge, MAX_SOURCE_BYTES + 1);
}

export function fixtureDirs(): string[] {
  return fs
    .readdirSync(FIXTURES)
    .filter((d) => fs.statSync(path.join(FIXTURES, d)).isDirectory())
    .sort();
}
