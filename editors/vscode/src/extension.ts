/**
 * The VS Code extension: a language client that starts the yusuan language server
 * (`yusuan lsp`) for .budget files. The server is the `yusuan.path` setting, else the
 * workspace's own yusuan (node_modules/.bin), else yusuan on the PATH, so that the editor
 * checks with the same version as the command line and CI; else the server bundled with
 * the extension (dist/server.mjs), so that it works on a machine with nothing else
 * installed and no network.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { commands, workspace, type ExtensionContext } from "vscode";
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from "vscode-languageclient/node";

let client: LanguageClient | undefined;

const EXE = process.platform === "win32" ? ["yusuan.cmd", "yusuan.exe", "yusuan"] : ["yusuan"];

function firstExisting(dirs: readonly string[]): string | undefined {
  for (const d of dirs) for (const e of EXE) if (fs.existsSync(path.join(d, e))) return path.join(d, e);
  return undefined;
}

function serverOptions(context: ExtensionContext): ServerOptions {
  const configured = workspace.getConfiguration("yusuan").get<string>("path")?.trim();
  const local = firstExisting((workspace.workspaceFolders ?? []).map((f) => path.join(f.uri.fsPath, "node_modules", ".bin")));
  const onPath = firstExisting((process.env["PATH"] ?? "").split(path.delimiter).filter(Boolean));
  const command = configured || local || onPath;
  if (command) return { command, args: ["lsp"], transport: TransportKind.stdio, options: { shell: process.platform === "win32" } };
  return { module: context.asAbsolutePath(path.join("dist", "server.mjs")), transport: TransportKind.stdio };
}

async function start(context: ExtensionContext): Promise<void> {
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ scheme: "file", language: "yusuan" }],
    initializationOptions: { lang: workspace.getConfiguration("yusuan").get<string>("lang") ?? "zh" },
    synchronize: { fileEvents: workspace.createFileSystemWatcher("**/*.budget") },
  };
  client = new LanguageClient("yusuan", "yusuan", serverOptions(context), clientOptions);
  await client.start();
}

export async function activate(context: ExtensionContext): Promise<void> {
  context.subscriptions.push(
    commands.registerCommand("yusuan.restart", async () => {
      await client?.stop();
      await start(context);
    }),
    workspace.onDidChangeConfiguration(async (e) => {
      if (e.affectsConfiguration("yusuan")) await commands.executeCommand("yusuan.restart");
    }),
  );
  await start(context);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
