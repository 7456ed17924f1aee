import { describe, expect, it } from "vitest";
import type { Reply } from "../../src/core/model.ts";
import { t } from "../../src/locales/index.ts";
import { createStaffDesk, type StaffContext, type StaffEvent } from "../../src/staff/desk.ts";
import { createStaffDirectory } from "../../src/staff/directory.ts";
import { captureLogs } from "../support/telegram-harness.ts";

const say = (text: string): Reply[] => [{ kind: "message", blocks: [{ kind: "paragraph", text }] }];
const textOf = (replies: Reply[]) =>
  replies.flatMap((r) =>
    r.kind === "message"
      ? r.blocks.map((b) => ("text" in b ? b.text : "items" in b ? b.items.join("\n") : ""))
      : [],
  );

function build() {
  const directory = createStaffDirectory({
    telegram: [
      { id: "111", role: "operator" },
      { id: "222", role: "supervisor" },
    ],
    zalo: [{ id: "zz9", role: "operator" }],
  });
  const seen: StaffContext[] = [];
  const desk = createStaffDesk({
    directory,
    logger: captureLogs().logger,
    locale: "vi",
    clock: { now: () => 42 },
  });
  desk.register({
    name: "test",
    commands: [
      {
        name: "thongke",
        description: "staff.help.title",
        run: async (ctx) => {
          seen.push(ctx);
          return say("thống kê");
        },
      },
      { name: "xoa", role: "supervisor", description: "staff.help.title", run: async () => say("đã xóa") },
      {
        name: "hong",
        description: "staff.help.title",
        run: async () => {
          throw new Error("boom");
        },
      },
    ],
    choices: { prefix: "tt:", handle: async (_ctx, id) => say(`nút ${id}`) },
    onReply: async (_ctx, replyTo, text) => (replyTo.text.includes("PA-") ? say(`trả lời: ${text}`) : null),
  });
  return { desk, seen, directory };
}

const base = {
  channel: "telegram" as const,
  address: "telegram:-4000001" as const,
  place: "staff-chat" as const,
  receivedAt: 1,
};
const command = (userId: string, name: string): StaffEvent => ({
  ...base,
  userId,
  kind: "command",
  command: name,
  args: "",
});

describe("staff directory", () => {
  it("knows roles from configuration and nobody else", () => {
    const { directory } = build();
    expect(directory.roleOf("telegram", "111")).toBe("operator");
    expect(directory.roleOf("telegram", "222")).toBe("supervisor");
    expect(directory.roleOf("zalo", "111")).toBeNull();
    expect(directory.roleOf("telegram", "999")).toBeNull();
    expect(directory.allows("supervisor", "operator")).toBe(true);
    expect(directory.allows("operator", "supervisor")).toBe(false);
  });

  it("keeps the stronger role when an id is listed twice", () => {
    const directory = createStaffDirectory({
      telegram: [
        { id: "1", role: "supervisor" },
        { id: "1", role: "operator" },
      ],
      zalo: [],
    });
    expect(directory.roleOf("telegram", "1")).toBe("supervisor");
  });
});

describe("staff desk", () => {
  it("runs a registered command for staff, with the verified role", async () => {
    const { desk, seen } = build();
    const outcome = await desk.handle(command("111", "thongke"));
    expect(outcome).toEqual({ kind: "handled", replies: say("thống kê") });
    expect(seen[0]?.actor).toEqual({ channel: "telegram", userId: "111", role: "operator" });
    expect(seen[0]?.now).toBe(42);
  });

  it("refuses a non-staff sender politely, whatever they send to the bot", async () => {
    const { desk } = build();
    for (const event of [
      command("999", "thongke"),
      { ...base, userId: "999", kind: "choice" as const, choiceId: "tt:take" },
      {
        ...base,
        userId: "999",
        kind: "text" as const,
        text: "đã xử lý",
        replyTo: { messageId: "5", text: "PA-2611-0001" },
      },
    ]) {
      expect(await desk.handle(event)).toEqual({ kind: "refused", replies: say(t("vi", "staff.notStaff")) });
    }
    // Chatter between people in the group is not the bot's business.
    expect(await desk.handle({ ...base, userId: "999", kind: "text", text: "chào cả nhà" })).toEqual({
      kind: "unhandled",
    });
  });

  it("checks the role a command needs", async () => {
    const { desk } = build();
    expect(await desk.handle(command("111", "xoa"))).toEqual({
      kind: "handled",
      replies: say(t("vi", "staff.needsSupervisor")),
    });
    expect(await desk.handle(command("222", "xoa"))).toEqual({ kind: "handled", replies: say("đã xóa") });
  });

  it("routes buttons by prefix and replies to the capability that recognises the card", async () => {
    const { desk } = build();
    expect(await desk.handle({ ...base, userId: "111", kind: "choice", choiceId: "tt:take" })).toEqual({
      kind: "handled",
      replies: say("nút tt:take"),
    });
    expect(await desk.handle({ ...base, userId: "111", kind: "choice", choiceId: "zz:1" })).toEqual({
      kind: "handled",
      replies: say(t("vi", "choice.stale")),
    });
    expect(
      await desk.handle({
        ...base,
        userId: "111",
        kind: "text",
        text: "Đã giải quyết",
        replyTo: { messageId: "5", text: "Phản ánh PA-2611-0001" },
      }),
    ).toEqual({ kind: "handled", replies: say("trả lời: Đã giải quyết") });
    expect(
      await desk.handle({
        ...base,
        userId: "111",
        kind: "text",
        text: "ok",
        replyTo: { messageId: "6", text: "Xin chào" },
      }),
    ).toEqual({ kind: "unhandled" });
  });

  it("lists the commands the member may use in /help", async () => {
    const { desk } = build();
    const operator = await desk.handle(command("111", "help"));
    const lines = operator.kind === "handled" ? textOf(operator.replies).join("\n") : "";
    expect(lines).toContain("/thongke");
    expect(lines).not.toContain("/xoa");
    expect(lines).toContain(t("vi", "staff.role.operator"));
  });

  it("answers a failing handler with the generic apology instead of crashing", async () => {
    const { desk } = build();
    expect(await desk.handle(command("111", "hong"))).toEqual({
      kind: "handled",
      replies: say(t("vi", "error.generic")),
    });
  });

  it("refuses a second registration of the same command or an overlapping button prefix", () => {
    const { desk } = build();
    expect(() =>
      desk.register({
        name: "x",
        commands: [{ name: "thongke", description: "staff.help.title", run: async () => [] }],
      }),
    ).toThrow(/already/);
    expect(() => desk.register({ name: "y", choices: { prefix: "tt:x", handle: async () => [] } })).toThrow(
      /clashes/,
    );
  });
});
