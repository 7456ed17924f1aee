/**
 * Document priors: the curated `priority`, procedures citizens carry out (commune and province
 * levels, applicants such as "Công dân Việt Nam", "Cá nhân", "Hộ gia đình") over ministry-level or
 * business-only ones, and repealed procedures pushed down (never above their replacement, see
 * `keepReplacementsFirst`).
 */
import type { Procedure } from "../catalogue/schema.ts";
import { fold } from "./normalize.ts";
import type { SearchableProcedure } from "./searchable.ts";

const CITIZEN =
  /\b(cong dan|ca nhan|ho gia dinh|nguoi dan|nguoi viet nam|nguoi nuoc ngoai|nguoi dan toc|tre em|nguoi dan)\b/;

export function levelFactor(levels: readonly string[]): number {
  if (levels.includes("xa")) return 1;
  if (levels.includes("tinh")) return 0.97;
  if (levels.includes("khac")) return 0.95;
  return 0.92;
}

export function citizenFactor(applicants: readonly string[], officialApplicants?: string): boolean {
  const text = fold([...applicants, officialApplicants ?? ""].join(" ").toLowerCase());
  return text.trim() === "" || CITIZEN.test(text);
}

export function priorityFactor(priority: number): number {
  const p = Number.isFinite(priority) ? Math.min(10, Math.max(0, priority)) : 1;
  return ((p + 1) / 2) ** 0.15;
}

export function statusFactor(state: Procedure["status"]["state"]): number {
  if (state === "repealed") return 0.5;
  if (state === "pending") return 0.9;
  return 1;
}

/** The product of all priors for one procedure (1 is neutral). */
export function procedurePrior(p: SearchableProcedure): number {
  const citizen = citizenFactor(p.applicants, p.official.applicants) ? 1 : 0.9;
  return levelFactor(p.levels) * citizen * priorityFactor(p.priority) * statusFactor(p.status.state);
}

/**
 * Reorders ranked codes so that no repealed procedure stands above its replacement; a replacement
 * missing from the list is inserted just above the repealed one.
 */
export function keepReplacementsFirst<T extends { score: number }>(
  ranked: readonly T[],
  codeOf: (item: T) => string,
  replacementsOf: (code: string) => readonly string[] | undefined,
  make: (code: string, score: number) => T | undefined,
): T[] {
  const out = [...ranked];
  for (let i = 0; i < out.length; i++) {
    const replacedBy = replacementsOf(codeOf(out[i]!));
    if (!replacedBy || replacedBy.length === 0) continue;
    for (const code of replacedBy) {
      const j = out.findIndex((c) => codeOf(c) === code);
      if (j > i) {
        const [moved] = out.splice(j, 1);
        out.splice(i, 0, { ...moved!, score: Math.max(moved!.score, out[i]!.score) });
        i++;
      } else if (j === -1) {
        const made = make(code, out[i]!.score);
        if (made) {
          out.splice(i, 0, made);
          i++;
        }
      }
    }
  }
  return out;
}
