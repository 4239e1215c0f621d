/**
 * Source hosts for the loader: the file system through an Io, with each file read once
 * and decoded (syntax/encoding.ts: UTF-8, or a recognised other encoding; a CSV file, a
 * catalogue a budget names, from UTF-8 or GB18030, the encodings spreadsheets save CSV in),
 * and a Sources view of the loaded texts for reports. The loader asks `stat` what a file
 * is before it reads it; the view for reports reads (for a code frame) only a regular
 * file within the size limit, so that no report shows what loading refused to read.
 */
import type { SourceText } from "../base/source.js";
import { decodeSource, type SourceEncoding } from "../syntax/encoding.js";
import { MAX_SOURCE_BYTES, type SourceHost } from "../syntax/load.js";
import type { Io } from "./io.js";
import type { Sources } from "./report.js";
import { decodeCsv } from "../catalogue/sheet.js";

/** A file's bytes as the loader reads them: a source decoded (encoding.ts), a CSV as data. */
function decodeFile(p: string, bytes: Uint8Array): SourceText & { encoding: SourceEncoding } {
  // A CSV is data, not source: UTF-8 or GB18030 are both its encodings, neither is a slip.
  if (/\.csv$/i.test(p)) return { path: p, text: decodeCsv(bytes).text, encoding: "utf-8" };
  return { path: p, ...decodeSource(bytes) };
}

/**
 * The file system for the language server: files read afresh each time (they change while
 * it runs), decoded as the command line decodes them, each file's encoding that of its
 * last read, and `stat` so that the editor admits the files `check` admits.
 */
export function liveHost(io: Io): Required<Pick<SourceHost, "read" | "encoding" | "stat">> {
  const encodings = new Map<string, SourceEncoding>();
  return {
    read: (p) => {
      const bytes = io.readBytes(p);
      if (bytes === undefined) return undefined;
      const f = decodeFile(p, bytes);
      encodings.set(p, f.encoding);
      return f.text;
    },
    encoding: (p) => encodings.get(p),
    stat: (p) => io.stat(p),
  };
}

export function fsHost(io: Io): SourceHost & Sources & { encoding(path: string): SourceEncoding | undefined } {
  const cache = new Map<string, (SourceText & { encoding: SourceEncoding }) | null>();
  const get = (p: string): (SourceText & { encoding: SourceEncoding }) | undefined => {
    let v = cache.get(p);
    if (v === undefined) {
      const bytes = io.readBytes(p);
      v = bytes === undefined ? null : decodeFile(p, bytes);
      cache.set(p, v);
    }
    return v ?? undefined;
  };
  return {
    read: (p) => get(p)?.text,
    encoding: (p) => get(p)?.encoding,
    stat: (p) => io.stat(p),
    // A file not read by this host was read by a worker thread, which admitted it, or was refused.
    get: (p) => {
      if (!cache.has(p)) {
        const info = io.stat(p);
        if (!info || info.kind !== "file" || info.size > MAX_SOURCE_BYTES) return undefined;
      }
      return get(p);
    },
  };
}
