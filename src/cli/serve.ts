/**
 * `yusuan serve [FILE|DIR] [--port N]`: a live preview of the publication. An HTTP server
 * on 127.0.0.1 only renders each budget's html on every request (check, derive, render,
 * as `build` does, but nothing is written anywhere), lays the diagnostics over the page
 * with links to their source lines (a numbered source page, and the editor through
 * vscode://file/…), and tells the open pages to reload when a .budget file in a folder
 * it read changes (fs.watch, then a server-sent event). The publication is shown even
 * when the check finds errors: the preview is for the budget being written.
 *
 * Pages: `/` (the budget, or the list when a folder holds several), `/<name>.html` for
 * the budget <name>.budget below the folder served (so a roll-up's index links to its
 * departments as in a build), `/source/<name>.budget` and `/events`. A request whose Host
 * is not this server's own is refused, so that no other site can read the preview
 * through a name that resolves to 127.0.0.1.
 */
import * as fs from "node:fs";
import * as http from "node:http";
import * as path from "node:path";
import type { Diagnostic } from "../base/diagnostics.js";
import { sortDiagnostics } from "../base/diagnostics.js";
import type { SourceText } from "../base/source.js";
import { checkBudget } from "../check/check.js";
import { checkDepartment } from "../check/entry.js";
import { rollupDiagnostics } from "../check/rollup.js";
import { rollupIndex } from "../model/rollup.js";
import { renderDocument, renderRollup } from "../render/render.js";
import { loadEntry } from "../syntax/load.js";
import { loadFullParser } from "../syntax/parse.js";
import { fsHost } from "./host.js";
import type { Io } from "./io.js";
import { esc, indexPage, overlay, previewPage, sourcePage, type SourceLinks } from "./preview.js";
import { Profiles } from "./profiles.js";
import { DEFAULT_PROFILE } from "../model/spec.js";
import type { Lang } from "./report.js";

export interface ServeOptions {
  /** A .budget file, or a folder of them; default the current folder. */
  input?: string;
  port: number;
  /** The profile every page is printed in, in place of each budget's 公开格式. */
  profile?: string;
  templates?: string;
  lang: Lang;
}

/** A running preview, for whoever started it in-process. */
export interface Served {
  readonly url: string;
  close(): Promise<void>;
}

export const DEFAULT_PORT = 7420;

