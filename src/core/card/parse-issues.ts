/**
 * The importer's parse issues name the section they concern first ("papers: …", "channels: …",
 * "legalBasis: …"). Hand-written records may carry free-text notes instead: those count as "other".
 */
export const officialSections = [
  "applicants",
  "channels",
  "papers",
  "steps",
  "conditions",
  "legalBasis",
  "result",
  "agency",
] as const;
export type OfficialSection = (typeof officialSections)[number];

export function issueSections(issues: readonly string[]): { sections: OfficialSection[]; other: boolean } {
  const found = new Set<OfficialSection>();
  let other = false;
  for (const issue of issues) {
    const head = /^\s*([A-Za-z]+)\s*:/.exec(issue)?.[1];
    const section = officialSections.find((name) => name === head);
    if (section) found.add(section);
    else other = true;
  }
  return { sections: officialSections.filter((section) => found.has(section)), other };
}
