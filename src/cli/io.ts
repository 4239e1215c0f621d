/**
 * The only place that touches the outside world. Commands receive an `Io` so that tests
 * run them in-process with files in memory and captured output.
 */
import * as fs from "node:fs";
import * as path from "node:path";

export interface Io {
  readonly cwd: string;
  /** True when output goes to a terminal: colour and code frames are for people. */
  readonly isTTY: boolean;
  out(text: string): void;
  err(text: string): void;
  readFile(p: string): string | undefined;
  /** The bytes of a file, for sources, whose encoding is recognised (syntax/encoding.ts). */
  readBytes(p: string): Uint8Array | undefined;
  /** Writes atomically: a temporary file in the same folder, then a rename; `executable` for a script. */
  writeFile(p: string, content: string | Uint8Array, options?: { executable?: boolean }): void;
  exists(p: string): boolean;
  listDir(p: string): string[];
  /** Removes a file if it exists. */
  remove(p: string): void;
  /** Moves a file, making the target's folder; replaces a file already there. */
  move(from: string, to: string): void;
  /** Removes a folder and everything in it, if it exists. */
  removeTree(p: string): void;
}

export function nodeIo(): Io {
  return {
    cwd: process.cwd(),
    isTTY: Boolean(process.stdout.isTTY),
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    readFile: (p) => {
      try {
        return fs.readFileSync(p, "utf8");
      } catch {
        return undefined;
      }
    },
    readBytes: (p) => {
      try {
        return fs.readFileSync(p);
      } catch {
        return undefined;
      }
    },
    writeFile: (p, content, options) => atomicWrite(p, content, options?.executable ? 0o755 : undefined),
    exists: (p) => fs.existsSync(p),
    remove: (p) => fs.rmSync(p, { force: true }),
    move: (from, to) => {
      fs.mkdirSync(path.dirname(to), { recursive: true });
      fs.renameSync(from, to);
    },
    removeTree: (p) => fs.rmSync(p, { recursive: true, force: true }),
    listDir: (p) => {
      try {
        return fs.readdirSync(p).sort();
      } catch {
        return [];
      }
    },
  };
}

export function atomicWrite(p: string, content: string | Uint8Array, mode?: number): void {
  const dir = path.dirname(p);
  fs.mkdirSync(dir, { recursive: true });
  const tmp = path.join(dir, `.${path.basename(p)}.${process.pid}.${Date.now()}.tmp`);
  try {
    fs.writeFileSync(tmp, content);
    if (mode !== undefined) fs.chmodSync(tmp, mode);
    fs.renameSync(tmp, p);
  } catch (e) {
    try {
      fs.unlinkSync(tmp);
    } catch {
      /* the temporary file may not exist */
    }
    throw e;
  }
}

/**
 * An in-memory Io for tests. Files are text (UTF-8) or bytes (a workbook, a source or CSV
 * in another encoding): a Uint8Array given among `files`, or in `opts.bytes`, is kept as
 * bytes; bytes written are kept as bytes too, with their UTF-8 reading as text.
 */
export function memoryIo(
  files: Record<string, string | Uint8Array>,
  opts: { isTTY?: boolean; bytes?: Record<string, Uint8Array> } = {},
): Io & { stdout: string; stderr: string; files: Record<string, string>; bytes: Record<string, Uint8Array> } {
  const text: Record<string, string> = {};
  const binary: Record<string, Uint8Array> = { ...opts.bytes };
  for (const [k, v] of Object.entries(files)) {
    if (typeof v === "string") text[k] = v;
    else binary[k] = v;
  }
  const io = {
    cwd: "/",
    isTTY: opts.isTTY ?? false,
    stdout: "",
    stderr: "",
    files: text,
    bytes: binary,
    out(t: string) {
      io.stdout += t;
    },
    err(t: string) {
      io.stderr += t;
    },
    readFile: (p: string) => io.files[p] ?? (io.bytes[p] ? Buffer.from(io.bytes[p]).toString("utf8") : undefined),
    readBytes: (p: string) => io.bytes[p] ?? (io.files[p] !== undefined ? new Uint8Array(Buffer.from(io.files[p], "utf8")) : undefined),
    writeFile: (p: string, c: string | Uint8Array) => {
      io.files[p] = typeof c === "string" ? c : Buffer.from(c).toString("utf8");
      if (typeof c === "string") delete io.bytes[p];
      else io.bytes[p] = c;
    },
    exists: (p: string) => p in io.files || p in io.bytes,
    remove: (p: string) => {
      delete io.files[p];
      delete io.bytes[p];
    },
    move: (from: string, to: string) => {
      const content = io.files[from];
      if (content === undefined) throw new Error(`no file ${from}`);
      io.files[to] = content;
      delete io.files[from];
      const bytes = io.bytes[from];
      delete io.bytes[to];
      if (bytes) io.bytes[to] = bytes;
      delete io.bytes[from];
    },
    removeTree: (p: string) => {
      for (const f of Object.keys(io.files)) if (f === p || f.startsWith(`${p}/`)) delete io.files[f];
      for (const f of Object.keys(io.bytes)) if (f === p || f.startsWith(`${p}/`)) delete io.bytes[f];
    },
    listDir: (p: string) => {
      const pre = p.endsWith("/") ? p : p + "/";
      return [...new Set([...Object.keys(io.files), ...Object.keys(io.bytes)].filter((f) => f.startsWith(pre)).map((f) => f.slice(pre.length).split("/")[0]!))].sort();
    },
  };
  return io;
}
