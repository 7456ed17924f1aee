/**
 * The procedure card: Procedure + the aspect asked → blocks. Each section is its own blocks so
 * channel adapters can split long cards at section boundaries. The section the question asked about
 * comes first. Nothing is invented: what the record does not say is shown as unknown, with the link
 * to the official page.
 */
import type { Locality, Procedure } from "../../catalogue/schema.ts";
import type { Translate } from "../../locales/index.ts";
import type { Aspect } from "../../search/types.ts";
import type { Block, Locale } from "../model.ts";
import { effectiveChannels } from "./fees.ts";
import { formatDuration, formatFees } from "./format.ts";

export interface CardContext {
  locale: Locale;
  tr: Translate;
  locality: Locality;
  /** Names of other procedures (replacements, bundles), by code; absent codes show the code only. */
  nameOf: (code: string) => string | undefined;
}

type Section = "papers" | "fee" | "time" | "place" | "conditions" | "legal" | "steps" | "result";

const defaultOrder: readonly Section[] = ["papers", "fee", "time", "place", "conditions", "legal"];

const leadSection: Record<Aspect, Section> = {
  papers: "papers",
  fee: "fee",
  time: "time",
  place: "place",
  online: "place",
  steps: "steps",
  legal: "legal",
  conditions: "conditions",
  result: "result",
};

/** The order of the card's sections for a question about `aspect`. */
export function sectionOrder(aspect: Aspect | null): Section[] {
  if (!aspect) return [...defaultOrder];
  const lead = leadSection[aspect];
  return [lead, ...defaultOrder.filter((section) => section !== lead)];
}

const MAX_LEGAL_ITEMS = 8;
const MAX_OFFICIAL_CHARS = 1500;

export function renderCard(procedure: Procedure, aspect: Aspect | null, ctx: CardContext): Block[] {
  const blocks: Block[] = [...header(procedure, ctx), ...statusNotes(procedure, ctx)];
  for (const section of sectionOrder(aspect)) {
    blocks.push(...renderSection(section, procedure, aspect, ctx));
  }
  blocks.push(...trustNotes(procedure, ctx));
  blocks.push({ kind: "link", label: ctx.tr("card.officialLink"), url: procedure.source.url });
  return blocks;
}

function header(procedure: Procedure, ctx: CardContext): Block[] {
  const { tr } = ctx;
  const lines = [
    tr("card.code", { code: procedure.code }),
    tr("card.level", { levels: procedure.levels.map((level) => tr(`level.${level}`)).join(", ") }),
  ];
  if (procedure.agency.implementing) lines.push(tr("card.agency", { agency: procedure.agency.implementing }));
  return [
    { kind: "heading", text: procedure.name },
    { kind: "paragraph", text: lines.join("\n") },
  ];
}

function statusNotes(procedure: Procedure, ctx: CardContext): Block[] {
  const { tr } = ctx;
  const blocks: Block[] = [];
  if (procedure.status.state === "repealed") {
    blocks.push({ kind: "paragraph", text: tr("card.repealed") });
    const replacements = procedure.status.replacedBy ?? [];
    if (replacements.length > 0) {
      blocks.push({ kind: "paragraph", text: tr("card.replacedBy") });
      blocks.push({ kind: "list", items: replacements.map((code) => labelOf(code, ctx)) });
    }
  } else if (procedure.status.state === "pending") {
    blocks.push({ kind: "paragraph", text: tr("card.pending") });
  }
  if (procedure.curatedNote)
    blocks.push({ kind: "paragraph", text: tr("card.curatedNote", { note: procedure.curatedNote }) });
  return blocks;
}

function labelOf(code: string, ctx: CardContext): string {
  const name = ctx.nameOf(code);
  return name ? `${name} (${code})` : code;
}

function renderSection(
  section: Section,
  procedure: Procedure,
  aspect: Aspect | null,
  ctx: CardContext,
): Block[] {
  switch (section) {
    case "papers":
      return papers(procedure, ctx);
    case "fee":
      return fees(procedure, ctx);
    case "time":
      return times(procedure, ctx);
    case "place":
      return place(procedure, aspect === "online", ctx);
    case "conditions":
      return conditions(procedure, aspect === "conditions", ctx);
    case "legal":
      return legal(procedure, ctx);
    case "steps":
      return listSection(ctx.tr("card.steps"), procedure.steps, ctx);
    case "result":
      return listSection(ctx.tr("card.result"), procedure.results, ctx);
  }
}

