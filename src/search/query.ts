/**
 * Turns a raw citizen message into what the ranking needs: tokens (accented + folded, Telex
 * repaired), the aspect, the sibling cues, the content tokens left after stop phrases, and the
 * vocabulary expansions. Bounded work: the message is sanitised and capped first.
 */
import { detectAspect } from "./aspect.ts";
import { isSoft } from "./coverage.ts";
import { detectCues, type Variant } from "./cues.ts";
import { type Expansion, expandQuery, vocabularyPhrases } from "./expand.ts";
import { hasMarks, MAX_QUERY_TOKENS, sanitizeQuery, type Token, tokenize } from "./normalize.ts";
import { senseExpansions } from "./sense.ts";
import { expandShorthand } from "./shorthand.ts";
import { repairPairs } from "./spelling.ts";
import { stopPhrasePositions } from "./stop-phrases.ts";
import { repairToken } from "./telex.ts";
import type { Aspect } from "./types.ts";

export interface QueryAnalysis {
  /** All tokens (after Telex repair). */
  readonly tokens: readonly Token[];
  /** Tokens that carry the procedure meaning (stop phrases removed). */
  readonly content: readonly Token[];
  readonly aspect: Aspect | null;
  readonly cues: ReadonlySet<Variant>;
  readonly expansions: readonly Expansion[];
  /** Content tokens covered by an expansion (index into `content`). */
  readonly expandedContent: ReadonlySet<number>;
}

/** Telex/VNI repair of every token against the known folded syllables. */
function repair(tokens: readonly Token[], syllables: ReadonlySet<string>): Token[] {
  return tokens.map((t) => {
    if (t.accented !== t.folded) return t;
    const fixed = repairToken(t.folded, syllables);
    return fixed === t.folded ? t : { accented: fixed, folded: fixed };
  });
}

const PURPOSE = "để";
/** Content words (not soft) a main clause needs before its purpose clause is set aside. */
const MAIN_CLAUSE_WORDS = 2;

/**
 * Drops the vocabulary expansions of a purpose clause ("xác nhận độc thân để lấy chồng", "chuyển
 * lên đất ở để xây nhà"): the citizen asks for the paper of the main clause, not for what it is
 * for. When the main clause is only a question frame ("cần chuẩn bị gì để đăng ký kết hôn"), the
 * purpose is the question and keeps its expansions.
 */
function mainClause(content: readonly Token[], expansions: Expansion[]): Expansion[] {
  const at = content.findIndex((t) => t.accented === PURPOSE);
  if (at < 0) return expansions;
  const before = content.slice(0, at).filter((t) => !isSoft(t)).length;
  if (before < MAIN_CLAUSE_WORDS) return expansions;
  return expansions.filter((e) => e.positions.some((p) => p < at));
}

export function analyzeQuery(
  raw: string,
  syllables: ReadonlySet<string>,
  pairs: ReadonlySet<string> = new Set(),
): QueryAnalysis {
  const typed = repair(
    expandShorthand(tokenize(sanitizeQuery(raw), MAX_QUERY_TOKENS)).slice(0, MAX_QUERY_TOKENS),
    syllables,
  );
  // Greetings and question frames are found before the spelling repair, which must not touch them.
  const framing = stopPhrasePositions(typed, vocabularyPhrases());
  // Everyday words typed with their marks ("rồi", "chị") are spelled right: only the rest is open
  // to repair (an unmarked "se" may still be a misspelt "xe"). In a message typed with marks, an
  // everyday word without any ("con", "cho") is spelled right too: "hai đứa con" is no "đứa công".
  const accented = typed.filter(hasMarks).length * 2 >= typed.length;
  const everyday = new Set(
    typed.flatMap((t, i) => (framing.has(i) || ((accented || hasMarks(t)) && isSoft(t)) ? [i] : [])),
  );
  const tokens = repairPairs(typed, pairs, everyday);
  const content = tokens.filter((_, i) => !framing.has(i));
  const expansions = mainClause(content, [...expandQuery(content), ...senseExpansions(content)]);
  const expandedContent = new Set<number>();
  for (const e of expansions) for (const p of e.positions) expandedContent.add(p);
  return {
    tokens,
    content,
    aspect: detectAspect(tokens),
    cues: detectCues(tokens),
    expansions,
    expandedContent,
  };
}
