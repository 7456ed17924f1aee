/**
 * The catalogue's single source of truth: one zod schema for a procedure file, one for a curated
 * overlay, one for the locality file, one for a file of labelled citizen questions. `npm run
 * catalogue:schema` turns them into JSON Schemas in `procedures/` so editors validate and
 * autocomplete the YAML files.
 *
 * Rule of the catalogue: never guess. A value the official text does not give is `unknown`, and the
 * official wording of every section is kept beside its parsed structure (`official`).
 */
import { z } from "zod";

export const procedureCode = z.string().regex(/^\d\.\d{6}$/, "a national procedure code looks like 1.001193");

export const level = z.enum(["bo", "tinh", "xa", "khac"]).describe("bộ / tỉnh / xã / cơ quan khác");

export const channelKind = z
  .enum(["truc_tiep", "truc_tuyen", "buu_chinh"])
  .describe("in person / online / by post");

export const timeUnit = z.enum([
  "ngay_lam_viec",
  "ngay",
  "gio",
  "gio_lam_viec",
  "thang",
  "nam",
  "tuan",
  "phut",
]);

/** A processing time: a value with a unit, or unknown (the text gives no value or no unit). */
export const duration = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("known"),
    value: z.number().nonnegative(),
    /** Upper bound where the text gives a range ("15 đến 20 ngày"). */
    max: z.number().nonnegative().optional(),
    unit: timeUnit,
    note: z.string().optional(),
  }),
  z.object({ kind: z.literal("unknown"), note: z.string().optional() }),
]);

/** One fee line. */
export const fee = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("amount"),
    amount: z.number().nonnegative(),
    currency: z.literal("VND"),
    note: z.string().optional(),
  }),
  z.object({ kind: z.literal("free"), note: z.string().optional() }),
  z.object({ kind: z.literal("province"), note: z.string().optional() }).describe("set by the province"),
  z.object({ kind: z.literal("unknown"), note: z.string().optional() }),
]);

export const submissionChannel = z.object({
  kind: channelKind,
  time: duration,
  fees: z.array(fee),
  description: z.string().optional(),
});

export const requiredPaper = z.object({
  name: z.string().min(1),
  /** Number of originals (bản chính); null when the text does not say. */
  originals: z.number().int().nonnegative().nullable(),
  /** Number of copies (bản sao); null when the text does not say. */
  copies: z.number().int().nonnegative().nullable(),
  /** Form files attached to the paper (mẫu đơn, tờ khai). */
  forms: z.array(z.string()),
  /** "nop" = to submit, "xuat_trinh" = to show; absent when the record does not say. */
  role: z.enum(["nop", "xuat_trinh"]).optional(),
  notes: z.array(z.string()).optional(),
});

export const procedureCase = z.object({
  /** The case title (trường hợp); null when the record has a single case. */
  title: z.string().nullable(),
  papers: z.array(requiredPaper),
  /** Notes that belong to the case but are not papers ("0 bản chính" entries, "* Lưu ý"). */
  notes: z.array(z.string()),
});

export const legalBasisItem = z.object({
  /** Document number such as "123/2015/NĐ-CP"; null when the record gives only a title. */
  number: z.string().nullable(),
  title: z.string(),
});

export const status = z.object({
  state: z.enum(["active", "repealed", "pending"]).describe("active / repealed / not yet in force"),
  effectiveFrom: z.string().optional(),
  repealedOn: z.string().optional(),
  replacedBy: z.array(procedureCode).optional(),
  note: z.string().optional(),
});

export const officialText = z
  .object({
    applicants: z.string().optional(),
    channels: z.string().optional(),
    papers: z.string().optional(),
    steps: z.string().optional(),
    conditions: z.string().optional(),
    legalBasis: z.string().optional(),
    result: z.string().optional(),
    agency: z.string().optional(),
  })
  .describe("The official wording of each section, as published, so nothing from the source is lost.");

export const source = z.object({
  url: z.url(),
  decision: z.string().nullable().describe("the publishing decision (số quyết định)"),
  capturedAt: z.string().describe("capture date or month, ISO 8601"),
  dataset: z.string().describe("dvc-2026 for imported records, manual for hand-written ones"),
});

export const procedure = z.object({
  code: procedureCode,
  name: z.string().min(1),
  field: z.string().min(1).describe("lĩnh vực"),
  levels: z.array(level).min(1),
  kind: z.string().optional().describe("loại thủ tục"),
  agency: z.object({
    implementing: z.string().nullable(),
    competent: z.string().nullable().optional(),
    authorised: z.string().nullable().optional(),
    coordinating: z.string().nullable().optional(),
    address: z.string().nullable().optional(),
  }),
  applicants: z.array(z.string()).describe("who may apply"),
  channels: z.array(submissionChannel),
  cases: z.array(procedureCase),
  steps: z.array(z.string()),
  conditions: z.array(z.string()),
  legalBasis: z.array(legalBasisItem),
  results: z.array(z.string()),
  related: z.array(procedureCode),
  bundles: z.array(procedureCode).describe("liên thông procedures this one is part of or bundles"),
  source,
  status,
  reviewed: z.boolean(),
  official: officialText,
  /** Where parsing was uncertain: the bot shows the official text for these sections. */
  parseIssues: z.array(z.string()),
});

