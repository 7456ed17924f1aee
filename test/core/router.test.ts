import { describe, expect, it } from "vitest";
import type { FlowContext, FlowResult } from "../../src/core/flow.ts";
import type { InboundEvent } from "../../src/core/model.ts";
import {
  type ConversationState,
  conversationState,
  initialConversationState,
  type SavedChecklists,
} from "../../src/core/records.ts";
import {
  MAX_QUESTION_LENGTH,
  mayNeedAnnouncements,
  resolveTypedChoice,
  step,
} from "../../src/core/router.ts";
import { translator } from "../../src/locales/index.ts";
import { fakeSearch, fixtureCatalogue, lastChoices, replyText, standardRules } from "./support.ts";

const catalogue = fixtureCatalogue();

function context(
  overrides: Partial<FlowContext> = {},
): FlowContext & { search: ReturnType<typeof fakeSearch> } {
  return {
    catalogue,
    search: fakeSearch(standardRules),
    locale: "vi",
    tr: translator("vi"),
    now: 1_000,
    checklists: { v: 1, items: [] },
    subscription: null,
    news: [],
    ...overrides,
  } as FlowContext & { search: ReturnType<typeof fakeSearch> };
}

const base = { address: "console:local" as const, userId: "1", receivedAt: 0 };
const text = (value: string): InboundEvent => ({ ...base, kind: "text", text: value });
const choice = (id: string): InboundEvent => ({ ...base, kind: "choice", choiceId: id });
const command = (name: string, args = ""): InboundEvent => ({
  ...base,
  kind: "command",
  command: name,
  args,
});

/** Runs events in order, threading the state (and the saved checklists, as the assistant does). */
function run(
  events: InboundEvent[],
  ctx = context(),
): { last: FlowResult; state: ConversationState; ctx: typeof ctx } {
  let state = initialConversationState();
  let last: FlowResult | undefined;
  for (const event of events) {
    last = step(state, event, ctx);
    state = last.state;
    for (const effect of last.effects) {
      if (effect.kind === "saveChecklist") {
        ctx.checklists = {
          v: 1,
          items: [
            ...ctx.checklists.items.filter((item) => item.code !== effect.checklist.code),
            effect.checklist,
          ],
        } satisfies SavedChecklists;
      }
    }
  }
  if (!last) throw new Error("no events");
  return { last, state, ctx };
}