function papers(procedure: Procedure, ctx: CardContext): Block[] {
  const { tr } = ctx;
  const blocks: Block[] = [{ kind: "heading", text: tr("card.papers") }];
  if (procedure.cases.length === 0) {
    blocks.push({ kind: "paragraph", text: tr("card.papersUnknown") });
    return blocks;
  }
  const several = procedure.cases.length > 1;
  procedure.cases.forEach((procedureCase, index) => {
    if (several) {
      const title = procedureCase.title ?? tr("checklist.caseDefault", { n: index + 1 });
      blocks.push({ kind: "paragraph", text: tr("card.case", { title }) });
    }
    if (procedureCase.papers.length === 0) {
      blocks.push({ kind: "paragraph", text: tr("card.noPapers") });
    } else {
      blocks.push({ kind: "list", items: procedureCase.papers.map((paper) => describePaper(paper, ctx)) });
    }
    if (procedureCase.notes.length > 0)
      blocks.push({ kind: "paragraph", text: procedureCase.notes.join("\n") });
  });
  return blocks;
}

export function describePaper(
  paper: Procedure["cases"][number]["papers"][number],
  ctx: CardContext | { tr: Translate },
): string {
  const { tr } = ctx;
  const details: string[] = [];
  const { originals, copies } = paper;
  if (originals && copies) details.push(tr("card.paperCount", { originals, copies }));
  else if (originals) details.push(tr("card.paperOriginals", { originals }));
  else if (copies) details.push(tr("card.paperCopies", { copies }));
  if (paper.role === "xuat_trinh") details.push(tr("card.paperShow"));
  if (paper.forms.length > 0) details.push(tr("card.paperForm", { forms: paper.forms.join(", ") }));
  return details.length > 0 ? `${paper.name} (${details.join("; ")})` : paper.name;
}

/** One line per channel, or one line when every channel says the same. */
function perChannel(values: { kind: string; text: string }[], ctx: CardContext): string[] {
  const distinct = new Set(values.map((value) => value.text));
  if (distinct.size === 1) return [values[0]?.text ?? ""];
  return values.map((value) =>
    ctx.tr("card.channelLine", {
      channel: ctx.tr(`channel.${value.kind as "truc_tiep"}`),
      value: value.text,
    }),
  );
}

function fees(procedure: Procedure, ctx: CardContext): Block[] {
  const { tr, locale } = ctx;
  const blocks: Block[] = [{ kind: "heading", text: tr("card.fee") }];
  const { channels, overrideDecisions } = effectiveChannels(procedure, ctx.locality);
  if (channels.length === 0) {
    blocks.push({ kind: "paragraph", text: tr("card.feeUnknown") });
    return blocks;
  }
  const lines = perChannel(
    channels.map((channel) => ({ kind: channel.kind, text: formatFees(channel.fees, locale, tr) })),
    ctx,
  );
  blocks.push({ kind: "paragraph", text: lines.join("\n") });
  for (const decision of overrideDecisions)
    blocks.push({ kind: "paragraph", text: tr("card.feeLocal", { decision }) });
  return blocks;
}

function times(procedure: Procedure, ctx: CardContext): Block[] {
  const { tr, locale } = ctx;
  const blocks: Block[] = [{ kind: "heading", text: tr("card.time") }];
  if (procedure.channels.length === 0) {
    blocks.push({ kind: "paragraph", text: tr("card.timeUnknown") });
    return blocks;
  }
  const lines = perChannel(
    procedure.channels.map((channel) => ({
      kind: channel.kind,
      text: formatDuration(channel.time, locale, tr),
    })),
    ctx,
  );
  blocks.push({ kind: "paragraph", text: lines.join("\n") });
  return blocks;
}

