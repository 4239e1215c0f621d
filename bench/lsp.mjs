#!/usr/bin/env node
/**
 * Diagnostics latency of the language server: how long after an edit of the reference
 * budget the editor has the new diagnostics. It starts `node bin/yusuan.js lsp` as an
 * editor does, opens the reference budget and its projects file, and then makes N edits
 * that each break or mend a total: the control total in the entry file, and a project's
 * amount in the included file (which re-checks the budget that includes it). Each
 * latency runs from sending `textDocument/didChange` to receiving the
 * `publishDiagnostics` that reflects it, the debounce included; edits are spaced so
 * that none is merged with the next. It prints p50, p95 and max per kind of edit.
 *
 *   npm run build && node bench/lsp.mjs [N] [--debounce MS]
 *
 * N defaults to 200 edits of each kind. --debounce fixes the server's pause before a
 * check (by default it adapts: as long as the last check took, at least 10 ms).
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createRequire } from "node:module";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const rpc = createRequire(import.meta.url)("vscode-jsonrpc/node");
const args = process.argv.slice(2);
const n = Number(args.find((a) => /^\d+$/.test(a)) ?? 200);
const di = args.indexOf("--debounce");
const debounceMs = di >= 0 ? Number(args[di + 1]) : undefined;

const mainPath = join(root, "budgets", "jinzhong-econ-ops-2024.budget");
const projectsPath = join(root, "budgets", "jinzhong-econ-ops-2024", "projects.budget");
const main = pathToFileURL(mainPath).href;
const projects = pathToFileURL(projectsPath).href;

const child = spawn(process.execPath, [join(root, "bin", "yusuan.js"), "lsp"], { stdio: ["pipe", "pipe", "inherit"] });
const c = rpc.createMessageConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
let waiter;
c.onNotification("textDocument/publishDiagnostics", (p) => {
  if (waiter && waiter.uri === p.uri && waiter.until(p.diagnostics)) {
    const w = waiter;
    waiter = undefined;
    w.resolve();
  }
});
c.listen();
const until = (uri, pred) => new Promise((resolve) => (waiter = { uri, until: pred, resolve }));

await c.sendRequest("initialize", {
  processId: process.pid,
  rootUri: pathToFileURL(join(root, "budgets")).href,
  capabilities: {},
  initializationOptions: debounceMs !== undefined ? { debounceMs } : {},
});
c.sendNotification("initialized", {});
const texts = new Map([
  [main, readFileSync(mainPath, "utf8")],
  [projects, readFileSync(projectsPath, "utf8")],
]);
let opened = until(main, () => true);
c.sendNotification("textDocument/didOpen", { textDocument: { uri: main, languageId: "yusuan", version: 1, text: texts.get(main) } });
await opened;
opened = until(projects, () => true);
c.sendNotification("textDocument/didOpen", { textDocument: { uri: projects, languageId: "yusuan", version: 1, text: texts.get(projects) } });
await opened;

const versions = new Map([
  [main, 1],
  [projects, 1],
]);
function position(text, offset) {
  const before = text.slice(0, offset);
  return { line: before.split("\n").length - 1, character: offset - (before.lastIndexOf("\n") + 1) };
}
/** Replaces `from` by `to` in a document and returns the time until main's diagnostics show it. */
async function edit(uri, from, to, broken) {
  const text = texts.get(uri);
  const at = text.indexOf(from);
  const range = { start: position(text, at), end: position(text, at + from.length) };
  texts.set(uri, text.slice(0, at) + to + text.slice(at + from.length));
  versions.set(uri, versions.get(uri) + 1);
  const seen = until(main, (ds) => ds.some((d) => d.code === "control-total-mismatch") === broken);
  const t0 = performance.now();
  c.sendNotification("textDocument/didChange", { textDocument: { uri, version: versions.get(uri) }, contentChanges: [{ range, text: to }] });
  await seen;
  return performance.now() - t0;
}
const pause = () => new Promise((r) => setTimeout(r, 40));

const results = { "entry file (控制数)": [], "included file (a project's amount)": [] };
for (let i = 0; i < n; i++) {
  results["entry file (控制数)"].push(await edit(main, "一般公共预算 6,389.17万元", "一般公共预算 6,389.18万元", true));
  await pause();
  results["entry file (控制数)"].push(await edit(main, "一般公共预算 6,389.18万元", "一般公共预算 6,389.17万元", false));
  await pause();
  results["included file (a project's amount)"].push(await edit(projects, "一般公共预算 0.60万元", "一般公共预算 0.70万元", true));
  await pause();
  results["included file (a project's amount)"].push(await edit(projects, "一般公共预算 0.70万元", "一般公共预算 0.60万元", false));
  await pause();
}
await c.sendRequest("shutdown", null);
c.sendNotification("exit");

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
console.log(`diagnostics latency after an edit (${n * 2} edits each; debounce ${debounceMs === undefined ? "adaptive" : `${debounceMs} ms`}; node ${process.version})`);
console.log("| edit | p50 | p95 | max |");
console.log("|---|---|---|---|");
for (const [k, xs] of Object.entries(results)) console.log(`| ${k} | ${pct(xs, 50).toFixed(1)} ms | ${pct(xs, 95).toFixed(1)} ms | ${Math.max(...xs).toFixed(1)} ms |`);
