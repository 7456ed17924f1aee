/**
 * The procedure card: Procedure + the aspect asked → blocks. Each section is its own blocks so
 * channel adapters can split long cards at section boundaries. The section the question asked about
 * comes first. Nothing is invented: what the record does not say is shown as unknown, and where the
 * importer could not read a section cleanly the card says so (or shows the official wording when
 * nothing could be read), with the link to the official page at the end.
 */
import type { Locality, Procedure, RequiredPaper } from "../../catalogue/schema.ts";
import type { Translate } from "../../locales/index.ts";
import type { Aspect } from "../../search/types.ts";
import type { Block, Locale } from "../model.ts";
import { effectiveChannels } from "./fees.ts";
import { formatDuration, formatFees } from "./format.ts";
import { issueSections, type OfficialSection } from "./parse-issues.ts";
import { shorten } from "./shorten.ts";

export interface CardContext {
  locale: Locale;
  tr: Translate;
  locality: Locality;
  /** Names of other procedures (replacements), by code; unknown codes show the code only. */
  nameOf: (code: string) => string | undefined;
}

export type Section = "papers" | "fee" | "time" | "place" | "conditions" | "legal" | "steps" | "result";

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

/** Above this many cases the card lists the cases and the checklist shows each case's papers. */
export const MAX_CASES_IN_CARD = 2;
const MAX_NOTES_PER_CASE = 3;
const MAX_NOTE_CHARS = 400;
const MAX_LEGAL_ITEMS = 8;
const MAX_OFFICIAL_CHARS = 1500;

/** What one rendering has already said, so a note about an unclear section is given once. */
interface Render {
  procedure: Procedure;
  ctx: CardContext;
  issues: Set<OfficialSection>;
  noted: Set<OfficialSection>;
}

export function renderCard(procedure: Procedure, aspect: Aspect | null, ctx: CardContext): Block[] {
  const parsed = issueSections(procedure.parseIssues);
  const render: Render = { procedure, ctx, issues: new Set(parsed.sections), noted: new Set() };
  const blocks: Block[] = [...header(procedure, ctx), ...statusNotes(procedure, ctx)];
  for (const section of sectionOrder(aspect)) {
    blocks.push(...renderSection(section, aspect, render));
  }
  if (parsed.other) blocks.push({ kind: "paragraph", text: ctx.tr("card.partlyUnknownLink") });
  if (!procedure.reviewed) blocks.push({ kind: "paragraph", text: ctx.tr("card.unreviewed") });
  blocks.push({ kind: "link", label: ctx.tr("card.officialLink"), url: procedure.source.url });
  return blocks;
}

/**
 * The part of the card that answers a follow-up question about one aspect ("phí bao nhiêu?"),
 * with the same notes about what is unknown and the link to the official page.
 */
export function renderAspect(procedure: Procedure, aspect: Aspect, ctx: CardContext): Block[] {
  const parsed = issueSections(procedure.parseIssues);
  const render: Render = { procedure, ctx, issues: new Set(parsed.sections), noted: new Set() };
  const blocks = renderSection(leadSection[aspect], aspect, render);
  if (aspect === "place" || aspect === "online") blocks.push(...districtNote(procedure, ctx));
  if (!procedure.reviewed) blocks.push({ kind: "paragraph", text: ctx.tr("card.unreviewed") });
  // The place section already links the official page when the procedure can be done online.
  const url = procedure.source.url;
  if (!blocks.some((block) => block.kind === "link" && block.url === url)) {
    blocks.push({ kind: "link", label: ctx.tr("card.officialLink"), url });
  }
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
      blocks.push({
        kind: "list",
        items: replacements.map((code) => {
          const name = ctx.nameOf(code);
          return name ? `${name} (${code})` : code;
        }),
      });
    }
  } else if (procedure.status.state === "pending") {
    blocks.push({ kind: "paragraph", text: tr("card.pending") });
  }
  if (procedure.curatedNote) {
    blocks.push({ kind: "paragraph", text: tr("card.curatedNote", { note: procedure.curatedNote }) });
  }
  blocks.push(...districtNote(procedure, ctx));
  return blocks;
}