function place(procedure: Procedure, onlineFirst: boolean, ctx: CardContext): Block[] {
  const { tr } = ctx;
  const blocks: Block[] = [{ kind: "heading", text: tr("card.place") }];
  const kinds = new Set(procedure.channels.map((channel) => channel.kind));
  if (kinds.size === 0) {
    blocks.push({ kind: "paragraph", text: tr("card.channelsUnknown") });
    blocks.push(...offices(ctx));
    return blocks;
  }
  const online: Block[] = kinds.has("truc_tuyen")
    ? [
        { kind: "paragraph", text: `${tr("card.online")} ${tr("card.vneid")}` },
        { kind: "link", label: tr("card.portal"), url: procedure.source.url },
      ]
    : [{ kind: "paragraph", text: tr("card.onlineNo") }];
  const offline: Block[] = [];
  if (kinds.has("truc_tiep")) offline.push(...offices(ctx));
  if (kinds.has("buu_chinh")) offline.push({ kind: "paragraph", text: tr("card.byPost") });
  if (onlineFirst) blocks.push(...online, ...offline);
  else blocks.push(...offline, ...online);
  return blocks;
}

function offices(ctx: CardContext): Block[] {
  return ctx.locality.offices.map((office) => ({
    kind: "paragraph" as const,
    text: ctx.tr("card.inPerson", {
      office: office.name,
      address: office.address,
      hours: office.openingHours,
    }),
  }));
}

function conditions(procedure: Procedure, asked: boolean, ctx: CardContext): Block[] {
  const { tr } = ctx;
  if (procedure.conditions.length === 0 && !asked) return [];
  const blocks: Block[] = [{ kind: "heading", text: tr("card.conditions") }];
  if (procedure.conditions.length === 0) blocks.push({ kind: "paragraph", text: tr("card.notStated") });
  else blocks.push({ kind: "list", items: [...procedure.conditions] });
  if (asked && procedure.applicants.length > 0) {
    blocks.push({ kind: "paragraph", text: tr("card.applicants") });
    blocks.push({ kind: "list", items: [...procedure.applicants] });
  }
  return blocks;
}

function legal(procedure: Procedure, ctx: CardContext): Block[] {
  if (procedure.legalBasis.length === 0) return [];
  const items: string[] = [];
  for (const item of procedure.legalBasis) {
    const text = item.number ?? shorten(item.title, 90);
    if (!items.includes(text)) items.push(text);
  }
  const shown = items.slice(0, MAX_LEGAL_ITEMS);
  if (items.length > shown.length) shown.push("…");
  return [
    { kind: "heading", text: ctx.tr("card.legal") },
    { kind: "paragraph", text: shown.join("; ") },
  ];
}

function listSection(title: string, items: readonly string[], ctx: CardContext): Block[] {
  if (items.length === 0)
    return [
      { kind: "heading", text: title },
      { kind: "paragraph", text: ctx.tr("card.notStated") },
    ];
  return [
    { kind: "heading", text: title },
    { kind: "list", items: [...items], ordered: true },
  ];
}

const officialSections = [
  "applicants",
  "channels",
  "papers",
  "steps",
  "conditions",
  "legalBasis",
  "result",
  "agency",
] as const;
type OfficialSection = (typeof officialSections)[number];

/** The official sections a parse issue concerns ("papers", "papers: …", "channels.fee" …). */
export function issueSections(issues: readonly string[]): OfficialSection[] {
  const found = new Set<OfficialSection>();
  for (const issue of issues) {
    const head = issue.trim().split(/[\s:.[/]/)[0] ?? "";
    const section = officialSections.find(
      (name) => name === head || (name === "legalBasis" && head === "legal"),
    );
    if (section) found.add(section);
  }
  return officialSections.filter((section) => found.has(section));
}

function trustNotes(procedure: Procedure, ctx: CardContext): Block[] {
  const { tr } = ctx;
  const blocks: Block[] = [];
  if (procedure.parseIssues.length > 0) {
    const sections = issueSections(procedure.parseIssues).filter((section) =>
      procedure.official[section]?.trim(),
    );
    if (sections.length > 0) {
      blocks.push({ kind: "paragraph", text: tr("card.partlyUnknown") });
      for (const section of sections) {
        blocks.push({ kind: "heading", text: tr(`section.${section}`) });
        blocks.push({
          kind: "paragraph",
          text: shorten(procedure.official[section] ?? "", MAX_OFFICIAL_CHARS),
        });
      }
    } else {
      blocks.push({ kind: "paragraph", text: tr("card.partlyUnknownLink") });
    }
  }
  if (!procedure.reviewed && !procedure.review)
    blocks.push({ kind: "paragraph", text: tr("card.unreviewed") });
  return blocks;
}

/** Cuts at a word boundary and adds "…". */
export function shorten(text: string, max: number): string {
  const clean = text.trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
