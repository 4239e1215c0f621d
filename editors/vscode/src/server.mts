/**
 * The language server bundled into the extension (dist/server.mjs): `yusuan lsp` from the
 * compiled CLI, with the diagnostics' explanations shipped beside it (docs/), for
 * machines where yusuan is not installed. VS Code starts it with its own Node.
 */
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { nodeIo } from "../../../src/cli/io.js";
import { lspCommand } from "../../../src/cli/lsp.js";

const here = path.dirname(fileURLToPath(import.meta.url));
lspCommand(nodeIo(), { lang: "zh", docs: path.join(here, "..", "docs", "diagnostics") }).then((code) => {
  process.exitCode = code;
});
