/**
 * Source hosts for the loader: the file system through an Io, with each file read once,
 * and a Sources view of the loaded texts for reports. The loader asks `stat` what a file
 * is before it reads it; the view for reports reads (for a code frame) only a regular
 * file within the size limit, so that no report shows what loading refused to read.
 */
import type { SourceText } from "../base/source.js";
import { MAX_SOURCE_BYTES, type SourceHost } from "../syntax/load.js";
import type { Io } from "./io.js";
import type { Sources } from "./report.js";

export function fsHost(io: Io): SourceHost & Sources {
  const cache = new Map<string, SourceText | null>();
  const get = (p: string): SourceText | undefined => {
    let v = cache.get(p);
    if (v === undefined) {
      const text = io.readFile(p);
      v = text === undefined ? null : { path: p, text };
      cache.set(p, v);
    }
    return v ?? undefined;
  };
  return {
    read: (p) => get(p)?.text,
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
