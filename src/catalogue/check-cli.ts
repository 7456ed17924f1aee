/**
 * `npm run catalogue:check [dir]`: loads the catalogue (default `procedures/`) exactly as the service
 * does. On any problem it prints each one (file › field path: what is wrong) and exits 1; otherwise
 * it prints the quality report. CI runs it.
 */
import { CatalogueError, formatProblem } from "./errors.ts";
import { loadCatalogue } from "./load.ts";
import { formatQualityReport, qualityReport } from "./quality-report.ts";

async function main(dir: string): Promise<number> {
  try {
    const catalogue = await loadCatalogue(dir);
    console.log(formatQualityReport(qualityReport(catalogue.procedures)));
    const { locality } = catalogue;
    console.log(
      `\nCatalogue ${dir} is valid: ${catalogue.procedures.length} procedures, ` +
        `${catalogue.questions.length} labelled questions, version ${catalogue.version}.`,
    );
    console.log(`Locality: ${locality.name}, ${locality.province}.`);
    if (locality.example) {
      console.log(
        `Note: ${dir}/locality.yaml is the shipped example (example: true). Replace it with your own facts.`,
      );
    }
    return 0;
  } catch (error) {
    if (!(error instanceof CatalogueError)) throw error;
    for (const problem of error.problems) console.error(formatProblem(problem));
    const count = error.problems.length === 1 ? "1 problem" : `${error.problems.length} problems`;
    console.error(
      `\nCatalogue ${dir} is invalid: ${count}. Fix them and run \`npm run catalogue:check\` again.`,
    );
    return 1;
  }
}

process.exitCode = await main(process.argv[2] ?? "procedures");