export async function serveCommand(io: Io, o: ServeOptions, started?: (s: Served) => void): Promise<number> {
  const input = path.resolve(io.cwd, o.input ?? ".");
  const isFile = input.endsWith(".budget");
  if (!io.exists(input)) {
    io.err(`yusuan: ${o.lang === "zh" ? `找不到 ${o.input ?? "."}` : `cannot find ${o.input ?? "."}`}\n`);
    return 2;
  }
  const root = isFile ? path.dirname(input) : input;
  const entries = isFile ? [input] : io.listDir(root).filter((f) => f.endsWith(".budget")).map((f) => path.join(root, f));
  if (!entries.length) {
    io.err(`yusuan: ${o.lang === "zh" ? `${o.input ?? "."} 中没有 .budget 文件` : `no .budget files in ${o.input ?? "."}`}\n`);
    return 2;
  }
  const profiles = new Profiles(io, o.profile, o.templates);
  const first = profiles.load(o.profile ?? DEFAULT_PROFILE);
  if ("problem" in first) {
    io.err(`yusuan: ${first.problem}${first.problem.endsWith("\n") ? "" : "\n"}`);
    return 2;
  }
  const profile = first.profile;
  /** A budget's profile; one with problems shows them in place of the page. */
  const profileOf = (name: string) => {
    const r = profiles.load(name);
    if ("problem" in r) throw new Error(r.problem);
    return r.profile;
  };
  // Text being written is often not well formed: the full parser is loaded up front.
  await loadFullParser();

  const rel = (file: string) => path.relative(root, file).split(path.sep).join("/");
  const inside = (file: string) => {
    const r = path.relative(root, file);
    return r !== "" && !r.startsWith("..") && !path.isAbsolute(r);
  };
  const links: SourceLinks = {
    page: (file, line) => (inside(file) ? `/source/${rel(file).split("/").map(encodeURIComponent).join("/")}#L${line}` : undefined),
    absolute: (file) => path.resolve(file),
    label: (file) => (inside(file) ? rel(file) : file),
  };

  const watched = new Map<string, fs.FSWatcher>();
  const clients = new Set<http.ServerResponse>();
  let version = 0;
  let pendingReload: ReturnType<typeof setTimeout> | undefined;
  const reload = () => {
    if (pendingReload) clearTimeout(pendingReload);
    // An editor's save is often several file events: they make one reload.
    pendingReload = setTimeout(() => {
      version++;
      for (const c of clients) c.write(`event: reload\ndata: ${version}\n\n`);
    }, 30);
  };
  const watch = (dir: string) => {
    if (watched.has(dir)) return;
    try {
      const w = fs.watch(dir, (_event, name) => {
        if (!name || String(name).endsWith(".budget")) reload();
      });
      w.on("error", () => watched.delete(dir));
      watched.set(dir, w);
    } catch {
      // A folder that cannot be watched (gone, or no permission): its changes are not seen.
    }
  };
  watch(root);

  /** A budget's page, rendered from the files as they are now; the folders it read are watched. */
  const view = (entry: string): string => {
    const host = fsHost(io);
    const read = new Map<string, SourceText>();
    const recording = {
      read: (p: string) => {
        const s = host.get(p);
        if (s) read.set(p, s);
        return s?.text;
      },
    };
    const loaded = loadEntry(entry, recording);
    let diagnostics: Diagnostic[];
    let html: string | Error;
    let title = path.basename(entry, ".budget");
    if (loaded.kind === "budget") {
      const checked = checkBudget(loaded.loaded, undefined, undefined, { profiles });
      diagnostics = checked.diagnostics;
      title = loaded.loaded.budget.department?.name.value ?? title;
      html = render(() => renderDocument(checked.derivation.publication(), profileOf(checked.profile), "html"));
    } else {
      const departments = loaded.rollup.departments.map((d) => checkDepartment(d, recording, undefined, undefined, { profiles }));
      diagnostics = sortDiagnostics(rollupDiagnostics(loaded.rollup, departments));
      title = loaded.rollup.rollup.name.value || title;
      const index = rollupIndex(
        loaded.rollup.rollup,
        departments.map((c, i) => ({ totals: c.totals, link: rel(loaded.rollup.departments[i]!.path).replace(/\.budget$/, "") })),
      );
      html = render(() => renderRollup(index, profile, "html"));
    }
    for (const f of read.keys()) watch(path.dirname(path.resolve(f)));
    return previewPage(html, title, overlay(diagnostics, (f) => read.get(f), links, o.lang), o.lang);
  };

  const server = http.createServer((req, res) => {
    const send = (status: number, type: string, body: string) => {
      res.writeHead(status, { "content-type": `${type}; charset=utf-8`, "cache-control": "no-store" });
      res.end(body);
    };
    const address = server.address();
    const port = typeof address === "object" && address ? address.port : o.port;
    if (req.headers.host !== `127.0.0.1:${port}` && req.headers.host !== `localhost:${port}`) return send(403, "text/plain", "forbidden\n");
    const url = new URL(req.url ?? "/", `http://127.0.0.1:${port}`);
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      return send(400, "text/plain", "bad request\n");
    }
    if (pathname === "/events") {
      res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-store", connection: "keep-alive" });
      res.write(`: yusuan ${version}\n\n`);
      clients.add(res);
      req.on("close", () => clients.delete(res));
      return;
    }
    if (pathname === "/") {
      if (entries.length === 1) {
        res.writeHead(302, { location: `/${encodeURI(rel(entries[0]!).replace(/\.budget$/, ".html"))}` });
        return res.end();
      }
      return send(200, "text/html", indexPage(entries.map((e) => ({ label: rel(e), href: `/${encodeURI(rel(e).replace(/\.budget$/, ".html"))}` })), o.lang));
    }
    if (pathname.startsWith("/source/")) {
      const file = path.resolve(root, pathname.slice("/source/".length));
      const text = file.endsWith(".budget") && inside(file) ? io.readFile(file) : undefined;
      return text === undefined ? send(404, "text/plain", "not found\n") : send(200, "text/html", sourcePage(rel(file), text));
    }
    if (pathname.endsWith(".html")) {
      const file = path.resolve(root, pathname.slice(1).replace(/\.html$/, ".budget"));
      if (inside(file) && io.exists(file)) {
        try {
          return send(200, "text/html", view(file));
        } catch (e) {
          return send(500, "text/html", `<!DOCTYPE html><meta charset="utf-8"><pre>${esc((e as Error).stack ?? String(e))}</pre>`);
        }
      }
    }
    send(404, "text/plain", "not found\n");
  });

  const listening = await new Promise<string | undefined>((resolve) => {
    server.once("error", (e: NodeJS.ErrnoException) => {
      io.err(
        e.code === "EADDRINUSE"
          ? `yusuan: ${o.lang === "zh" ? `端口 ${o.port} 已被占用；用 --port 换一个` : `port ${o.port} is in use; choose another with --port`}\n`
          : `yusuan: ${e.message}\n`,
      );
      resolve(undefined);
    });
    server.listen(o.port, "127.0.0.1", () => {
      const a = server.address();
      resolve(typeof a === "object" && a ? `http://127.0.0.1:${a.port}/` : undefined);
    });
  });
  if (!listening) return 1;

  let done: (code: number) => void = () => {};
  const finished = new Promise<number>((resolve) => (done = resolve));
  const close = async () => {
    for (const w of watched.values()) w.close();
    for (const c of clients) c.end();
    if (pendingReload) clearTimeout(pendingReload);
    await new Promise<void>((resolve) => server.close(() => resolve()));
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    done(0);
  };
  const onSignal = () => void close();
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  io.out(o.lang === "zh" ? `预览 ${listening}（只在本机；保存预算即刷新；按 Ctrl-C 停止）\n` : `preview at ${listening} (this machine only; reloads on save; Ctrl-C stops)\n`);
  started?.({ url: listening, close });
  return finished;
}

/**
 * Rendering never fails on a budget that checks; one with errors is rendered too, for the
 * preview, and should that fail the page says why beside the diagnostics.
 */
function render(work: () => string): string | Error {
  try {
    return work();
  } catch (e) {
    return e instanceof Error ? e : new Error(String(e));
  }
}
