/**
 * Level twins (the same procedure at commune, province or ministry level) share one name: when two
 * of them stand in the first shown places, the second repeats what the citizen already sees and
 * pushes a different procedure out of view. The first places go to the best of each family; later
 * twins keep their order behind them, still among the candidates when there is room.
 */
export function spreadTwins<T>(ranked: readonly T[], familyOf: (item: T) => string, slots: number): T[] {
  const head: T[] = [];
  const deferred: T[] = [];
  const seen = new Set<string>();
  let i = 0;
  for (; i < ranked.length && head.length < slots; i++) {
    const item = ranked[i]!;
    const family = familyOf(item);
    if (seen.has(family)) deferred.push(item);
    else {
      seen.add(family);
      head.push(item);
    }
  }
  return [...head, ...deferred, ...ranked.slice(i)];
}

/** Leading words of a core name that make procedures siblings ("đăng ký biến động đất đai …"). */
const SIBLING_WORDS = 4;

/**
 * The sibling group of a core name: its first words. Siblings (the variants of one kind of
 * procedure) may hold all but one of the first places, so that a procedure of another kind is
 * still in view when the question is ambiguous between kinds ("sang tên" of a motorbike or of land).
 */
export function siblingKey(familyKey: string): string {
  return familyKey.split(" ").slice(0, SIBLING_WORDS).join(" ");
}