const DISTRICT = /\bhuyện\b/iu;

/**
 * Records captured after 1 July 2025 can still name a district office ("thực hiện tại cấp huyện",
 * "Công an huyện"), though districts no longer exist: the card says so and points to the hotline
 * for where to apply, instead of guessing the office that took over.
 */
function districtNote(procedure: Procedure, ctx: CardContext): Block[] {
  const { implementing, competent } = procedure.agency;
  const mentions = [procedure.name, implementing ?? "", competent ?? ""].some((text) => DISTRICT.test(text));
  return mentions
    ? [{ kind: "paragraph", text: ctx.tr("card.districtGone", { hotline: ctx.locality.hotline }) }]
    : [];
}

function renderSection(section: Section, aspect: Aspect | null, render: Render): Block[] {
  const { procedure, ctx } = render;
  switch (section) {
    case "papers":
      return papers(render);
    case "fee":
      return fees(render);
    case "time":
      return times(render);
    case "place":
      return place(render, aspect === "online");
    case "conditions":
      return conditions(render, aspect === "conditions");
    case "legal":
      return legal(render);
    case "steps":
      return listSection(ctx.tr("card.steps"), procedure.steps, "steps", render);
    case "result":
      return listSection(ctx.tr("card.result"), procedure.results, "result", render);
  }
}

/** The note that a section was not read cleanly, once per official section. */
function uncertain(section: OfficialSection, render: Render): Block[] {
  if (!render.issues.has(section) || render.noted.has(section)) return [];
  render.noted.add(section);
  return [{ kind: "paragraph", text: render.ctx.tr("card.sectionUncertain") }];
}

/** The official wording of a section, when the parsed structure is empty. */
function officialWording(section: OfficialSection, render: Render): Block[] {
  const text = render.procedure.official[section]?.trim();
  if (!text || render.noted.has(section)) return [];
  render.noted.add(section);
  return [
    { kind: "paragraph", text: render.ctx.tr("card.officialWording") },
    { kind: "paragraph", text: shorten(text, MAX_OFFICIAL_CHARS) },
  ];
}

function papers(render: Render): Block[] {
  const { procedure, ctx } = render;
  const { tr } = ctx;
  const blocks: Block[] = [{ kind: "heading", text: tr("card.papers") }];
  const cases = procedure.cases;
  if (cases.length === 0) {
    blocks.push({ kind: "paragraph", text: tr("card.papersUnknown") }, ...officialWording("papers", render));
    return blocks;
  }
  if (cases.length > MAX_CASES_IN_CARD) {
    blocks.push(
      { kind: "paragraph", text: tr("card.casesPick", { n: cases.length }) },
      {
        kind: "list",
        items: cases.map((procedureCase, index) => caseTitle(procedureCase.title, index, tr)),
        ordered: true,
      },
      ...uncertain("papers", render),
    );
    return blocks;
  }
  cases.forEach((procedureCase, index) => {
    if (cases.length > 1) {
      blocks.push({
        kind: "paragraph",
        text: tr("card.case", { title: caseTitle(procedureCase.title, index, tr) }),
      });
    }
    if (procedureCase.papers.length === 0) blocks.push({ kind: "paragraph", text: tr("card.noPapers") });
    else blocks.push({ kind: "list", items: procedureCase.papers.map((paper) => describePaper(paper, tr)) });
    const notes = procedureCase.notes
      .slice(0, MAX_NOTES_PER_CASE)
      .map((note) => shorten(note, MAX_NOTE_CHARS));
    if (procedureCase.notes.length > MAX_NOTES_PER_CASE) {
      notes.push(tr("card.moreNotes", { n: procedureCase.notes.length - MAX_NOTES_PER_CASE }));
    }
    if (notes.length > 0) blocks.push({ kind: "paragraph", text: notes.join("\n") });
  });
  blocks.push(...uncertain("papers", render));
  return blocks;
}

export function caseTitle(title: string | null, index: number, tr: Translate): string {
  return title ?? tr("checklist.caseDefault", { n: index + 1 });
}

