/**
 * Source hosts for the loader: the file system through an Io, with each file read once,
 * and a Sources view of the loaded texts for reports. A CSV file (a catalogue a budget
 * names) is decoded from UTF-8 or GB18030, the encodings spreadsheets save CSV in.
 */
import type { SourceText } from "../base/source.js";
import type { SourceHost } from "../syntax/load.js";
import type { Io } from "./io.js";
import type { Sources } from "./report.js";
import { decodeCsv } from "../catalogue/sheet.js";

export function fsHost(io: Io): SourceHost & Sources {
  const cache = new Map<string, SourceText | null>();
  const get = (p: string): SourceText | undefined => {
    let v = cache.get(p);
    if (v === undefined) {
      const bytes = /\.csv$/i.test(p) ? io.readBytes(p) : undefined;
      const text = bytes ? decodeCsv(bytes).text : io.readFile(p);
      v = text === undefined ? null : { path: p, text };
      cache.set(p, v);
    }
    return v ?? undefined;
  };
  return {
    read: (p) => get(p)?.text,
    get,
  };
}
