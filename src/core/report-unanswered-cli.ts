/**
 * `npm run report:unanswered [-- --since 2026-11-01] [--top 50] [--json | --questions]`: prints the
 * questions the assistant could not answer (`--questions`: as a draft of a labelled-questions file
 * for procedures/questions/, see unanswered-questions-yaml.ts), from the configured storage
 * (DATA_DIR's SQLite file, or Redis when REDIS_URL is set). The questions were stripped of phone
 * numbers, e-mails and ID numbers when they were recorded.
 */
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { ConfigError, loadConfig } from "../config.ts";
import { createStores } from "../storage/create-stores.ts";
import { UNANSWERED_LOG } from "./assistant.ts";
import { unansweredQuestionsYaml } from "./unanswered-questions-yaml.ts";
import { buildUnansweredReport, formatUnansweredReport } from "./unanswered-report.ts";

export async function runReportUnanswered(
  argv: string[],
  env: Record<string, string | undefined>,
): Promise<number> {
  let values: { since?: string; top?: string; json?: boolean; questions?: boolean };
  try {
    values = parseArgs({
      args: argv,
      options: {
        since: { type: "string" },
        top: { type: "string" },
        json: { type: "boolean" },
        questions: { type: "boolean" },
      },
    }).values;
  } catch (error) {
    process.stderr.write(
      `${(error as Error).message}\nUsage: npm run report:unanswered -- [--since YYYY-MM-DD] [--top N] [--json | --questions]\n`,
    );
    return 2;
  }
  const top = values.top === undefined ? undefined : Number(values.top);
  if (top !== undefined && (!Number.isInteger(top) || top <= 0)) {
    process.stderr.write("--top must be a positive whole number\n");
    return 2;
  }
  if (values.since !== undefined && Number.isNaN(Date.parse(values.since))) {
    process.stderr.write("--since must be a date such as 2026-11-01\n");
    return 2;
  }
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      return 2;
    }
    throw error;
  }
  const stores = await createStores(config);
  try {
    const report = await buildUnansweredReport(stores.appendLog(UNANSWERED_LOG).entries(), {
      since: values.since,
      top,
    });
    process.stdout.write(
      values.questions
        ? unansweredQuestionsYaml(report)
        : `${values.json ? JSON.stringify(report, null, 2) : formatUnansweredReport(report)}\n`,
    );
    return 0;
  } finally {
    await stores.close();
  }
}

// Runs only when started as a script (npm run report:unanswered), never on import.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runReportUnanswered(process.argv.slice(2), process.env).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`report:unanswered failed: ${String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
