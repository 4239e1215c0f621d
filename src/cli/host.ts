/**
 * Source hosts for the loader: the file system through an Io, with each file read once
 * and decoded (syntax/encoding.ts: UTF-8, or a recognised other encoding; a CSV file, a
 * catalogue a budget names, from UTF-8 or GB18030, the encodings spreadsheets save CSV in),
 * and a Sources view of the loaded texts for reports.
 */
import type { SourceText } from "../base/source.js";
import { decodeSource, type SourceEncoding } from "../syntax/encoding.js";
import type { SourceHost } from "../syntax/load.js";
import type { Io } from "./io.js";
import type { Sources } from "./report.js";
import { decodeCsv } from "../catalogue/sheet.js";

export function fsHost(io: Io): SourceHost & Sources & { encoding(path: string): SourceEncoding | undefined } {
  const cache = new Map<string, (SourceText & { encoding: SourceEncoding }) | null>();
  const get = (p: string): (SourceText & { encoding: SourceEncoding }) | undefined => {
    let v = cache.get(p);
    if (v === undefined) {
      const bytes = io.readBytes(p);
      if (bytes === undefined) v = null;
      else if (/\.csv$/i.test(p)) {
        // A CSV is data, not source: UTF-8 or GB18030 are both its encodings, neither is a slip.
        const csv = decodeCsv(bytes);
        v = { path: p, text: csv.text, encoding: "utf-8" };
      } else v = { path: p, ...decodeSource(bytes) };
      cache.set(p, v);
    }
    return v ?? undefined;
  };
  return {
    read: (p) => get(p)?.text,
    encoding: (p) => get(p)?.encoding,
    get,
  };
}
