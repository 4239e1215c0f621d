/**
 * The language server: the Language Server Protocol over a connection the CLI makes
 * (`yusuan lsp`, over stdio). It keeps a Workspace of the open documents, re-checks the
 * budgets a change touches after a short pause in typing, and publishes every file's
 * diagnostics; it answers hovers, completion, definitions, the outline, formatting,
 * quick fixes and renames from the same workspace.
 *
 * The pause scales with the work: it lasts as long as the last check took, at least
 * MIN_DEBOUNCE_MS and at most MAX_DEBOUNCE_MS, so a small budget is re-checked almost at
 * once and a large one is not re-checked on every keystroke. Requests that read the
 * checked budget (hover, definition, quick fixes, rename) first run any check still
 * waiting, so that they answer for the text the editor shows.
 */
import { fileURLToPath, pathToFileURL } from "node:url";
import { posix } from "node:path";
import {
  CodeActionKind,
  DiagnosticSeverity,
  LSPErrorCodes,
  ResponseError,
  TextDocumentSyncKind,
  TextDocuments,
  type CodeAction,
  type Connection,
  type Diagnostic as LspDiagnostic,
  type DocumentSymbol,
  type InitializeResult,
  type Range,
  type TextEdit,
  type WorkspaceEdit,
} from "vscode-languageserver";
import { TextDocument } from "vscode-languageserver-textdocument";
import { hasErrors, type Diagnostic } from "../base/diagnostics.js";
import type { Span } from "../base/source.js";
import { normalisePath } from "../syntax/load.js";
import { parse } from "../syntax/parse.js";
import { print } from "../syntax/printer.js";
import { completionAt } from "./completion.js";
import { hoverAt, type Lang } from "./hover.js";
import { definitionAt, outline, projectNameAt, renameProject, type OutlineSymbol } from "./navigate.js";
import { Workspace, type FileSystem } from "./workspace.js";
import type { ProfileSource } from "../model/spec.js";

export const MIN_DEBOUNCE_MS = 10;
export const MAX_DEBOUNCE_MS = 300;

export interface ServerOptions {
  readonly fs: FileSystem;
  readonly lang: Lang;
  /** A clock in milliseconds, for the debounce. */
  readonly now: () => number;
  /** The folder of the diagnostics' explanations (docs/diagnostics), linked from each diagnostic. */
  readonly docs?: string;
  /** The profiles there are, for the 公开格式 a budget names. */
  readonly profiles?: ProfileSource;
}

/** Settings a client may pass in `initializationOptions`. */
interface InitOptions {
  lang?: Lang;
  /** A fixed pause before re-checking, instead of the adaptive one. */
  debounceMs?: number;
}

const SEVERITY = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information } as const;