/**
 * A curated overlay (`procedures/curated/<code>.yaml`). The importer never writes
 * these. Everything is optional; what is set replaces or extends the imported record.
 */
export const curatedOverlay = z.object({
  code: procedureCode,
  aliases: z.array(z.string()).default([]).describe("colloquial names and abbreviations citizens use"),
  priority: z.number().min(0).max(10).default(1).describe("ranking weight; 1 is neutral"),
  review: z
    .object({
      reviewedBy: z.string(),
      reviewedOn: z.string(),
      note: z.string().optional(),
    })
    .optional()
    .describe("present when a person checked papers, fees and times against the official wording"),
  /** Corrections made by the reviewer, replacing the imported values. */
  channels: z.array(submissionChannel).optional(),
  cases: z.array(procedureCase).optional(),
  status: status.optional(),
  related: z.array(procedureCode).optional(),
  bundles: z.array(procedureCode).optional(),
  note: z.string().optional().describe("a short note shown to citizens, in Vietnamese"),
});

export const office = z.object({
  name: z.string(),
  address: z.string(),
  openingHours: z.string(),
  phone: z.string().optional(),
  mapUrl: z.url().optional(),
});

export const locality = z.object({
  example: z.boolean().describe("true for the shipped example: replace it with your own facts"),
  name: z.string().describe("the commune or province, e.g. Phường Hoàn Kiếm"),
  province: z.string(),
  level: z.enum(["tinh", "xa"]),
  hotline: z.string(),
  email: z.string().optional(),
  website: z.url().optional(),
  offices: z.array(office).min(1),
  /** Fees decided by the province's People's Council, by procedure code. */
  feeOverrides: z
    .array(
      z.object({
        code: procedureCode,
        channel: channelKind.optional(),
        fees: z.array(fee),
        decision: z.string().describe("the People's Council resolution that sets it"),
      }),
    )
    .default([]),
  /** Working days to answer feedback, by category (used by the hotline queue). */
  feedbackDueDays: z.record(z.string(), z.number().int().positive()).default({}),
  holidays: z.array(z.string()).default([]).describe("public holidays, ISO dates, skipped as working days"),
  /** Months a ticket's content is kept after it is closed, then erased (the office's own rule). */
  feedbackRetentionMonths: z
    .number()
    .int()
    .positive()
    .max(120)
    .default(24)
    .describe("months feedback is kept after closing, then erased; the office's own choice"),
});

/**
 * A file of citizen questions labelled with the procedures that answer them
 * (`procedures/questions/<name>.yaml`): the search learns from them.
 */
export const questionsFile = z.object({
  items: z.array(
    z.object({
      q: z
        .string()
        .trim()
        .min(1, "a question cannot be empty")
        .describe("the question as a citizen wrote it"),
      codes: z
        .array(procedureCode)
        .describe("the procedures that answer it (any of them is right); [] when the catalogue has none"),
      style: z
        .string()
        .optional()
        .describe("how it is written (plain, accented, slang, oos, …); a note only"),
    }),
  ),
});

export type Level = z.infer<typeof level>;
export type ChannelKind = z.infer<typeof channelKind>;
export type Duration = z.infer<typeof duration>;
export type Fee = z.infer<typeof fee>;
export type SubmissionChannel = z.infer<typeof submissionChannel>;
export type RequiredPaper = z.infer<typeof requiredPaper>;
export type ProcedureCase = z.infer<typeof procedureCase>;
export type LegalBasisItem = z.infer<typeof legalBasisItem>;
export type ProcedureStatus = z.infer<typeof status>;
export type ProcedureRecord = z.infer<typeof procedure>;
export type CuratedOverlay = z.infer<typeof curatedOverlay>;
export type Locality = z.infer<typeof locality>;
export type Office = z.infer<typeof office>;
export type QuestionsFile = z.infer<typeof questionsFile>;
/**
 * A question as a citizen wrote it, labelled with the procedures that answer it (any of them is
 * right; none when the catalogue has nothing for it). The search learns from them.
 */
export interface LabelledQuestion {
  readonly q: string;
  readonly codes: readonly string[];
}

/** A procedure as the bot sees it: the record with its curated overlay applied. */
export type Procedure = ProcedureRecord & {
  aliases: readonly string[];
  priority: number;
  review?: CuratedOverlay["review"];
  curatedNote?: string;
  /** The folder (field slug) the file lives in. */
  folder: string;
};