/** "Tờ khai (1 bản chính, 2 bản sao; mẫu: TK1.docx)"; counts the record does not give are said unknown. */
export function describePaper(paper: RequiredPaper, tr: Translate): string {
  const details: string[] = [];
  const { originals, copies } = paper;
  if (originals && copies) details.push(tr("card.paperCount", { originals, copies }));
  else if (originals) details.push(tr("card.paperOriginals", { originals }));
  else if (copies) details.push(tr("card.paperCopies", { copies }));
  else if (originals === null && copies === null) details.push(tr("card.paperCountUnknown"));
  if (paper.role === "xuat_trinh") details.push(tr("card.paperShow"));
  if (paper.forms.length > 0) details.push(tr("card.paperForm", { forms: paper.forms.join(", ") }));
  return details.length > 0 ? `${paper.name} (${details.join("; ")})` : paper.name;
}

/** One line per channel, or a single line when every channel says the same. */
function perChannel(
  values: { kind: "truc_tiep" | "truc_tuyen" | "buu_chinh"; text: string }[],
  tr: Translate,
) {
  const distinct = new Set(values.map((value) => value.text));
  if (distinct.size === 1) return [values[0]?.text ?? ""];
  return values.map((value) =>
    tr("card.channelLine", { channel: tr(`channel.${value.kind}`), value: value.text }),
  );
}

function fees(render: Render): Block[] {
  const { procedure, ctx } = render;
  const { tr, locale } = ctx;
  const blocks: Block[] = [{ kind: "heading", text: tr("card.fee") }];
  const { channels, overrideDecisions } = effectiveChannels(procedure, ctx.locality);
  if (channels.length === 0) {
    blocks.push({ kind: "paragraph", text: tr("card.feeUnknown") });
    return blocks;
  }
  const lines = perChannel(
    channels.map((channel) => ({ kind: channel.kind, text: formatFees(channel.fees, locale, tr) })),
    tr,
  );
  blocks.push({ kind: "paragraph", text: lines.join("\n") });
  for (const decision of overrideDecisions)
    blocks.push({ kind: "paragraph", text: tr("card.feeLocal", { decision }) });
  if (overrideDecisions.length === 0) blocks.push(...uncertain("channels", render));
  return blocks;
}

function times(render: Render): Block[] {
  const { procedure, ctx } = render;
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
    tr,
  );
  blocks.push({ kind: "paragraph", text: lines.join("\n") }, ...uncertain("channels", render));
  return blocks;
}

function place(render: Render, onlineFirst: boolean): Block[] {
  const { procedure, ctx } = render;
  const { tr } = ctx;
  const blocks: Block[] = [{ kind: "heading", text: tr("card.place") }];
  const kinds = new Set(procedure.channels.map((channel) => channel.kind));
  if (kinds.size === 0) {
    blocks.push(
      { kind: "paragraph", text: tr("card.channelsUnknown") },
      ...officialWording("channels", render),
      ...offices(ctx),
    );
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

function conditions(render: Render, asked: boolean): Block[] {
  const { procedure, ctx } = render;
  const { tr } = ctx;
  if (procedure.conditions.length === 0 && !asked) return [];
  const blocks: Block[] = [{ kind: "heading", text: tr("card.conditions") }];
  if (procedure.conditions.length === 0) blocks.push({ kind: "paragraph", text: tr("card.notStated") });
  else blocks.push({ kind: "list", items: [...procedure.conditions] });
  if (asked && procedure.applicants.length > 0) {
    blocks.push(
      { kind: "paragraph", text: tr("card.applicants") },
      { kind: "list", items: [...procedure.applicants] },
    );
  }
  return blocks;
}

function legal(render: Render): Block[] {
  const { procedure, ctx } = render;
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
    ...uncertain("legalBasis", render),
  ];
}

function listSection(
  title: string,
  items: readonly string[],
  section: OfficialSection,
  render: Render,
): Block[] {
  const heading: Block = { kind: "heading", text: title };
  if (items.length === 0) {
    return [
      heading,
      { kind: "paragraph", text: render.ctx.tr("card.notStated") },
      ...officialWording(section, render),
    ];
  }
  return [heading, { kind: "list", items: [...items], ordered: true }, ...uncertain(section, render)];
}
