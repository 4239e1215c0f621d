#!/usr/bin/env node
// The yusuan command: a thin launcher for the bundled CLI in dist/bundle/ (built by `npm ci`).
import { main } from "../dist/bundle/main.js";
main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
