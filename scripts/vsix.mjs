#!/usr/bin/env node
/**
 * Packages the VS Code extension (editors/vscode/) as a .vsix that installs without a
 * network: the client (dist/extension.js, with vscode-languageclient bundled in) and the
 * language server (dist/server.mjs: `yusuan lsp` bundled from src/ with its
 * dependencies), the TextMate grammar from grammar/, and the diagnostics' explanations
 * from docs/diagnostics/. It type-checks the extension first, and packages with
 * @vscode/vsce, which reads nothing from the network. The .vsix is a build output, never
 * committed.
 *
 *   node scripts/vsix.mjs [--out FILE]      (default: dist/yusuan-<version>.vsix)
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { createVSIX } from "@vscode/vsce";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const ext = join(root, "editors", "vscode");
const manifest = JSON.parse(readFileSync(join(ext, "package.json"), "utf8"));
const args = process.argv.slice(2);
const oi = args.indexOf("--out");
const out = oi >= 0 ? resolve(args[oi + 1]) : join(root, "dist", `${manifest.name}-${manifest.version}.vsix`);

// Type-check the client and the server entry (esbuild only strips the types).
execFileSync(process.execPath, [join(root, "node_modules", "typescript", "bin", "tsc"), "-p", join(ext, "tsconfig.json")], { stdio: "inherit" });

for (const d of ["dist", "syntaxes", "docs"]) rmSync(join(ext, d), { recursive: true, force: true });
const common = { bundle: true, platform: "node", target: "node20", legalComments: "linked", logLevel: "warning" };
await build({ ...common, entryPoints: [join(ext, "src", "extension.ts")], outfile: join(ext, "dist", "extension.js"), format: "cjs", external: ["vscode"] });
await build({
  ...common,
  entryPoints: [join(ext, "src", "server.mts")],
  outfile: join(ext, "dist", "server.mjs"),
  format: "esm",
  // The server's CommonJS dependencies call require(); give the ESM bundle one.
  banner: { js: 'import { createRequire as __yusuanCreateRequire } from "node:module"; const require = __yusuanCreateRequire(import.meta.url);' },
});

mkdirSync(join(ext, "syntaxes"), { recursive: true });
copyFileSync(join(root, "grammar", "yusuan.tmLanguage.json"), join(ext, "syntaxes", "yusuan.tmLanguage.json"));
mkdirSync(join(ext, "docs", "diagnostics"), { recursive: true });
for (const f of readdirSync(join(root, "docs", "diagnostics"))) {
  if (f.endsWith(".md") && f !== "README.md") copyFileSync(join(root, "docs", "diagnostics", f), join(ext, "docs", "diagnostics", f));
}

mkdirSync(dirname(out), { recursive: true });
await createVSIX({ cwd: ext, packagePath: out, dependencies: false, allowMissingRepository: true, skipLicense: true });
console.log(out);
