/**
 * Start-up failures explained to the operator in plain words: what went wrong, which setting it
 * concerns, and what to do. main.ts prints them without a stack trace and exits 1.
 */
import { type CatalogueError, formatProblem } from "./catalogue/errors.ts";
import { scrubTokens } from "./logger.ts";

/** A start-up failure already explained to the operator in plain words (no stack trace needed). */
export class StartupError extends Error {
  override readonly name = "StartupError";
}

/** The catalogue did not load: its problems (first 20), and how to list them all. */
export function describeCatalogueError(error: CatalogueError, dir: string): string {
  const shown = error.problems.slice(0, 20).map((p) => `  - ${formatProblem(p)}`);
  const more = error.problems.length > 20 ? [`  … and ${error.problems.length - 20} more`] : [];
  return [
    `The procedure catalogue in '${dir}' (CATALOGUE_DIR) has ${error.problems.length} problem(s):`,
    ...shown,
    ...more,
    "Fix these files (npm run catalogue:check lists them all), then start again.",
  ].join("\n");
}

/** Why a channel could not start, and what to check: the token, or the network and API root. */
export function describeChannelFailure(name: string, error: unknown): string {
  const reason = scrubTokens(error instanceof Error ? error.message : String(error));
  const prefix = name.toUpperCase();
  const hint = /\b401\b|unauthori[sz]ed|invalid token/i.test(reason)
    ? `The platform does not accept the bot token: check ${prefix}_BOT_TOKEN.`
    : /network|fetch failed|ECONNREFUSED|ENOTFOUND|ETIMEDOUT|EAI_AGAIN|timed out/i.test(reason)
      ? `Cannot reach the ${name} API: check the network and ${prefix}_API_ROOT.`
      : `Check the ${prefix}_* settings in .env.example.`;
  return `Cannot start the ${name} channel: ${reason}\n${hint}`;
}

/** The data folder cannot be created or written. */
export function describeDataDirFailure(dataDir: string, error: unknown): string {
  const reason = error instanceof Error ? error.message : String(error);
  return `Cannot use the data folder '${dataDir}' (DATA_DIR): ${reason}. Set DATA_DIR to a folder this user can write to.`;
}
