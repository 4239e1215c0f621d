/**
 * The only place that touches the outside world. Commands receive an `Io` so that tests
 * run them in-process with files in memory and captured output.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { FileInfo } from "../syntax/load.js";

export interface Io {
  readonly cwd: string;
  /** The environment (the locale variables choose the language of messages). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** True when output goes to a terminal: colour and code frames are for people. */
  readonly isTTY: boolean;
  /** True when stderr is a terminal: a progress line is drawn there, and only then. */
  readonly errTTY?: boolean;
  /** Milliseconds from a fixed point, for the elapsed time and estimate of a progress line. */
  now?(): number;
  out(text: string): void;
  err(text: string): void;
  /** The text of a regular file; undefined for anything else (a named pipe is never opened), or when it cannot be read. */
  readFile(p: string): string | undefined;
  /** The bytes of a regular file (a source, whose encoding is recognised by syntax/encoding.ts; a workbook; a CSV). */
  readBytes(p: string): Uint8Array | undefined;
  /** What a path is (its kind, size and real path), without opening it; undefined when nothing is there. */
  stat(p: string): FileInfo | undefined;
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
  /** Copies a file, making the target's folder; replaces a file already there. */
  copy(from: string, to: string): void;
}

export function nodeIo(): Io {
  return {
    cwd: process.cwd(),
    env: process.env,
    isTTY: Boolean(process.stdout.isTTY),
    errTTY: Boolean(process.stderr.isTTY),
    now: () => performance.now(),
    out: (t) => write(process.stdout, t),
    err: (t) => write(process.stderr, t),
    readFile: (p) => {
      try {
        // Opening a named pipe waits for a writer, and a device may never end: only regular files are read.
        if (!fs.statSync(p).isFile()) return undefined;
        return fs.readFileSync(p, "utf8");
      } catch {
        return undefined;
      }
    },
    readBytes: (p) => {
      try {
        if (!fs.statSync(p).isFile()) return undefined;
        return new Uint8Array(fs.readFileSync(p));
      } catch {
        return undefined;
      }
    },
    stat: (p) => {
      try {
        const s = fs.statSync(p);
        const kind = s.isFile() ? "file" : s.isDirectory() ? "directory" : s.isFIFO() ? "fifo" : s.isCharacterDevice() || s.isBlockDevice() ? "device" : s.isSocket() ? "socket" : "other";
        return { kind, size: s.size, realPath: fs.realpathSync.native(p).replace(/\\/g, "/") };
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
    copy: (from, to) => {
      fs.mkdirSync(path.dirname(to), { recursive: true });
      // A copy-on-write clone where the file system has them, else a plain copy.
      fs.copyFileSync(from, to, fs.constants.COPYFILE_FICLONE);
    },
    listDir: (p) => {
      try {
        return fs.readdirSync(p).sort();
      } catch {
        return [];
      }
    },
  };
}

/** Streams whose reader has gone (`yusuan check … | head -1`): nothing more is written to them. */
const closed = new WeakSet<NodeJS.WritableStream>();
const watched = new WeakSet<NodeJS.WritableStream>();

/**
 * Writes to stdout or stderr. When the reader closes the pipe, the write fails with
 * EPIPE, reported as an 'error' event: without a listener Node would end with a stack
 * trace. The stream is then marked closed and later output is dropped, so the command
 * ends quietly, with its own exit code.
 */
function write(stream: NodeJS.WriteStream, text: string): void {
  if (!watched.has(stream)) {
    watched.add(stream);
    stream.on("error", (e: NodeJS.ErrnoException) => {
      if (e.code === "EPIPE") closed.add(stream);
      else throw e;
    });
  }
  if (!closed.has(stream)) stream.write(text);
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
 * bytes; bytes written are kept as bytes too, with their UTF-8 reading as text. Files are
 * regular files where they are named; a folder is any path with files below it.
 */
export function memoryIo(
  files: Record<string, string | Uint8Array>,
  opts: { isTTY?: boolean; errTTY?: boolean; now?: () => number; bytes?: Record<string, Uint8Array>; env?: Record<string, string> } = {},
): Io & { stdout: string; stderr: string; files: Record<string, string>; bytes: Record<string, Uint8Array> } {
  const text: Record<string, string> = {};
  const binary: Record<string, Uint8Array> = { ...opts.bytes };
  for (const [k, v] of Object.entries(files)) {
    if (typeof v === "string") text[k] = v;
    else binary[k] = v;
  }
  const known = () => [...Object.keys(io.files), ...Object.keys(io.bytes)];
  const io = {
    cwd: "/",
    env: opts.env ?? {},
    isTTY: opts.isTTY ?? false,
    errTTY: opts.errTTY ?? false,
    ...(opts.now ? { now: opts.now } : {}),
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
    stat: (p: string): FileInfo | undefined => {
      const abs = path.posix.resolve("/", p);
      const b = io.bytes[p];
      const t = io.files[p];
      if (b !== undefined) return { kind: "file", size: b.length, realPath: abs };
      if (t !== undefined) return { kind: "file", size: Buffer.byteLength(t), realPath: abs };
      const below = abs === "/" ? "/" : `${abs}/`;
      return known().some((f) => path.posix.resolve("/", f).startsWith(below)) ? { kind: "directory", size: 0, realPath: abs } : undefined;
    },
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
      const bytes = io.bytes[from];
      if (content === undefined && bytes === undefined) throw new Error(`no file ${from}`);
      delete io.files[to];
      delete io.bytes[to];
      if (content !== undefined) io.files[to] = content;
      if (bytes !== undefined) io.bytes[to] = bytes;
      delete io.files[from];
      delete io.bytes[from];
    },
    copy: (from: string, to: string) => {
      const content = io.files[from];
      const bytes = io.bytes[from];
      if (content === undefined && bytes === undefined) throw new Error(`no file ${from}`);
      if (content !== undefined) io.files[to] = content;
      if (bytes !== undefined) io.bytes[to] = bytes;
      else delete io.bytes[to];
    },
    removeTree: (p: string) => {
      for (const f of Object.keys(io.files)) if (f === p || f.startsWith(`${p}/`)) delete io.files[f];
      for (const f of Object.keys(io.bytes)) if (f === p || f.startsWith(`${p}/`)) delete io.bytes[f];
    },
    listDir: (p: string) => {
      const pre = p === "." || p === "" ? "" : p.endsWith("/") ? p : p + "/";
      return [...new Set(known().filter((f) => f.startsWith(pre)).map((f) => f.slice(pre.length).split("/")[0]!))].sort();
    },
  };
  return io;
}
