/**
 * Deterministic zip packages. An xlsx or docx file is a zip of XML parts, and the
 * libraries that write them stamp each entry with the time of writing (and the docx
 * library its document properties too). `normaliseZip` rewrites such a package with
 * every entry in the library's own (fixed) order, one fixed date and time, no extra
 * fields, and each part recompressed the same way, after an optional rewrite of a
 * part's text: so the same publication gives the same bytes on every build.
 *
 * Only the zip features these libraries write are read: stored and deflated entries, no
 * encryption, no zip64, no multi-disk archives. Anything else is a bug of ours, not bad
 * input: the input is a library's fresh output.
 */
import { crc32, deflateRawSync, inflateRawSync } from "node:zlib";
import { invariant } from "../base/invariant.js";

export interface ZipEntry {
  readonly name: string;
  readonly data: Uint8Array;
}

/** Reads the entries of a zip archive, in the order of its central directory. */
export function readZip(zip: Uint8Array): ZipEntry[] {
  const v = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  // The end-of-central-directory record: its signature within the last 64 KiB + 22 bytes.
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (v.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  invariant(eocd >= 0, "not a zip archive: no end of central directory");
  const count = v.getUint16(eocd + 10, true);
  let p = v.getUint32(eocd + 16, true);
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder("utf-8");
  for (let i = 0; i < count; i++) {
    invariant(v.getUint32(p, true) === 0x02014b50, "a zip central directory entry is damaged");
    const flags = v.getUint16(p + 8, true);
    const method = v.getUint16(p + 10, true);
    const compressed = v.getUint32(p + 20, true);
    const nameLen = v.getUint16(p + 28, true);
    const extraLen = v.getUint16(p + 30, true);
    const commentLen = v.getUint16(p + 32, true);
    const local = v.getUint32(p + 42, true);
    const name = decoder.decode(zip.subarray(p + 46, p + 46 + nameLen));
    invariant((flags & 1) === 0, `zip entry ${name} is encrypted`);
    invariant(v.getUint32(local, true) === 0x04034b50, `zip entry ${name} has no local header`);
    const start = local + 30 + v.getUint16(local + 26, true) + v.getUint16(local + 28, true);
    const raw = zip.subarray(start, start + compressed);
    invariant(method === 0 || method === 8, `zip entry ${name} uses compression method ${method}`);
    entries.push({ name, data: method === 0 ? raw.slice() : new Uint8Array(inflateRawSync(raw)) });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** The MS-DOS date and time fields of a zip header for a date (UTC, to the even second). */
function dosDateTime(d: Date): { date: number; time: number } {
  const year = Math.max(1980, d.getUTCFullYear());
  return {
    date: ((year - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | (d.getUTCSeconds() >> 1),
  };
}

/** Writes entries as a zip archive, in the order given, each deflated, all with one date. */
export function writeZip(entries: readonly ZipEntry[], date: Date): Uint8Array {
  const { date: dosDate, time: dosTime } = dosDateTime(date);
  const encoder = new TextEncoder();
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = encoder.encode(e.name);
    // Bit 11: the name is UTF-8.
    const flags = /^[\x20-\x7e]*$/.test(e.name) ? 0 : 0x0800;
    const body = new Uint8Array(deflateRawSync(e.data, { level: 9 }));
    const crc = crc32(e.data) >>> 0;
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(6, flags, true);
    lv.setUint16(8, 8, true);
    lv.setUint16(10, dosTime, true);
    lv.setUint16(12, dosDate, true);
    lv.setUint32(14, crc, true);
    lv.setUint32(18, body.length, true);
    lv.setUint32(22, e.data.length, true);
    lv.setUint16(26, name.length, true);
    lv.setUint16(28, 0, true);
    local.set(name, 30);
    const dir = new Uint8Array(46 + name.length);
    const dv = new DataView(dir.buffer);
    dv.setUint32(0, 0x02014b50, true);
    dv.setUint16(4, 20, true);
    dv.setUint16(6, 20, true);
    dv.setUint16(8, flags, true);
    dv.setUint16(10, 8, true);
    dv.setUint16(12, dosTime, true);
    dv.setUint16(14, dosDate, true);
    dv.setUint32(16, crc, true);
    dv.setUint32(20, body.length, true);
    dv.setUint32(24, e.data.length, true);
    dv.setUint16(28, name.length, true);
    dv.setUint32(42, offset, true);
    dir.set(name, 46);
    chunks.push(local, body);
    central.push(dir);
    offset += local.length + body.length;
  }
  const dirSize = central.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, dirSize, true);
  ev.setUint32(16, offset, true);
  const all = [...chunks, ...central, end];
  const out = new Uint8Array(all.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of all) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/**
 * Rewrites a zip package deterministically: the same entries in the same order, dated
 * `date`, each part's text passed through `rewrite` (by part name) when given.
 */
export function normaliseZip(zip: Uint8Array, date: Date, rewrite: (name: string, text: string) => string = (_n, t) => t): Uint8Array {
  const decoder = new TextDecoder("utf-8");
  const encoder = new TextEncoder();
  const entries = readZip(zip).map((e) => {
    if (!/\.(xml|rels)$/.test(e.name)) return e;
    const text = decoder.decode(e.data);
    const next = rewrite(e.name, text);
    return next === text ? e : { name: e.name, data: encoder.encode(next) };
  });
  return writeZip(entries, date);
}

/**
 * The document properties of an OOXML package (docProps/core.xml) with its created and
 * modified dates set to `date`, whatever the library wrote there.
 */
export function fixCoreDates(name: string, text: string, date: Date): string {
  if (name !== "docProps/core.xml") return text;
  const iso = date.toISOString().replace(/\.\d{3}Z$/, "Z");
  return text.replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:(?:created|modified)>)/g, `$1${iso}$2`);
}
