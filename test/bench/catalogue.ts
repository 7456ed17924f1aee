/**
 * `npm run bench:catalogue [-- <dir> [runs]]`: loads the full catalogue in fresh Node processes
 * (cold JIT, empty heap, as at start-up) and prints, per run and as min / median / max:
 *   - load: wall time of `loadCatalogue`, and its CPU time (less disturbed when others share the cores);
 *   - reload: a second load in the same, warm process (what an edit costs while the service runs);
 *   - heap: V8 heap used after the load and a full GC, whole process and the catalogue's share.
 * Budget (issue 2): load ≤ 1.5 s, heap after load ≤ 150 MB. The machine's load average is printed
 * too, because wall times on a shared 2-core machine mean little without it.
 */
import { spawnSync } from "node:child_process";
import { readFile } from "node:fs/promises";
import { loadavg } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { listCatalogueFiles } from "../../src/catalogue/catalogue-files.ts";
import { loadCatalogue } from "../../src/catalogue/load.ts";

interface Run {
  loadMs: number;
  cpuMs: number;
  reloadMs: number;
  heapMb: number;
  catalogueMb: number;
  procedures: number;
}

const LOAD_BUDGET_MS = 1500;
const HEAP_BUDGET_MB = 150;

async function child(dir: string): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error("run with --expose-gc");
  gc();
  const before = process.memoryUsage().heapUsed;
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  const catalogue = await loadCatalogue(dir);
  const loadMs = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  gc();
  const after = process.memoryUsage().heapUsed;
  const reloadStart = performance.now();
  await loadCatalogue(dir);
  const reloadMs = performance.now() - reloadStart;
  const run: Run = {
    loadMs,
    cpuMs: (cpu.user + cpu.system) / 1000,
    reloadMs,
    heapMb: after / 1e6,
    catalogueMb: (after - before) / 1e6,
    procedures: catalogue.procedures.length,
  };
  process.stdout.write(JSON.stringify(run));
}

function summary(label: string, values: number[], unit: string, budget?: number): void {
  const sorted = [...values].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  const figures = `min ${sorted[0]!.toFixed(0)}, median ${median.toFixed(0)}, max ${sorted.at(-1)!.toFixed(0)} ${unit}`;
  const verdict =
    budget === undefined ? "" : `  (budget ${budget} ${unit}: ${median <= budget ? "ok" : "OVER"})`;
  console.log(`${label.padEnd(26)}${figures}${verdict}`);
}

async function parent(dir: string, runs: number): Promise<void> {
  const { files } = await listCatalogueFiles(dir);
  let bytes = 0;
  for (const file of files) bytes += (await readFile(join(dir, file.relative))).length;
  console.log(
    `catalogue ${dir}: ${files.length} files, ${(bytes / 1e6).toFixed(1)} MB; ${runs} fresh processes`,
  );
  const self = fileURLToPath(import.meta.url);
  const results: Run[] = [];
  for (let i = 0; i < runs; i++) {
    const load = loadavg()[0]!.toFixed(1);
    const run = spawnSync(process.execPath, ["--expose-gc", "--import", "tsx", self, "--child", dir], {
      encoding: "utf8",
    });
    if (run.status !== 0) {
      console.error(run.stderr);
      process.exit(1);
    }
    const result = JSON.parse(run.stdout) as Run;
    results.push(result);
    console.log(
      `  run ${i + 1}: load ${result.loadMs.toFixed(0)} ms (cpu ${result.cpuMs.toFixed(0)} ms), ` +
        `reload ${result.reloadMs.toFixed(0)} ms, heap ${result.heapMb.toFixed(1)} MB ` +
        `(catalogue ${result.catalogueMb.toFixed(1)} MB), ${result.procedures} procedures; load average ${load}`,
    );
  }
  summary(
    "load, fresh process",
    results.map((r) => r.loadMs),
    "ms",
    LOAD_BUDGET_MS,
  );
  summary(
    "load, CPU time",
    results.map((r) => r.cpuMs),
    "ms",
  );
  summary(
    "reload, warm process",
    results.map((r) => r.reloadMs),
    "ms",
  );
  summary(
    "heap used after load",
    results.map((r) => r.heapMb),
    "MB",
    HEAP_BUDGET_MB,
  );
  summary(
    "  of which the catalogue",
    results.map((r) => r.catalogueMb),
    "MB",
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