describe("the conversation router", () => {
  it("keeps its state plain JSON (serialisable) and valid against its schema", () => {
    const { state } = run([text("giấy tờ"), text("1"), choice("ck:1.001193")]);
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
    expect(conversationState.parse(state)).toEqual(state);
  });

  it("welcomes greetings like /start", () => {
    for (const greeting of ["Xin chào", "chao ban", "alo"]) {
      expect(lastChoices(run([text(greeting)]).last.replies)[0]?.id).toBe("m:lookup");
    }
  });

  it("answers each welcome menu choice", () => {
    const lookup = run([choice("m:lookup")]).last;
    expect(replyText(lookup.replies)).toContain("Bạn hãy gõ tên thủ tục");
    expect(lastChoices(lookup.replies)[0]?.id).toMatch(/^b:/);
    const contact = replyText(run([choice("m:contact")]).last.replies);
    expect(contact).toContain("Đường dây nóng: 1900 0000 00");
    expect(contact).toContain(catalogue.locality.offices[0]?.openingHours ?? "?");
    expect(contact).toContain("đây là thông tin mẫu");
    expect(replyText(run([choice("m:subscribe")]).last.replies)).toContain("Các chủ đề:");
  });

  it("resolves a typed number or a choice's label to the choice offered last", () => {
    const offered = [
      { id: "p:1.001193:c", label: "Thủ tục đăng ký khai sinh" },
      { id: "p:1.004222:c", label: "Đăng ký thường trú" },
    ];
    expect(resolveTypedChoice("2", offered)).toBe(offered[1]);
    expect(resolveTypedChoice(" 1. ", offered)).toBe(offered[0]);
    expect(resolveTypedChoice("dang ky thuong tru", offered)).toBe(offered[1]);
    expect(resolveTypedChoice("3", offered)).toBe("out-of-range");
    expect(resolveTypedChoice("0", offered)).toBe("out-of-range");
    expect(resolveTypedChoice("khai sinh", offered)).toBeNull();
    expect(resolveTypedChoice("1", [])).toBeNull();
    // As people who rarely use a phone type a number.
    for (const typed of ["số 2", "chọn 2 ạ", "Chọn số 2", "cái thứ 2", "2 ạ", "số hai", "em chọn hai nhé"]) {
      expect(resolveTypedChoice(typed, offered), typed).toBe(offered[1]);
    }
    expect(resolveTypedChoice("số 3", offered)).toBe("out-of-range");
    // A number word alone is a word ("ba" is also a father), and a question with a number is a question.
    for (const typed of ["hai", "ba ạ", "năm nhé", "cccd 2 năm", "2 con"]) {
      expect(resolveTypedChoice(typed, offered), typed).toBeNull();
    }
    expect(run([text("giấy tờ"), text("Thủ tục đăng ký khai sinh")]).last.state.lastAnswer?.code).toBe(
      "1.001193",
    );
  });

  it("asks for a number in range, offering the same choices again", () => {
    const { last } = run([text("giấy tờ"), text("9")]);
    expect(replyText(last.replies)).toBe("Bạn hãy chọn một số từ 1 đến 3.");
    expect(lastChoices(last.replies).map((item) => item.id)).toEqual([
      "p:1.001193:c",
      "p:1.004222:c",
      "p:1.000656:c",
    ]);
  });

  it("answers stale, forged and garbage choice ids politely", () => {
    for (const id of [
      "p:9.999999",
      "ck:1.004222:99",
      "tk:1.001193:0:99",
      "tk:1.001193:5:0",
      "b:khong-co:0",
      "v:u:9.999999",
    ]) {
      const reply = replyText(run([choice(id)]).last.replies);
      expect(reply, id).toMatch(/không còn|đã cũ/);
    }
    for (const id of ["xx", "p:1.001193;DROP", "", "ck:../../", "\u0000"]) {
      expect(replyText(run([choice(id)]).last.replies), id).toBe(
        "Lựa chọn này đã cũ hoặc không còn dùng được. Bạn hãy hỏi lại hoặc gõ /start.",
      );
    }
  });

  it("answers a follow-up question about the procedure answered last with that part only", () => {
    const { last } = run([text("khai sinh"), text("phí bao nhiêu?")]);
    const said = replyText(last.replies);
    expect(said).toContain("Về thủ tục “Thủ tục đăng ký khai sinh” (1.001193):");
    expect(said).toContain("Lệ phí");
    expect(said).not.toContain("Giấy tờ cần mang");
    expect(said).toContain("Nếu bạn hỏi về thủ tục khác");
    expect(lastChoices(last.replies).map((c) => c.id)).toEqual(["p:1.001193", "ck:1.001193"]);
    expect(last.effects).toEqual([]);
    expect(last.state.lastAnswer?.code).toBe("1.001193");
    // "Xem đầy đủ thủ tục" shows the whole card.
    const whole = run([text("khai sinh"), text("phí bao nhiêu?"), text("1")]).last;
    expect(replyText(whole.replies)).toContain("Giấy tờ cần mang");
  });

  it("takes 'có ạ' / 'không' after a card as the answer to 'was this helpful?'", () => {
    const up = run([text("khai sinh"), text("Có ạ")]).last;
    expect(up.effects).toMatchObject([{ kind: "recordVote", code: "1.001193", vote: "up" }]);
    const down = run([text("khai sinh"), text("không đúng")]).last;
    expect(down.effects).toMatchObject([{ kind: "recordVote", code: "1.001193", vote: "down" }]);
    expect(run([text("khai sinh"), text("ko")]).last.effects).toMatchObject([{ vote: "down" }]);
    // Without 👍/👎 on offer, "có" is a plain "yes" (no vote, no "nothing fits"); a longer message is a new question.
    const plainYes = run([text("có")]).last;
    expect(plainYes.effects).toEqual([]);
    expect(replyText(plainYes.replies)).toContain("Vâng ạ");
    expect(run([text("khai sinh"), text("có phải đăng ký khai sinh không")]).last.effects).toEqual([]);
  });

  it("answers thanks and 'ok' kindly, keeping the choices and the procedure of the answer before", () => {
    const card = run([text("khai sinh")]).last;
    for (const said of ["cảm ơn ad nhiều ạ", "ok"]) {
      const { last } = run([text("khai sinh"), text(said)]);
      expect(replyText(last.replies), said).not.toContain("Xin lỗi");
      expect(last.effects, said).toEqual([]);
      expect(last.state.offered, said).toEqual(card.state.offered);
      // "phí bao nhiêu?" after thanks is still about the procedure.
      const next = run([text("khai sinh"), text(said), text("phí bao nhiêu?")]).last;
      expect(replyText(next.replies), said).toContain("Về thủ tục “Thủ tục đăng ký khai sinh”");
    }
    expect(replyText(run([text("cảm ơn")]).last.replies)).toContain("không có gì");
  });

  it("says what it is and how to reach a person when asked who it is", () => {
    const { last } = run([text("bạn là ai vậy")]);
    const said = replyText(last.replies);
    expect(said).toContain("Tôi là trợ lý tự động");
    expect(said).toContain("Tôi không phải cán bộ");
    expect(said).toContain(catalogue.locality.hotline);
    expect(lastChoices(last.replies).length).toBeGreaterThan(0);
  });

  it("asks which procedure a follow-up question means when no answer came before it", () => {
    const { last } = run([text("phí bao nhiêu?")]);
    expect(replyText(last.replies)).toContain("Bạn hỏi về thủ tục nào?");
    expect(lastChoices(last.replies).map((c) => c.id)).toEqual(["m:lookup"]);
    // Not a gap in the catalogue: not logged as unanswered.
    expect(last.effects).toEqual([]);
    // Nor after a question that found nothing, or asked to choose: the topic changed.
    const afterNone = run([text("khai sinh"), text("giá vàng"), text("phí bao nhiêu?")]).last;
    expect(replyText(afterNone.replies)).toContain("Bạn hỏi về thủ tục nào?");
    // Right after "which procedure do you mean?": the same candidates, and the pick leads with the fee.
    const clarified = run([text("giấy tờ"), text("phí bao nhiêu?")]).last;
    expect(replyText(clarified.replies)).toContain("Bạn muốn hỏi thủ tục nào?");
    expect(lastChoices(clarified.replies)).toEqual(lastChoices(run([text("giấy tờ")]).last.replies));
    const picked = run([text("giấy tờ"), text("phí bao nhiêu?"), text("1")]).last;
    expect(replyText(picked.replies).split("\n").slice(0, 40).join("\n")).toMatch(
      /Mã thủ tục[\s\S]*Lệ phí[\s\S]*Giấy tờ cần mang/,
    );
    // Two follow-ups in a row are both about the procedure.
    const twice = run([text("khai sinh"), text("phí bao nhiêu?"), text("phí bao nhiêu nữa")]).last;
    expect(replyText(twice.replies)).toContain("Về thủ tục “Thủ tục đăng ký khai sinh”");
  });

  it("handles bad text: empty, only spaces, control characters, emoji only", () => {
    expect(replyText(run([text("")]).last.replies)).toContain("Tôi chưa nhận được nội dung");
    expect(replyText(run([text("   \n\t ")]).last.replies)).toContain("Tôi chưa nhận được nội dung");
    expect(replyText(run([text("\u0000\u0007\u200b")]).last.replies)).toContain(
      "Tôi chưa nhận được nội dung",
    );
    expect(replyText(run([text("🙏🙏😭")]).last.replies)).toContain("Bạn hãy gõ câu hỏi bằng chữ");
    const { last, ctx } = run([text("khai\u0000 sinh\u0007")]);
    expect(ctx.search.queries).toEqual(["khai sinh"]);
    expect(last.state.lastAnswer?.code).toBe("1.001193");
  });

  it("answers a 10,000-character message from its beginning, saying so", () => {
    const long = `đăng ký khai sinh cho con ${"rất ".repeat(2_500)}`.slice(0, 10_000);
    const { last, ctx } = run([text(long)]);
    expect(ctx.search.queries[0]?.length).toBeLessThanOrEqual(MAX_QUESTION_LENGTH);
    expect(replyText(last.replies)).toContain("Tin nhắn khá dài, tôi chỉ đọc phần đầu");
    expect(last.state.lastAnswer?.code).toBe("1.001193");
  });

  it("passes HTML and Markdown in a question through as plain text (adapters escape)", () => {
    const { ctx, last } = run([text("<b>khai sinh</b> *gấp* [link](http://x)")]);
    expect(ctx.search.queries).toEqual(["<b>khai sinh</b> *gấp* [link](http://x)"]);
    expect(last.state.lastAnswer?.code).toBe("1.001193");
    const none = run([text("<script>alert(1)</script>")]).last;
    expect(none.effects).toEqual([
      { kind: "logUnanswered", question: "<script>alert(1)</script>", candidates: [] },
    ]);
  });

  it("answers unknown commands, and announces the later features' commands as coming", () => {
    expect(replyText(run([command("xyz")]).last.replies)).toBe(
      "Tôi không hiểu lệnh /xyz. Gõ /help để xem cách dùng.",
    );
    expect(replyText(run([text("/abc def")]).last.replies)).toBe(
      "Tôi không hiểu lệnh /abc. Gõ /help để xem cách dùng.",
    );
    for (const name of ["phananh", "trangthai"]) {
      expect(replyText(run([command(name)]).last.replies), name).toContain("Tính năng này sắp có");
    }
    expect(replyText(run([command("help@HoiThuTucBot")]).last.replies)).toContain("Cách hỏi");
  });

  it("answers photos, stickers and voice with 'I understand text', but reads a photo's caption", () => {
    for (const what of ["sticker", "voice", "file", "location", "other"] as const) {
      expect(replyText(run([{ ...base, kind: "unsupported", what }]).last.replies)).toContain(
        "tôi chỉ hiểu tin nhắn dạng chữ",
      );
    }
    expect(replyText(run([{ ...base, kind: "photo", photo: { fileId: "x" } }]).last.replies)).toContain(
      "tôi chỉ hiểu tin nhắn dạng chữ",
    );
    const caption = run([{ ...base, kind: "photo", photo: { fileId: "x" }, caption: "khai sinh" }]).last;
    expect(caption.state.lastAnswer?.code).toBe("1.001193");
  });

  it("falls back sensibly when the search names codes the current catalogue lacks (index older than a reload)", () => {
    const staleIndex = fakeSearch([
      {
        when: /khai sinh/,
        result: {
          decision: "answer",
          answer: "9.999999",
          candidates: [
            { code: "9.999999", name: "gone", score: 9 },
            { code: "1.001193", name: "Thủ tục đăng ký khai sinh", score: 5 },
          ],
          aspect: null,
        },
      },
      {
        when: /kết hôn/,
        result: {
          decision: "clarify",
          answer: null,
          candidates: [{ code: "9.999998", name: "gone", score: 2 }],
          aspect: null,
        },
      },
    ]);
    const clarified = run([text("khai sinh")], context({ search: staleIndex })).last;
    expect(lastChoices(clarified.replies).map((item) => item.id)).toEqual(["p:1.001193:c"]);
    const none = run([text("kết hôn")], context({ search: staleIndex })).last;
    expect(none.effects).toEqual([{ kind: "logUnanswered", question: "kết hôn", candidates: ["9.999998"] }]);
  });

  it("offers the replacement of a repealed procedure and the bundle of a covered need", () => {
    const repealed = run([choice("p:2.000986")]).last;
    expect(replyText(repealed.replies)).toContain("Thủ tục này đã bị bãi bỏ.");
    expect(lastChoices(repealed.replies).map((item) => item.id)).toContain("p:3.000722:r");
    const bundle = run([choice("p:3.000722:r")]).last;
    expect(bundle.state.lastAnswer).toEqual({
      code: "3.000722",
      decision: "direct",
      score: null,
      voted: false,
    });
  });

  it("browses fields then procedures, page by page, in choice ids within 64 bytes", () => {
    const fields = lastChoices(run([choice("bf:0")]).last.replies);
    expect(fields.length).toBeGreaterThan(0);
    for (const item of fields) expect(Buffer.byteLength(item.id)).toBeLessThanOrEqual(64);
    const first = fields[0];
    if (!first) throw new Error("no field");
    const procedures = lastChoices(run([choice(first.id)]).last.replies);
    expect(procedures[0]?.id).toMatch(/^p:\d\.\d{6}:b$/);
    const card = run([choice(procedures[0]?.id ?? "")]).last;
    expect(card.state.lastAnswer?.decision).toBe("browse");
  });
});

