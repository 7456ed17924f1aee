/**
 * Start-up benchmark for the terminal chat (`npm run bench:startup`): starts the app as a real child
 * process with the full catalogue and a fresh data directory, and prints
 *   - time from spawn to the first greeting on stdout (the chat is usable),
 *   - the app's own "ready" time (config → stores → catalogue → search → assistant, from its log),
 *   - resident memory (RSS) right after start and its peak, and after answering a few questions,
 *   - the time to answer each question.
 * Runs `node dist/main.js` with the V8 flags of `npm start` (built once here with `npm run build`;
 * the build's own few seconds are printed apart) and, for comparison, `node --import tsx
 * src/main.ts` (the sources through tsx's loader) and `tsx src/main.ts` (the tsx CLI, which starts
 * a second node process).
 */
import { type ChildProcessWithoutNullStreams, execFileSync, spawn } from "node:child_process";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const ROOT = resolve(import.meta.dirname, "..", "..");
const MAIN = join(ROOT, "src", "main.ts");
const BUILT = join(ROOT, "dist", "main.js");
/** The V8 flags of `npm start` (package.json). */
const START_FLAGS = ["--max-old-space-size=256", "--max-semi-space-size=4"];
type Command = "npm start (dist)" | "node --import tsx" | "tsx cli";
const TSX_LOADER = pathToFileURL(join(ROOT, "node_modules", "tsx", "dist", "loader.mjs")).href;
const TSX_CLI = join(ROOT, "node_modules", ".bin", "tsx");
const RUNS = Number(process.env.RUNS ?? 5);
const QUESTIONS = [
  "làm căn cước lần đầu cần giấy tờ gì",
  "lệ phí đăng ký khai sinh",
  "sang tên sổ đỏ mất bao lâu",
  "dang ky ket hon o dau",
  "cấp lại bằng lái xe",
];
const HINT = "Bạn trả lời bằng số";

