/** The importer's own lines of the report: what was read, written, left alone and refused. */
import type { ImportSummary } from "./import.ts";

export function formatImportSummary(summary: ImportSummary, sourceDir: string, seconds: number): string {
  const out = [
    `Imported from ${sourceDir} in ${seconds.toFixed(1)} s`,
    `  records read:       ${summary.read}`,
    `  files written:      ${summary.written}`,
    `  files unchanged:    ${summary.unchanged}`,
    `  files removed:      ${summary.removed.length}`,
    `  records invalid:    ${summary.invalid.length}`,
    `  paths left alone:   ${summary.skipped.length}`,
  ];
  for (const r of summary.removed) out.push(`  removed ${r}`);
  for (const p of summary.invalid) out.push(`  INVALID ${p.file}: ${p.problem}`);
  for (const p of summary.skipped) out.push(`  left alone ${p.file}: ${p.problem}`);
  return out.join("\n");
}