describe("the checklist flow", () => {
  it("asks for the case when there are several, then opens it", () => {
    const pick = run([choice("ck:1.004222")]).last;
    expect(replyText(pick.replies)).toContain("Bạn thuộc trường hợp nào?");
    const cases = lastChoices(pick.replies);
    expect(cases[0]?.id).toBe("ck:1.004222:0");
    const open = run([choice("ck:1.004222"), text("6")]).last;
    expect(open.effects).toEqual([
      { kind: "saveChecklist", checklist: { code: "1.004222", caseIndex: 5, have: [], updatedAt: 1_000 } },
    ]);
    expect(replyText(open.replies)).toContain("Đăng ký thường trú vào chỗ ở hợp pháp do thuê, mượn, ở nhờ");
  });

  it("ticks and unticks papers, and says when everything is there", () => {
    const papers = catalogue.byCode.get("1.004222")?.cases[5]?.papers.length ?? 0;
    expect(papers).toBeGreaterThan(0);
    const ticks = Array.from({ length: papers }, (_, index) => choice(`tk:1.004222:5:${index}`));
    const all = run([choice("ck:1.004222:5"), ...ticks]).last;
    expect(replyText(all.replies)).toContain("Bạn đã có đủ giấy tờ.");
    const untick = run([choice("ck:1.004222:5"), ...ticks, choice("tk:1.004222:5:0")]).last;
    expect(untick.effects[0]).toMatchObject({
      kind: "saveChecklist",
      checklist: { have: ticks.slice(1).map((_, i) => i + 1) },
    });
    expect(lastChoices(untick.replies)[0]?.label.startsWith("○")).toBe(true);
    expect(lastChoices(untick.replies)[1]?.label.startsWith("✓")).toBe(true);
  });

  it("switching case starts a fresh list; deleting removes it", () => {
    const switched = run([choice("ck:1.004222:5"), choice("tk:1.004222:5:0"), choice("ck:1.004222:6")]).last;
    expect(switched.effects[0]).toMatchObject({ checklist: { caseIndex: 6, have: [] } });
    const deleted = run([choice("ck:1.004222:5"), text("còn thiếu gì"), choice("ckd:1.004222")]).last;
    expect(deleted.effects).toEqual([{ kind: "deleteChecklist", code: "1.004222" }]);
  });

  it("answers 'còn thiếu …' for the checklist the words name, or all of them, and nothing saved", () => {
    expect(replyText(run([text("còn thiếu gì")]).last.replies)).toContain("Bạn chưa có hồ sơ nào");
    const both = run([choice("ck:1.004222:5"), choice("ck:1.001193"), text("còn thiếu gì")]).last;
    expect(replyText(both.replies)).toContain("Đăng ký thường trú");
    expect(replyText(both.replies)).toContain("Thủ tục đăng ký khai sinh");
    const named = run([
      choice("ck:1.004222:5"),
      choice("ck:1.001193"),
      text("còn thiếu giấy tờ khai sinh"),
    ]).last;
    expect(lastChoices(named.replies).map((item) => item.id)).toEqual(["ck:1.001193:0"]);
  });

  it("says there is no list when the record has no papers", () => {
    const noCases = run(
      [choice("ck:1.001613")],
      context({
        catalogue: {
          ...catalogue,
          byCode: new Map(
            [...catalogue.byCode].map(([code, p]) => [code, code === "1.001613" ? { ...p, cases: [] } : p]),
          ),
        },
      }),
    ).last;
    expect(replyText(noCases.replies)).toContain("Trường hợp này không có danh sách giấy tờ cụ thể");
  });
});

