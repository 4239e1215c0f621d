/**
 * A Language Server Protocol client for tests: spawns `node bin/yusuan.js lsp` as an
 * editor would, talks JSON-RPC to it over stdio (vscode-jsonrpc), and records the
 * diagnostics it publishes, so a test can wait for the next ones of a document.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { pathToFileURL } from "node:url";
import rpc from "vscode-jsonrpc/node";

export interface Position {
  line: number;
  character: number;
}
export interface Range {
  start: Position;
  end: Position;
}
export interface LspDiagnostic {
  range: Range;
  severity: number;
  code: string;
  message: string;
  relatedInformation?: { location: { uri: string; range: Range }; message: string }[];
  data?: unknown;
}
export interface TextEdit {
  range: Range;
  newText: string;
}

export const uriOf = (p: string): string => pathToFileURL(p).href;

export class LspClient {
  private readonly child: ChildProcess;
  readonly connection: rpc.MessageConnection;
  private readonly waiting: { uri: string; until: (d: LspDiagnostic[]) => boolean; resolve: (d: LspDiagnostic[]) => void }[] = [];
  /** The latest diagnostics of each document. */
  readonly diagnostics = new Map<string, LspDiagnostic[]>();
  private readonly versions = new Map<string, number>();
  /** The text of each open document, kept in step with the edits sent. */
  readonly texts = new Map<string, string>();

  /** Starts a server: `node bin/yusuan.js lsp` unless another script and arguments are named. */
  constructor(argv: string[] = ["bin/yusuan.js", "lsp"]) {
    this.child = spawn(process.execPath, argv, { stdio: ["pipe", "pipe", "inherit"] });
    this.connection = rpc.createMessageConnection(new rpc.StreamMessageReader(this.child.stdout!), new rpc.StreamMessageWriter(this.child.stdin!));
    this.connection.onNotification("textDocument/publishDiagnostics", (p: { uri: string; diagnostics: LspDiagnostic[] }) => {
      this.diagnostics.set(p.uri, p.diagnostics);
      for (let i = this.waiting.length - 1; i >= 0; i--) {
        const w = this.waiting[i]!;
        if (w.uri === p.uri && w.until(p.diagnostics)) this.waiting.splice(i, 1)[0]!.resolve(p.diagnostics);
      }
    });
    this.connection.listen();
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  /**
   * The next diagnostics published for a document that `until` accepts (by default, any).
   * Checks of earlier edits may still be publishing, so a test waits for the state it
   * expects rather than for the next message.
   */
  nextDiagnostics(uri: string, until: (d: LspDiagnostic[]) => boolean = () => true, timeoutMs = 5000): Promise<LspDiagnostic[]> {
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`no such diagnostics for ${uri} within ${timeoutMs} ms; the last were ${JSON.stringify(this.diagnostics.get(uri)?.map((d) => d.code))}`)), timeoutMs);
      this.waiting.push({ uri, until, resolve: (d) => (clearTimeout(t), resolve(d)) });
    });
  }

  /** The next diagnostics of a document that have one of the codes. */
  reporting(uri: string, code: string): Promise<LspDiagnostic[]> {
    return this.nextDiagnostics(uri, (d) => d.some((x) => x.code === code));
  }

  /** The next publication of no diagnostics for a document. */
  clean(uri: string): Promise<LspDiagnostic[]> {
    return this.nextDiagnostics(uri, (d) => d.length === 0);
  }

  async initialize(root: string, options: Record<string, unknown> = {}): Promise<{ capabilities: Record<string, unknown> }> {
    const r = await this.request<{ capabilities: Record<string, unknown> }>("initialize", {
      processId: process.pid,
      rootUri: uriOf(root),
      workspaceFolders: [{ uri: uriOf(root), name: "budgets" }],
      capabilities: {},
      initializationOptions: options,
    });
    void this.connection.sendNotification("initialized", {});
    return r;
  }

  open(uri: string, text: string): void {
    this.versions.set(uri, 1);
    this.texts.set(uri, text);
    void this.connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "yusuan", version: 1, text } });
  }

  /** Applies edits to an open document, as the editor does, and tells the server. */
  edit(uri: string, edits: TextEdit[]): void {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    this.texts.set(uri, applyEdits(this.texts.get(uri)!, edits));
    void this.connection.sendNotification("textDocument/didChange", { textDocument: { uri, version }, contentChanges: edits.map((e) => ({ range: e.range, text: e.newText })) });
  }

  /** Replaces the first occurrence of `from` in a document with `to`. */
  replace(uri: string, from: string, to: string): void {
    const text = this.texts.get(uri)!;
    const at = text.indexOf(from);
    if (at < 0) throw new Error(`${from} is not in ${uri}`);
    this.edit(uri, [{ range: { start: positionOf(text, at), end: positionOf(text, at + from.length) }, newText: to }]);
  }

  async close(): Promise<void> {
    await this.request("shutdown", null);
    void this.connection.sendNotification("exit");
    await new Promise<void>((resolve) => {
      if (this.child.exitCode !== null) resolve();
      else this.child.once("exit", () => resolve());
    });
    this.connection.dispose();
  }
}

export function positionOf(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  const line = before.split("\n").length - 1;
  return { line, character: offset - (before.lastIndexOf("\n") + 1) };
}

export function offsetOf(text: string, p: Position): number {
  const lines = text.split("\n");
  let o = 0;
  for (let i = 0; i < p.line; i++) o += lines[i]!.length + 1;
  return o + p.character;
}

/** Applies non-overlapping edits, last first. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => offsetOf(text, b.range.start) - offsetOf(text, a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offsetOf(out, e.range.start)) + e.newText + out.slice(offsetOf(out, e.range.end));
  return out;
}

/** The position just after the first occurrence of `needle` (after `after`, when given). */
export function after(text: string, needle: string, from = 0): Position {
  const at = text.indexOf(needle, from);
  if (at < 0) throw new Error(`${needle} not found`);
  return positionOf(text, at + needle.length);
}
