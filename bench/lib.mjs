/**
 * Helpers for bench/compare.mjs: running a command as a whole child process and taking
 * its wall time and peak RSS, interleaving several commands, and the statistics and
 * formatting of the report. Plain Node, no dependencies.
 *
 * Wall time is taken with process.hrtime around the spawn (nanosecond clock, so that the
 * ~40 ms of `node -e 0` is not rounded to GNU time's 10 ms). Peak RSS is the child's
 * maximum resident set size as the kernel reports it at exit (wait4's ru_maxrss), read
 * through GNU time (`/usr/bin/time -f '%e %M'`, which also gives its own wall figure as
 * a cross-check), or, without GNU time, through a three-line python3 wrapper that
 * reads RUSAGE_CHILDREN. With neither, only wall time is measured.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const BIG = 1 << 30; // maxBuffer: a failing build of a whole province prints megabytes of diagnostics

/** How peak RSS is measured on this machine: GNU time, a python3 wrapper, or not at all. */
export function detectMeter() {
  for (const p of ["/usr/bin/time", "/bin/time"]) {
    if (!existsSync(p)) continue;
    const r = spawnSync(p, ["-f", "%e %M", process.execPath, "-e", "0"], { encoding: "utf8" });
    if (r.status === 0 && /^\d+(\.\d+)? \d+\s*$/m.test(r.stderr)) return { kind: "gnu-time", path: p, describe: `GNU time (${p} -f '%e %M')` };
  }
  const py = spawnSync("python3", ["-c", "import resource"], { encoding: "utf8" });
  if (py.status === 0) return { kind: "python", path: "python3", describe: "python3 wrapper (getrusage RUSAGE_CHILDREN), GNU time not found" };
  return { kind: "none", describe: "none: GNU time and python3 not found, peak RSS is not measured (apt-get install -y time)" };
}

const PY_WRAPPER = [
  "import resource, subprocess, sys",
  "try:\n    c = subprocess.call(sys.argv[2:])\nexcept FileNotFoundError:\n    c = 127",
  "open(sys.argv[1], 'w').write('%d\\n' % resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)",
  "sys.exit(c)",
].join("\n");

let scratch;
function scratchFile() {
  scratch ??= mkdtempSync(join(tmpdir(), "yusuan-bench-meter-"));
  return join(scratch, "rusage");
}
export function removeScratch() {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
  scratch = undefined;
}

/**
 * Runs cmd args once as a child process. Returns { wall (seconds, hrtime), rss (KiB or
 * null), timeWall (GNU time's %e, seconds, or null), code, stdout, stderr }.
 */
export function runOnce(meter, cmd, args, opts = {}) {
  const file = meter.kind === "none" ? undefined : scratchFile();
  let exe = cmd;
  let argv = args;
  if (meter.kind === "gnu-time") (exe = meter.path), (argv = ["-o", file, "-f", "%e %M", cmd, ...args]);
  else if (meter.kind === "python") (exe = meter.path), (argv = ["-c", PY_WRAPPER, file, cmd, ...args]);
  if (file) rmSync(file, { force: true });
  const t0 = process.hrtime.bigint();
  const r = spawnSync(exe, argv, { cwd: opts.cwd, env: opts.env ?? process.env, encoding: "utf8", maxBuffer: BIG, stdio: ["ignore", "pipe", "pipe"] });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.error) return { wall, rss: null, timeWall: null, code: 127, stdout: "", stderr: String(r.error.message) };
  let rss = null;
  let timeWall = null;
  let code = r.status ?? 128;
  if (file && existsSync(file)) {
    const lines = readFileSync(file, "utf8").trim().split("\n");
    const last = lines[lines.length - 1] ?? "";
    if (meter.kind === "gnu-time") {
      const m = /^(\d+(?:\.\d+)?) (\d+)$/.exec(last);
      if (m) (timeWall = Number(m[1])), (rss = Number(m[2]));
    } else if (/^\d+$/.test(last)) rss = Number(last);
  }
  return { wall, rss, timeWall, code, stdout: r.stdout ?? "", stderr: r.stderr ?? "" };
}

