/** `npm run catalogue:import -- [dir]`: imports the raw dataset into `procedures/` and prints a report. */
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { formatQualityReport, qualityReport } from "../quality-report.ts";
import { formatImportSummary } from "./format-summary.ts";
import { ImportError, importDataset } from "./import.ts";

async function main(): Promise<void> {
  const repo = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
  const sourceDir = resolve(process.argv[2] ?? join(repo, "../shared/datasets/dvc-2026"));
  const started = performance.now();
  const summary = await importDataset({
    sourceDir,
    proceduresDir: join(repo, "procedures"),
    dataset: "dvc-2026",
    capturedAt: "2026-07",
  });
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(`${formatImportSummary(summary, sourceDir, seconds)}\n`);
  process.stdout.write(`${formatQualityReport(qualityReport(summary.procedures))}\n`);
  if (summary.invalid.length > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  const message = error instanceof ImportError ? error.message : ((error as Error).stack ?? String(error));
  process.stderr.write(`catalogue:import failed, nothing changed: ${message}\n`);
  process.exitCode = 1;
});
