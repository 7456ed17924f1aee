/**
 * A draft of a labelled-questions file (`procedures/questions/`) from the unanswered report: the
 * most asked questions nothing fitted, each with `codes: ["?"]` for the IT officer to fill in. A
 * "?" left in is not a code, so `npm run catalogue:check` (and a running service's reload) refuses
 * the file until every question has its codes, or `[]` when the catalogue has nothing for it: an
 * unfinished draft can never teach the search that a question is out of scope.
 */
import type { UnansweredReport } from "./unanswered-report.ts";

const HEADER = [
  "# Questions the assistant could not answer, most asked first (npm run report:unanswered -- --questions).",
  '# For each: replace "?" with the code(s) of the procedure that answers it (see procedures/<field>/,',
  '# or npm run search -- "…"), or write codes: [] when the catalogue has nothing for it; delete the',
  "# ones you are unsure of. Save as procedures/questions/<name>.yaml and run npm run catalogue:check.",
];

export function unansweredQuestionsYaml(report: UnansweredReport): string {
  const lines = [...HEADER, "items:"];
  // JSON strings are valid YAML double-quoted scalars: any question is quoted safely.
  for (const item of report.top)
    lines.push(
      `  - { q: ${JSON.stringify(item.question)}, codes: ["?"] }  # asked ${item.count} ×, last ${item.lastAt.slice(0, 10)}`,
    );
  if (report.top.length === 0) lines.push("  []");
  return `${lines.join("\n")}\n`;
}
