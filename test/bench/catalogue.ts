/**
 * `npm run bench:catalogue [-- <dir> [runs]]`: loads the full catalogue in fresh Node processes
 * (cold JIT, empty heap, as at start-up) and prints load time, a warm reload in the same process,
 * heap used after load (after a full GC, catalogue still held), file count and bytes.
 * Budget (issue 2): load ≤ 1.5 s, heap after load ≤ 150 MB.
 */
import { spawnSync } from "node:child_process";
import { readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { listCatalogueFiles } from "../../src/catalogue/catalogue-files.ts";
import { loadCatalogue } from "../../src/catalogue/load.ts";

interface Run {
  loadMs: number;
  /** CPU time (user + system) of the load: less disturbed than wall time when others share the cores. */
  cpuMs: number;
  reloadMs: number;
  heapMb: number;
  procedures: number;
}

const LOAD_BUDGET_MS = 1500;
const HEAP_BUDGET_MB = 150;

async function child(dir: string): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error("run with --expose-gc");
  gc();
  const baseline = process.memoryUsage().heapUsed;
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  const catalogue = await loadCatalogue(dir);
  const loadMs = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  gc();
  const heapMb = (process.memoryUsage().heapUsed - baseline) / 1e6;
  const reloadStart = performance.now();
  await loadCatalogue(dir);
  const reloadMs = performance.now() - reloadStart;
  const run: Run = { loadMs, cpuMs, reloadMs, heapMb, procedures: catalogue.procedures.length };
  process.stdout.write(JSON.stringify(run));
}

async function parent(dir: string, runs: number): Promise<void> {
  const { files } = await listCatalogueFiles(dir);
  let bytes = 0;
  for (const file of files) bytes += (await readFile(join(dir, file.relative))).length;
  console.log(`catalogue ${dir}: ${files.length} files, ${(bytes / 1e6).toFixed(1)} MB`);
  const self = fileURLToPath(import.meta.url);
  const results: Run[] = [];
  for (let i = 0; i < runs; i++) {
    const child = spawnSync(process.execPath, ["--expose-gc", "--import", "tsx", self, "--child", dir], {
      encoding: "utf8",
    });
    if (child.status !== 0) {
      console.error(child.stderr);
      process.exit(1);
    }
    const run = JSON.parse(child.stdout) as Run;
    results.push(run);
    console.log(
      `  run ${i + 1}: load ${run.loadMs.toFixed(0)} ms (cpu ${run.cpuMs.toFixed(0)} ms), reload ${run.reloadMs.toFixed(0)} ms, ` +
        `heap ${run.heapMb.toFixed(1)} MB, ${run.procedures} procedures`,
    );
  }
  const summary = (label: string, values: number[], unit: string, budget?: number) => {
    const sorted = [...values].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)]!;
    const verdict =
      budget === undefined
        ? ""
        : median <= budget
          ? `  (budget ${budget} ${unit}: ok)`
          : `  (budget ${budget} ${unit}: OVER)`;
    console.log(
      `${label.padEnd(22)} min ${sorted[0]!.toFixed(1)} ${unit}, median ${median.toFixed(1)} ${unit}, max ${sorted.at(-1)!.toFixed(1)} ${unit}${verdict}`,
    );
  };
  summary(
    "load (fresh process)",
    results.map((r) => r.loadMs),
    "ms",
    LOAD_BUDGET_MS,
  );
  summary(
    "load cpu time",
    results.map((r) => r.cpuMs),
    "ms",
  );
  summary(
    "reload (warm)",
    results.map((r) => r.reloadMs),
    "ms",
  );
  summary(
    "heap after load",
    results.map((r) => r.heapMb),
    "MB",
    HEAP_BUDGET_MB,
  );
}

const args = process.argv.slice(2);
if (args[0] === "--child") {
  await child(resolve(args[1] ?? "procedures")).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
} else {
  await parent(resolve(args[0] ?? "procedures"), Number(args[1] ?? 7));
}
