// Test settings: the property, robustness and process tests do real work (thousands of
// parses, child processes, a 5 MB input), so they get more time than vitest's default.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: { testTimeout: 60_000, hookTimeout: 60_000, setupFiles: ["test/setup.ts"] },
});
