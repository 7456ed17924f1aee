import { describe, expect, it } from "vitest";
import {
  type ComposerState,
  composerState,
  composerStep,
  parseContent,
  parseSendTime,
} from "../../src/broadcast/composer.ts";
import type { Reply } from "../../src/core/model.ts";
import { translator } from "../../src/locales/index.ts";

const tr = translator("vi");
// 2026-12-02 09:00 in Vietnam.
const now = Date.UTC(2026, 11, 2, 2, 0);
const ctx = { tr, now };
const text = (replies: Reply[]) =>
  replies
    .map((r) =>
      r.kind === "message" ? r.blocks.map((b) => ("text" in b ? b.text : "")).join("\n") : `[photo ${r.url}]`,
    )
    .join("\n");
const choices = (replies: Reply[]) => replies.flatMap((r) => (r.kind === "message" ? (r.choices ?? []) : []));

function run(events: Parameters<typeof composerStep>[1][]) {
  let state: ComposerState | null = null;
  let last = composerStep(null, { kind: "start" }, ctx);
  state = last.state;
  for (const event of events) {
    last = composerStep(state, event, ctx);
    state = last.state;
    if (state) expect(composerState.parse(JSON.parse(JSON.stringify(state)))).toEqual(state);
  }
  return last;
}

describe("the staff composer", () => {
  it("text → topics → preview exactly as citizens get it → send", () => {
    const content = "Từ 15/12, xã tiếp nhận hồ sơ khai sinh trực tuyến.\nhttps://dichvucong.gov.vn/p/123";
    const topics = run([{ kind: "text", text: content }]);
    expect(choices(topics.replies).map((c) => c.id)).toEqual([
      "bc:t:reform",
      "bc:t:civil",
      "bc:t:land",
      "bc:t:tax",
      "bc:t:schedule",
      "bc:all",
      "bc:next",
      "bc:cancel",
    ]);
    const preview = run([
      { kind: "text", text: content },
      { kind: "choice", id: "bc:t:land" },
      { kind: "choice", id: "bc:t:tax" },
      { kind: "choice", id: "bc:next" },
    ]);
    const shown = text(preview.replies);
    expect(shown).toContain(
      "Người nhận: người đăng ký Tin cải cách hành chính, Hộ tịch, cư trú, Lịch tiếp dân, giờ làm việc.",
    );
    expect(shown).toContain("Từ 15/12, xã tiếp nhận hồ sơ khai sinh trực tuyến.");
    expect(shown).toContain("Muốn ngừng nhận, bạn gõ /huydangky.");
    const link = preview.replies
      .flatMap((r) => (r.kind === "message" ? r.blocks : []))
      .find((b) => b.kind === "link");
    expect(link).toEqual({ kind: "link", label: "Xem chi tiết", url: "https://dichvucong.gov.vn/p/123" });
    const sent = composerStep(preview.state, { kind: "choice", id: "bc:send" }, ctx);
    expect(sent.state).toBeNull();
    expect(sent.create).toEqual({
      draft: {
        text: "Từ 15/12, xã tiếp nhận hồ sơ khai sinh trực tuyến.",
        link: "https://dichvucong.gov.vn/p/123",
      },
      topics: ["reform", "civil", "schedule"],
    });
  });

  it("takes a photo with its caption, asks for text when there is none, and refuses no topic", () => {
    const asked = run([{ kind: "photo", fileId: "AgAD-photo" }]);
    expect(text(asked.replies)).toContain("Hãy gửi nội dung thông báo bằng chữ.");
    const withText = composerStep(asked.state, { kind: "text", text: "Lịch tiếp dân tháng 12" }, ctx);
    expect(withText.state).toMatchObject({ step: "topics", draft: { telegramPhotoId: "AgAD-photo" } });
    let state = withText.state;
    for (const t of ["reform", "civil", "land", "tax", "schedule"]) {
      state = composerStep(state, { kind: "choice", id: `bc:t:${t}` }, ctx).state;
    }
    const refused = composerStep(state, { kind: "choice", id: "bc:next" }, ctx);
    expect(text(refused.replies)).toContain("Hãy chọn ít nhất một chủ đề.");
    const all = composerStep(refused.state, { kind: "choice", id: "bc:all" }, ctx);
    const preview = composerStep(all.state, { kind: "choice", id: "bc:next" }, ctx);
    expect(preview.replies[1]).toEqual({ kind: "photo", url: "AgAD-photo" });
    expect(text(preview.replies)).toContain("người dùng Zalo nhận phần chữ");
  });

  it("schedules at a typed Vietnam time, and asks again for a time it cannot read or that has passed", () => {
    const preview = run([
      { kind: "text", text: "Nghỉ Tết Dương lịch" },
      { kind: "choice", id: "bc:next" },
    ]);
    const asked = composerStep(preview.state, { kind: "choice", id: "bc:later" }, ctx);
    expect(text(asked.replies)).toContain("08:00 15/12");
    for (const bad of ["mai", "25:00 15/12", "08:00 31/02", "08:00 01/12/2026"]) {
      const again = composerStep(asked.state, { kind: "text", text: bad }, ctx);
      expect(text(again.replies), bad).toContain("Tôi chưa hiểu thời gian này");
      expect(again.state?.step).toBe("time");
    }
    const done = composerStep(asked.state, { kind: "text", text: "08:00 15/12" }, ctx);
    expect(done.create?.at).toBe(Date.UTC(2026, 11, 15, 1, 0));
  });

  it("cancels at any step, refuses over-long text, and says when the draft is gone", () => {
    expect(composerStep(run([]).state, { kind: "choice", id: "bc:cancel" }, ctx)).toEqual({
      state: null,
      replies: [{ kind: "message", blocks: [{ kind: "paragraph", text: "Đã hủy bản soạn. Chưa gửi gì." }] }],
    });
    const long = run([{ kind: "text", text: "a".repeat(3001) }]);
    expect(text(long.replies)).toContain("3001 ký tự, quá giới hạn 3000");
    expect(long.state?.step).toBe("content");
    expect(text(composerStep(null, { kind: "choice", id: "bc:send" }, ctx).replies)).toContain("đã hết hạn");
  });

  it("reads send times and links", () => {
    expect(parseSendTime("15/12 08:30", now)).toBe(Date.UTC(2026, 11, 15, 1, 30));
    expect(parseSendTime("8h30 15/12/2027", now)).toBe(Date.UTC(2027, 11, 15, 1, 30));
    // 1 December has passed this year: next year.
    expect(parseSendTime("08:00 01/12", now)).toBe(Date.UTC(2027, 11, 1, 1, 0));
    expect(parseContent("Một dòng https://a.vn")).toEqual({ text: "Một dòng https://a.vn" });
    expect(parseContent("Dòng 1\nhttp://a.vn")).toEqual({ text: "Dòng 1\nhttp://a.vn" });
  });
});