export function startServer(connection: Connection, options: ServerOptions): void {
  const documents = new TextDocuments(TextDocument);
  let lang: Lang = options.lang;
  let fixedDebounce: number | undefined;
  let ws = new Workspace(options.fs, [], undefined, options.profiles);
  // The URI the client used for each path, so that what is sent back names the same document.
  const uris = new Map<string, string>();
  const pathOf = (uri: string): string => {
    const p = uri.startsWith("file:") ? normalisePath(fileURLToPath(uri)) : uri;
    if (!uris.has(p)) uris.set(p, uri);
    return p;
  };
  const uriOf = (path: string): string => uris.get(path) ?? (path.startsWith("/") || /^[A-Za-z]:\//.test(path) ? pathToFileURL(path).href : path);

  const rangeOf = (span: Span): Range => {
    const ix = ws.lineIndex(span.file);
    return ix ? ix.range(span.start, span.end) : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  };
  const link = (span: Span): string => `${uriOf(span.file)}#L${rangeOf(span).start.line + 1}`;

  const toLsp = (d: Diagnostic): LspDiagnostic => ({
    range: rangeOf(d.span),
    severity: SEVERITY[d.severity],
    code: d.code,
    ...(options.docs ? { codeDescription: { href: pathToFileURL(posix.join(options.docs, `${d.code}.md`)).href } } : {}),
    source: "yusuan",
    message: d.hint ? `${d.message[lang]}\n${lang === "zh" ? "提示" : "hint"}: ${d.hint[lang]}` : d.message[lang],
    ...(d.related.length ? { relatedInformation: d.related.map((r) => ({ location: { uri: uriOf(r.span.file), range: rangeOf(r.span) }, message: r.message[lang] })) } : {}),
    ...(d.fix ? { data: { fix: { title: d.fix.title[lang], uri: uriOf(d.fix.span.file), range: rangeOf(d.fix.span), newText: d.fix.replacement } } } : {}),
  });

  /* Checking and publishing ---------------------------------------------------------- */

  const pending = new Map<string, { saved: boolean }>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastCheckMs = 0;

  const changed = (path: string, saved = false): void => {
    const was = pending.get(path);
    pending.set(path, { saved: saved || (was?.saved ?? false) });
    if (timer) clearTimeout(timer);
    const delay = fixedDebounce ?? Math.min(MAX_DEBOUNCE_MS, Math.max(MIN_DEBOUNCE_MS, Math.ceil(lastCheckMs)));
    timer = setTimeout(flush, delay);
  };

  /** Runs the checks waiting for a pause, at once, and publishes what changed. */
  function flush(): void {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (!pending.size) return;
    const work = [...pending];
    pending.clear();
    const entries = new Set<string>();
    for (const [path, { saved }] of work) {
      for (const e of ws.entriesOf(path)) {
        // A roll-up checks all its departments: only its own edits and saves re-check it.
        const kind = ws.checked().find((c) => c.entry === e)?.kind;
        if (kind === "rollup" && e !== path && !saved) continue;
        entries.add(e);
      }
    }
    const files = new Set<string>();
    let ms = 0;
    for (const e of entries) {
      const before = ws.checked().find((c) => c.entry === e);
      for (const f of before?.files ?? []) files.add(f);
      const after = ws.check(e);
      ms += after.ms;
      for (const f of after.files) files.add(f);
    }
    lastCheckMs = ms;
    for (const f of work.map(([p]) => p)) files.add(f);
    for (const f of files) publish(f);
  }

  // Every file a check read is published, with no diagnostics too: that clears what an
  // earlier check reported, and tells the editor the file was checked.
  const publish = (path: string): void => {
    void connection.sendDiagnostics({ uri: uriOf(path), diagnostics: ws.diagnosticsOf(path).map(toLsp) });
  };

  /* Lifecycle ------------------------------------------------------------------------- */

  connection.onInitialize((params): InitializeResult => {
    const init = (params.initializationOptions ?? {}) as InitOptions;
    if (init.lang === "zh" || init.lang === "en") lang = init.lang;
    if (typeof init.debounceMs === "number" && init.debounceMs >= 0) fixedDebounce = init.debounceMs;
    const roots = (params.workspaceFolders ?? []).map((f) => pathOf(f.uri));
    if (!roots.length && params.rootUri) roots.push(pathOf(params.rootUri));
    ws = new Workspace(options.fs, roots, options.now, options.profiles);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        hoverProvider: true,
        completionProvider: { triggerCharacters: [" ", '"'] },
        definitionProvider: true,
        documentSymbolProvider: true,
        documentFormattingProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        renameProvider: { prepareProvider: true },
      },
      serverInfo: { name: "yusuan" },
    };
  });

  documents.onDidChangeContent((e) => {
    const path = pathOf(e.document.uri);
    ws.setDocument(path, e.document.getText());
    changed(path);
  });
  documents.onDidSave((e) => changed(pathOf(e.document.uri), true));
  documents.onDidClose((e) => {
    const path = pathOf(e.document.uri);
    ws.closeDocument(path);
    changed(path, true);
  });
  connection.onDidChangeWatchedFiles((p) => {
    for (const c of p.changes) {
      const path = pathOf(c.uri);
      if (ws.isOpen(path)) continue;
      changed(path, true);
    }
  });

  /* Requests -------------------------------------------------------------------------- */

  connection.onHover((p) => {
    flush();
    const path = pathOf(p.textDocument.uri);
    const ix = ws.lineIndex(path);
    if (!ix) return null;
    const md = hoverAt(ws, path, ix.offset(p.position), lang, link);
    return md ? { contents: { kind: "markdown", value: md } } : null;
  });

  connection.onCompletion((p) => {
    const path = pathOf(p.textDocument.uri);
    const ix = ws.lineIndex(path);
    if (!ix) return null;
    return completionAt(ws, path, ix.offset(p.position), lang);
  });

  connection.onDefinition((p) => {
    flush();
    const path = pathOf(p.textDocument.uri);
    const ix = ws.lineIndex(path);
    if (!ix) return null;
    return definitionAt(ws, path, ix.offset(p.position)).map((s) => ({ uri: uriOf(s.file), range: rangeOf(s) }));
  });

  connection.onDocumentSymbol((p) => {
    const path = pathOf(p.textDocument.uri);
    const ix = ws.lineIndex(path);
    if (!ix) return null;
    const convert = (s: OutlineSymbol): DocumentSymbol => ({
      name: s.name,
      detail: s.detail,
      kind: s.kind,
      range: ix.range(s.start, s.end),
      selectionRange: ix.range(s.selStart, s.selEnd),
      children: s.children.map(convert),
    });
    return outline(ws, path).map(convert);
  });

  connection.onDocumentFormatting((p): TextEdit[] | null => {
    const path = pathOf(p.textDocument.uri);
    const text = ws.text(path);
    if (text === undefined) return null;
    const parsed = parse(path, text);
    // Text with syntax errors is not formatted: the printer would drop what it could not read.
    if (hasErrors(parsed.diagnostics)) return [];
    const out = print(parsed.file);
    if (out === text) return [];
    return [{ range: ws.lineIndex(path)!.range(0, text.length), newText: out }];
  });

  connection.onCodeAction((p): CodeAction[] => {
    flush();
    const path = pathOf(p.textDocument.uri);
    const ix = ws.lineIndex(path);
    if (!ix) return [];
    const from = ix.offset(p.range.start);
    const to = ix.offset(p.range.end);
    const actions: CodeAction[] = [];
    for (const d of ws.diagnosticsOf(path)) {
      if (!d.fix || d.span.end < from || d.span.start > to) continue;
      const edit: WorkspaceEdit = { changes: { [uriOf(d.fix.span.file)]: [{ range: rangeOf(d.fix.span), newText: d.fix.replacement }] } };
      actions.push({ title: d.fix.title[lang], kind: CodeActionKind.QuickFix, diagnostics: [toLsp(d)], isPreferred: true, edit });
    }
    return actions;
  });

  connection.onPrepareRename((p) => {
    flush();
    const path = pathOf(p.textDocument.uri);
    const ix = ws.lineIndex(path);
    const at = ix ? projectNameAt(ws, path, ix.offset(p.position)) : undefined;
    if (!at) return null;
    // The name inside its quotes is what the editor offers to change.
    return { range: rangeOf({ ...at.span, start: at.span.start + 1, end: at.span.end - 1 }), placeholder: at.name };
  });

  connection.onRenameRequest((p) => {
    flush();
    const path = pathOf(p.textDocument.uri);
    const ix = ws.lineIndex(path);
    if (!ix) return null;
    const r = renameProject(ws, path, ix.offset(p.position), p.newName);
    if (!r) return new ResponseError(LSPErrorCodes.RequestFailed, lang === "zh" ? "这里没有可以改名的项目名称" : "there is no project name here to rename");
    if ("problem" in r) return new ResponseError(LSPErrorCodes.RequestFailed, r.problem[lang]);
    const changes: Record<string, TextEdit[]> = {};
    for (const e of r.edits) (changes[uriOf(e.span.file)] ??= []).push({ range: rangeOf(e.span), newText: e.text });
    return { changes };
  });

  documents.listen(connection);
}
