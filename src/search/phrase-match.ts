/** Finding a phrase (a token sequence) inside a query's tokens, accent-aware. */
import { hasMarks, type Token, tokenize } from "./normalize.ts";

/**
 * Accent-aware equality: equal accented forms, or a query token typed without marks whose folded
 * form equals the phrase token's folded form.
 */
export function tokenMatches(query: Token, phrase: Token): boolean {
  if (query.accented === phrase.accented) return true;
  return !hasMarks(query) && query.folded === phrase.folded;
}

/** A phrase prepared for matching. */
export type Phrase = readonly Token[];

export function phrase(text: string): Phrase {
  return tokenize(text);
}

/** True when `p` occurs in `tokens` at position `at`. */
export function phraseAt(tokens: readonly Token[], at: number, p: Phrase): boolean {
  if (p.length === 0 || at + p.length > tokens.length) return false;
  for (let i = 0; i < p.length; i++) {
    if (!tokenMatches(tokens[at + i]!, p[i]!)) return false;
  }
  return true;
}

/** Positions where `p` occurs in `tokens`. */
export function findPhrase(tokens: readonly Token[], p: Phrase): number[] {
  const at: number[] = [];
  if (p.length === 0) return at;
  // A match starts with the phrase's first word folded: most places are ruled out by one comparison.
  const first = p[0]!.folded;
  for (let i = 0; i + p.length <= tokens.length; i++)
    if (tokens[i]!.folded === first && phraseAt(tokens, i, p)) at.push(i);
  return at;
}

/** The folded words of a query, to rule out at once the phrases whose first word it lacks. */
export function foldedWords(tokens: readonly Token[]): Set<string> {
  const out = new Set<string>();
  for (const t of tokens) out.add(t.folded);
  return out;
}

/** Whether any phrase could occur among words: its first word is there. */
export function mayOccur(words: ReadonlySet<string>, phrases: readonly Phrase[]): boolean {
  for (const p of phrases) if (p.length > 0 && words.has(p[0]!.folded)) return true;
  return false;
}

/** True when any of the phrases occurs. */
export function containsAny(tokens: readonly Token[], phrases: readonly Phrase[]): boolean {
  return phrases.some((p) => findPhrase(tokens, p).length > 0);
}