describe("mayNeedAnnouncements", () => {
  const base = { address: "console:local" as const, userId: "u", receivedAt: 0 };
  const fresh = initialConversationState();
  it("is true for the announcement commands, their choices and a number picking one, false for a question", () => {
    expect(mayNeedAnnouncements({ ...base, kind: "command", command: "tintuc", args: "" }, fresh)).toBe(true);
    expect(mayNeedAnnouncements({ ...base, kind: "text", text: "/DangKy" }, fresh)).toBe(true);
    expect(mayNeedAnnouncements({ ...base, kind: "choice", choiceId: "s:tp:land" }, fresh)).toBe(true);
    expect(mayNeedAnnouncements({ ...base, kind: "choice", choiceId: "m:subscribe" }, fresh)).toBe(true);
    const offered = { ...fresh, offered: [{ id: "s:off", label: "Hủy đăng ký" }] };
    expect(mayNeedAnnouncements({ ...base, kind: "text", text: "1" }, offered)).toBe(true);
    expect(mayNeedAnnouncements({ ...base, kind: "text", text: "đăng ký khai sinh" }, fresh)).toBe(false);
    expect(mayNeedAnnouncements({ ...base, kind: "command", command: "hoso", args: "" }, fresh)).toBe(false);
    expect(mayNeedAnnouncements({ ...base, kind: "start" }, fresh)).toBe(false);
  });
});
