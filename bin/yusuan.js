#!/usr/bin/env node
// The yusuan command: a thin launcher for the compiled CLI in dist/ (built by `npm ci`).
import { main } from "../dist/cli/main.js";
main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
