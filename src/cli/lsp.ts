/**
 * `yusuan lsp`: the language server (src/lsp/) over stdin and stdout. The connection and
 * the file system are made here, the only place that may touch them; the full parser is
 * loaded up front, since text being typed is seldom well formed. Runs until the client
 * says exit.
 */
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { startServer } from "../lsp/server.js";
import { liveHost } from "./host.js";
import { Profiles } from "./profiles.js";
import { loadFullParser } from "../syntax/parse.js";
import type { Io } from "./io.js";
import type { Lang } from "./report.js";

const DOCS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../docs/diagnostics");

export interface LspOptions {
  lang: Lang;
  /** The diagnostics' explanations, linked from each diagnostic: docs/diagnostics of the package by default. */
  docs?: string;
}

export async function lspCommand(io: Io, o: LspOptions): Promise<number> {
  // A CommonJS module: its exports are its default export, in node and in the bundle alike.
  const { createConnection, ProposedFeatures } = (await import("vscode-languageserver/node")).default;
  await loadFullParser();
  const connection = createConnection(ProposedFeatures.all, process.stdin, process.stdout);
  startServer(connection, {
    fs: { ...liveHost(io), list: (p) => io.listDir(p) },
    lang: o.lang,
    now: () => performance.now(),
    // The profiles with their specs: the editor's hovers trace the figures of the
    // publication each budget's profile derives (its form order, its own tables).
    profiles: new Profiles(io),
    ...(io.exists(o.docs ?? DOCS) ? { docs: o.docs ?? DOCS } : {}),
  });
  const exited = new Promise<number>((resolve) => connection.onExit(() => resolve(0)));
  connection.listen();
  return exited;
}