async function memoryKb(pid: number): Promise<{ rss: number; peak: number }> {
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  const field = (name: string) =>
    Number(new RegExp(`^${name}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? Number.NaN);
  return { rss: field("VmRSS"), peak: field("VmHWM") };
}

/** RSS of a process and all its descendants (tsx's CLI starts node, which starts esbuild's service). */
async function treeRssKb(rootPid: number): Promise<{ total: number; processes: number }> {
  const parents = new Map<number, number>();
  for (const entry of await readdir("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = await readFile(`/proc/${entry}/stat`, "utf8");
      // Field 4 (ppid) follows the command name in parentheses, which may contain spaces.
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      parents.set(Number(entry), ppid);
    } catch {
      // The process ended meanwhile.
    }
  }
  const tree = new Set([rootPid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, ppid] of parents) {
      if (!tree.has(pid) && tree.has(ppid)) {
        tree.add(pid);
        grew = true;
      }
    }
  }
  let total = 0;
  for (const pid of tree)
    total += await memoryKb(pid).then(
      (m) => m.rss,
      () => 0,
    );
  return { total, processes: tree.size };
}

/** Resolves when stdout has grown past `from` and contains `marker` after it. */
function waitForOutput(read: () => string, from: number, marker: string, timeoutMs = 60_000): Promise<void> {
  const started = Date.now();
  return new Promise((resolvePromise, reject) => {
    const tick = () => {
      if (read().indexOf(marker, from) !== -1) return resolvePromise();
      if (Date.now() - started > timeoutMs) return reject(new Error(`no '${marker}' after ${timeoutMs} ms`));
      setTimeout(tick, 2);
    };
    tick();
  });
}

interface RunResult {
  greetMs: number;
  readyMs: number | null;
  rssAfterStartMb: number;
  peakAfterStartMb: number;
  rssAfterQuestionsMb: number;
  treeRssMb: number;
  treeProcesses: number;
  answerMs: number[];
}

function commandLine(command: Command): string[] {
  if (command === "tsx cli") return [TSX_CLI, MAIN];
  if (command === "node --import tsx") return [process.execPath, "--import", TSX_LOADER, MAIN];
  return [process.execPath, ...START_FLAGS, BUILT];
}

async function runOnce(command: Command): Promise<RunResult> {
  const dataDir = await mkdtemp(join(tmpdir(), "htt-bench-startup-"));
  const args = commandLine(command);
  const started = performance.now();
  const child: ChildProcessWithoutNullStreams = spawn(args[0]!, args.slice(1), {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "", DATA_DIR: dataDir, LOG_LEVEL: "info" },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (d: string) => {
    stdout += d;
  });
  child.stderr.setEncoding("utf8").on("data", (d: string) => {
    stderr += d;
  });
  const exited = new Promise<void>((r) => child.on("close", () => r()));
  try {
    await waitForOutput(() => stdout, 0, HINT);
    const greetMs = performance.now() - started;
    const ready = /"ms":(\d+)[^\n]*"msg":"ready"/.exec(stderr);
    const memStart =
      command === "tsx cli" ? { rss: Number.NaN, peak: Number.NaN } : await memoryKb(child.pid!);
    const tree = await treeRssKb(child.pid!);
    const answerMs: number[] = [];
    for (const question of QUESTIONS) {
      const from = stdout.length;
      const t0 = performance.now();
      child.stdin.write(`${question}\n`);
      await waitForOutput(() => stdout, from, HINT);
      answerMs.push(performance.now() - t0);
    }
    const memAfter =
      command === "tsx cli" ? { rss: Number.NaN, peak: Number.NaN } : await memoryKb(child.pid!);
    child.stdin.end();
    await exited;
    return {
      greetMs,
      readyMs: ready ? Number(ready[1]) : null,
      rssAfterStartMb: memStart.rss / 1024,
      peakAfterStartMb: memStart.peak / 1024,
      rssAfterQuestionsMb: memAfter.rss / 1024,
      treeRssMb: tree.total / 1024,
      treeProcesses: tree.processes,
      answerMs,
    };
  } finally {
    child.kill();
    await rm(dataDir, { recursive: true, force: true });
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};
const f = (n: number) => (Number.isNaN(n) ? "n/a" : n.toFixed(0));

const buildStarted = performance.now();
execFileSync("npm", ["run", "--silent", "build"], { cwd: ROOT, stdio: "inherit" });
console.log(
  `npm run build (done by npm start before the app starts): ${f(performance.now() - buildStarted)} ms`,
);

for (const command of ["npm start (dist)", "node --import tsx", "tsx cli"] as const) {
  const results: RunResult[] = [];
  for (let i = 0; i < RUNS; i++) results.push(await runOnce(command));
  console.log(`\n${command} — terminal chat, full catalogue, ${RUNS} runs (median, min–max)`);
  const row = (label: string, values: number[], unit: string) =>
    console.log(
      `  ${label.padEnd(34)} ${f(median(values)).padStart(6)} ${unit}   (${f(Math.min(...values))}–${f(Math.max(...values))})`,
    );
  row(
    "spawn → first greeting",
    results.map((r) => r.greetMs),
    "ms",
  );
  row(
    "app ready (after module load)",
    results.map((r) => r.readyMs ?? Number.NaN),
    "ms",
  );
  if (command !== "tsx cli") {
    row(
      "RSS after start",
      results.map((r) => r.rssAfterStartMb),
      "MB",
    );
    row(
      "peak RSS during start",
      results.map((r) => r.peakAfterStartMb),
      "MB",
    );
    row(
      `RSS after ${QUESTIONS.length} questions`,
      results.map((r) => r.rssAfterQuestionsMb),
      "MB",
    );
  }
  row(
    `RSS of all ${results[0]?.treeProcesses ?? "?"} processes after start`,
    results.map((r) => r.treeRssMb),
    "MB",
  );
  row(
    "answer time per question",
    results.flatMap((r) => r.answerMs),
    "ms",
  );
}