/** Whether cmd can be started at all (ENOENT otherwise). */
export function installed(cmd, versionArgs = ["--version"]) {
  const r = spawnSync(cmd, versionArgs, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  return !(r.error && r.error.code === "ENOENT");
}

/** The first line of a command's output, or undefined when it cannot run. */
export function firstLine(cmd, args = ["--version"]) {
  const r = spawnSync(cmd, args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  if (r.error) return undefined;
  return ((r.stdout || r.stderr || "").split("\n").find((l) => l.trim()) ?? "").trim();
}

/** The first non-empty line of a failed run's stderr (or stdout), for a report row. */
export function firstErrorLine(run) {
  const text = `${run.stderr}\n${run.stdout}`.replace(/\x1b\[[0-9;]*m/g, "");
  const line = text.split("\n").find((l) => l.trim() && !/^Command exited with non-zero status/.test(l));
  return (line ?? "").trim().slice(0, 160);
}

export function sleepSync(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Runs the cases interleaved: one warm-up round (each case once, in order), then `runs`
 * rounds of each case once, in order (A B C A B C …), so that load on the machine hits
 * every case alike. A case is { key, cmd, args, cwd?, env?, mustSucceed?, retries?,
 * skip? (a reason: the case is not run) }. A case whose command fails stops being run and
 * carries `failure` (the first stderr line); a case with `warmedUp` set skips the warm-up; a mustSucceed case that fails is retried
 * (`retries` times, after a pause: the compiler may be in the middle of a rebuild) and
 * then throws. Returns a Map key → { walls, rsss, timeWalls, stdouts, failure?, skip? }.
 */
export function measureInterleaved(meter, cases, runs, log = () => {}) {
  const results = new Map(cases.map((c) => [c.key, { walls: [], rsss: [], timeWalls: [], stdouts: [], skip: c.skip }]));
  const one = (c, record) => {
    const res = results.get(c.key);
    if (res.skip || res.failure) return;
    let run = runOnce(meter, c.cmd, c.args, c);
    for (let attempt = 1; run.code !== 0 && c.mustSucceed && attempt <= (c.retries ?? 2); attempt++) {
      log(`  ${c.key}: exit ${run.code} (${firstErrorLine(run)}); retrying in 10 s (attempt ${attempt})`);
      sleepSync(10_000);
      run = runOnce(meter, c.cmd, c.args, c);
    }
    if (run.code !== 0) {
      const msg = `exit ${run.code}: ${firstErrorLine(run)}`;
      if (c.mustSucceed) {
        const err = new Error(`${c.key} must exit 0 but did not (${[c.cmd, ...c.args].join(" ")}): ${msg}\n--- stderr (first 40 lines) ---\n${run.stderr.split("\n").slice(0, 40).join("\n")}`);
        err.benchFailure = true;
        throw err;
      }
      res.failure = msg;
      log(`  ${c.key}: failed, ${msg}`);
      return;
    }
    if (!record) return;
    res.walls.push(run.wall);
    if (run.rss !== null) res.rsss.push(run.rss);
    if (run.timeWall !== null) res.timeWalls.push(run.timeWall);
    res.stdouts.push(run.stdout);
  };
  const warm = cases.filter((c) => !c.skip && !c.warmedUp);
  if (warm.length) log(`  warm-up: ${warm.map((c) => c.key).join(", ")}`);
  for (const c of warm) one(c, false);
  for (let i = 0; i < runs; i++) {
    for (const c of cases) one(c, true);
    log(`  round ${i + 1}/${runs}: ${cases.filter((c) => results.get(c.key).walls.length).map((c) => `${c.key} ${fmtSeconds(results.get(c.key).walls.at(-1))}`).join(", ")}`);
  }
  return results;
}

export const median = (xs) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
export const min = (xs) => (xs.length ? Math.min(...xs) : NaN);
export const max = (xs) => (xs.length ? Math.max(...xs) : NaN);

export function fmtSeconds(s) {
  if (!Number.isFinite(s)) return "–";
  return s < 1 ? `${(s * 1000).toFixed(0)} ms` : `${s.toFixed(2)} s`;
}
export function fmtMiB(kib) {
  return Number.isFinite(kib) ? `${(kib / 1024).toFixed(0)} MiB` : "–";
}
export function fmtRatio(x) {
  return Number.isFinite(x) ? `${x.toFixed(2)}×` : "–";
}

/** "median (min–max)" of wall times, or of RSS figures. */
export function wallCell(res) {
  if (!res.walls.length) return "–";
  return res.walls.length === 1 ? fmtSeconds(res.walls[0]) : `${fmtSeconds(median(res.walls))} (${fmtSeconds(min(res.walls))}–${fmtSeconds(max(res.walls))})`;
}
export function rssCell(res) {
  if (!res.rsss.length) return "–";
  return res.rsss.length === 1 ? fmtMiB(res.rsss[0]) : `${fmtMiB(median(res.rsss))} (${fmtMiB(min(res.rsss))}–${fmtMiB(max(res.rsss))})`;
}

/** A Markdown table: a header row and rows of cells; pipes inside cells are escaped. */
export function markdownTable(header, rows) {
  const esc = (c) => String(c).replace(/\|/g, "\\|").replace(/\n/g, " ");
  const line = (cells) => `| ${cells.map(esc).join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}
