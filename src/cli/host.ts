/**
 * Source hosts for the loader: the file system through an Io, with each file read once
 * and decoded (syntax/encoding.ts: UTF-8, or a recognised other encoding), and a
 * Sources view of the loaded texts for reports.
 */
import type { SourceText } from "../base/source.js";
import { decodeSource, type SourceEncoding } from "../syntax/encoding.js";
import type { SourceHost } from "../syntax/load.js";
import type { Io } from "./io.js";
import type { Sources } from "./report.js";

export function fsHost(io: Io): SourceHost & Sources & { encoding(path: string): SourceEncoding | undefined } {
  const cache = new Map<string, (SourceText & { encoding: SourceEncoding }) | null>();
  const get = (p: string): (SourceText & { encoding: SourceEncoding }) | undefined => {
    let v = cache.get(p);
    if (v === undefined) {
      const bytes = io.readBytes(p);
      v = bytes === undefined ? null : { path: p, ...decodeSource(bytes) };
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
