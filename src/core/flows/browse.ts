/** Browsing by field, then procedure, a page at a time, for people who prefer tapping to typing. */
import { createHash } from "node:crypto";
import type { Catalogue } from "../../catalogue/catalogue.ts";
import { choiceId } from "../choice-id.ts";
import type { FlowContext, FlowResult } from "../flow.ts";
import type { Block, Choice } from "../model.ts";
import type { ConversationState } from "../records.ts";
import { label, message, paragraph, result } from "./reply.ts";

export const PAGE_SIZE = 8;
/** Longest field slug put in a choice id as is; longer ones are replaced by a short hash. */
const MAX_SLUG_IN_ID = 48;

export interface Field {
  slug: string;
  name: string;
  /** Codes, sorted by priority then name. */
  codes: string[];
}

const fieldCache = new WeakMap<Catalogue, Field[]>();

/** The catalogue's fields, sorted by name (cached per catalogue instance). */
export function fields(catalogue: Catalogue): Field[] {
  const cached = fieldCache.get(catalogue);
  if (cached) return cached;
  const bySlug = new Map<string, { name: string; procedures: Catalogue["procedures"][number][] }>();
  for (const procedure of catalogue.procedures) {
    const entry = bySlug.get(procedure.folder) ?? { name: procedure.field, procedures: [] };
    entry.procedures.push(procedure);
    bySlug.set(procedure.folder, entry);
  }
  const list = [...bySlug.entries()]
    .map(([slug, entry]) => ({
      slug,
      name: entry.name,
      codes: entry.procedures
        .sort((a, b) => b.priority - a.priority || a.name.localeCompare(b.name, "vi"))
        .map((procedure) => procedure.code),
    }))
    .sort((a, b) => a.name.localeCompare(b.name, "vi"));
  fieldCache.set(catalogue, list);
  return list;
}

/** The key that stands for a field in a choice id. */
export function fieldKey(slug: string): string {
  if (slug.length <= MAX_SLUG_IN_ID) return slug;
  return `h${createHash("sha1").update(slug).digest("hex").slice(0, 10)}`;
}

export function findField(catalogue: Catalogue, key: string): Field | undefined {
  return fields(catalogue).find((field) => fieldKey(field.slug) === key);
}

function pager(page: number, pages: number, idOf: (page: number) => string, ctx: FlowContext): Choice[] {
  const choices: Choice[] = [];
  if (page > 0) choices.push({ id: idOf(page - 1), label: ctx.tr("browse.prev") });
  if (page < pages - 1) choices.push({ id: idOf(page + 1), label: ctx.tr("browse.next") });
  return choices;
}

export function fieldsPage(requested: number, ctx: FlowContext): { blocks: Block[]; choices: Choice[] } {
  const all = fields(ctx.catalogue);
  if (all.length === 0) return { blocks: [paragraph(ctx.tr("browse.empty"))], choices: [] };
  const pages = Math.ceil(all.length / PAGE_SIZE);
  const page = Math.min(Math.max(requested, 0), pages - 1);
  const shown = all.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE);
  const blocks: Block[] = [paragraph(ctx.tr("browse.fields"))];
  if (pages > 1) blocks.push(paragraph(ctx.tr("browse.page", { page: page + 1, pages })));
  const choices: Choice[] = shown.map((field) => ({
    id: choiceId({ kind: "field", slug: fieldKey(field.slug), page: 0 }),
    label: label(`${field.name} (${field.codes.length})`),
  }));
  choices.push(...pager(page, pages, (p) => choiceId({ kind: "fields", page: p }), ctx));
  return { blocks, choices };
}

export function browseFields(page: number, state: ConversationState, ctx: FlowContext): FlowResult {
  const view = fieldsPage(page, ctx);
  return result(state, [message(view.blocks, view.choices)]);
}

/** The procedures of one field; an unknown field (stale id after a reload) shows the fields again. */
export function browseField(
  key: string,
  requested: number,
  state: ConversationState,
  ctx: FlowContext,
): FlowResult {
  const field = findField(ctx.catalogue, key);
  if (!field) {
    const view = fieldsPage(0, ctx);
    return result(state, [message([paragraph(ctx.tr("choice.stale")), ...view.blocks], view.choices)]);
  }
  const pages = Math.max(1, Math.ceil(field.codes.length / PAGE_SIZE));
  const page = Math.min(Math.max(requested, 0), pages - 1);
  const blocks: Block[] = [paragraph(ctx.tr("browse.procedures", { field: field.name }))];
  if (pages > 1) blocks.push(paragraph(ctx.tr("browse.page", { page: page + 1, pages })));
  const choices: Choice[] = [];
  for (const code of field.codes.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE)) {
    const procedure = ctx.catalogue.byCode.get(code);
    if (procedure)
      choices.push({
        id: choiceId({ kind: "procedure", code, via: "browse" }),
        label: label(procedure.name),
      });
  }
  choices.push(
    ...pager(page, pages, (p) => choiceId({ kind: "field", slug: fieldKey(field.slug), page: p }), ctx),
  );
  return result(state, [message(blocks, choices)]);
}
