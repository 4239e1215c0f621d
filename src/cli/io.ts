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
  out(text: string): void;
  err(text: string): void;
  /** The text of a regular file; undefined for anything else (a named pipe is never opened), or when it cannot be read. */
  readFile(p: string): string | undefined;
  /** What a path is (its kind, size and real path), without opening it; undefined when nothing is there. */
  stat(p: string): FileInfo | undefined;
  /** Writes atomically: a temporary file in the same folder, then a rename. */
  writeFile(p: string, content: string | Uint8Array): void;
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
    env: process.env,
    isTTY: Boolean(process.stdout.isTTY),
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
    stat: (p) => {
      try {
        const s = fs.statSync(p);
        const kind = s.isFile() ? "file" : s.isDirectory() ? "directory" : s.isFIFO() ? "fifo" : s.isCharacterDevice() || s.isBlockDevice() ? "device" : s.isSocket() ? "socket" : "other";
        return { kind, size: s.size, realPath: fs.realpathSync.native(p).replace(/\\/g, "/") };
      } catch {
        return undefined;
      }
    },
    writeFile: (p, content) => atomicWrite(p, content),
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

export function atomicWrite(p: string, content: string | Uint8Array): void {
  const dir = path.dirname(p);
  fs.mkdirSync(dir, { recursive: true });
  const tmp = path.join(dir, `.${path.basename(p)}.${process.pid}.${Date.now()}.tmp`);
  try {
    fs.writeFileSync(tmp, content);
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

/** An in-memory Io for tests. */
export function memoryIo(files: Record<string, string>, opts: { isTTY?: boolean; env?: Record<string, string> } = {}): Io & { stdout: string; stderr: string; files: Record<string, string> } {
  const io = {
    cwd: "/",
    env: opts.env ?? {},
    isTTY: opts.isTTY ?? false,
    stdout: "",
    stderr: "",
    files: { ...files },
    out(t: string) {
      io.stdout += t;
    },
    err(t: string) {
      io.stderr += t;
    },
    readFile: (p: string) => io.files[p],
    // Files in memory are regular files where they are named; a folder is any path with files below it.
    stat: (p: string): FileInfo | undefined => {
      const abs = path.posix.resolve("/", p);
      const text = io.files[p];
      if (text !== undefined) return { kind: "file", size: Buffer.byteLength(text), realPath: abs };
      const below = abs === "/" ? "/" : `${abs}/`;
      return Object.keys(io.files).some((f) => path.posix.resolve("/", f).startsWith(below)) ? { kind: "directory", size: 0, realPath: abs } : undefined;
    },
    writeFile: (p: string, c: string | Uint8Array) => {
      io.files[p] = typeof c === "string" ? c : Buffer.from(c).toString("utf8");
    },
    exists: (p: string) => p in io.files,
    remove: (p: string) => {
      delete io.files[p];
    },
    move: (from: string, to: string) => {
      const content = io.files[from];
      if (content === undefined) throw new Error(`no file ${from}`);
      io.files[to] = content;
      delete io.files[from];
    },
    removeTree: (p: string) => {
      for (const f of Object.keys(io.files)) if (f === p || f.startsWith(`${p}/`)) delete io.files[f];
    },
    listDir: (p: string) => {
      const pre = p === "." || p === "" ? "" : p.endsWith("/") ? p : p + "/";
      return [...new Set(Object.keys(io.files).filter((f) => f.startsWith(pre)).map((f) => f.slice(pre.length).split("/")[0]!))].sort();
    },
  };
  return io;
}
