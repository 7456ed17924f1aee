import { PassThrough, Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import {
  type ConsoleChatDeps,
  createConsoleChat,
  renderTurn,
} from "../../../src/channels/console/console-chat.ts";
import type { InboundEvent, Reply } from "../../../src/core/model.ts";
import type { Assistant } from "../../../src/core/ports.ts";
import { createLogger } from "../../../src/logger.ts";
import { createKeyedQueue } from "../../../src/storage/keyed-queue.ts";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** An assistant that echoes what it got, slower for earlier lines, to show answers stay in order. */
function echoAssistant(seen: InboundEvent[]): Assistant {
  return {
    async handle(event) {
      seen.push(event);
      const label = event.kind === "text" ? event.text : event.kind;
      await sleep(label === "một" ? 30 : 1);
      return [
        {
          kind: "message",
          blocks: [{ kind: "paragraph", text: `đã nhận: ${label}` }],
          choices:
            event.kind === "start"
              ? [
                  { id: "a", label: "Tra cứu" },
                  { id: "b", label: "Liên hệ" },
                ]
              : [],
        },
      ];
    },
  };
}

function setup(assistant: Assistant, options: Pick<ConsoleChatDeps, "prefs"> = {}) {
  const input = new PassThrough();
  let out = "";
  const output = new Writable({
    write(chunk, _e, done) {
      out += String(chunk);
      done();
    },
  });
  const logger = createLogger({ level: "silent", destination: new PassThrough() });
  const chat = createConsoleChat({
    assistant,
    lock: createKeyedQueue(),
    logger,
    input,
    output,
    locale: "vi",
    interactive: false,
    ...options,
  });
  return { chat, input, output: () => out };
}

describe("createConsoleChat with piped input", () => {
  it("greets, answers each line in order, and ends at end of input", async () => {
    const seen: InboundEvent[] = [];
    const { chat, input, output } = setup(echoAssistant(seen));
    input.end("một\nhai\n\n2\n");
    await chat.run();
    expect(seen.map((e) => (e.kind === "text" ? e.text : e.kind))).toEqual(["start", "một", "hai", "2"]);
    expect(seen.every((e) => e.address === "console:local")).toBe(true);
    const out = output();
    expect(out.indexOf("đã nhận: một")).toBeLessThan(out.indexOf("đã nhận: hai"));
    expect(out).toContain("1. Tra cứu\n2. Liên hệ\nBạn trả lời bằng số từ 1 đến 2, hoặc gõ lại lựa chọn.");
    expect(out.trimEnd().endsWith("Tạm biệt! Chúc bạn làm thủ tục thuận lợi.")).toBe(true);
    expect(chat.isUp()).toBe(false);
  });

  it("speaks the language chosen with /lang in its own lines (the hint, goodbye)", async () => {
    const prefs = new Map<string, unknown>();
    const assistant: Assistant = {
      async handle(event) {
        // As the core does on /lang en: the citizen's preference is saved.
        if (event.kind === "command" && event.command === "lang") prefs.set(event.address, { locale: "en" });
        return [
          {
            kind: "message",
            blocks: [{ kind: "paragraph", text: "ok" }],
            choices: [{ id: "a", label: "A" }],
          },
        ];
      },
    };
    const { chat, input, output } = setup(assistant, {
      prefs: {
        get: async (key) => prefs.get(key),
        set: async () => undefined,
        delete: async () => undefined,
      },
    });
    input.end("/lang en\n");
    await chat.run();
    const out = output();
    const [before, after] = out.split("1. A\n").slice(1);
    expect(before).toContain("Bạn gõ số 1 để chọn");
    expect(after).toContain("Type 1 to choose it");
    expect(after).not.toContain("Bạn gõ số 1");
    expect(out.trimEnd().endsWith("Goodbye! Good luck with your procedure.")).toBe(true);
  });

  it("stops at /thoat without answering what follows", async () => {
    const seen: InboundEvent[] = [];
    const { chat, input } = setup(echoAssistant(seen));
    input.end("một\n/thoat\nhai\n");
    await chat.run();
    expect(seen.map((e) => e.kind)).toEqual(["start", "text"]);
  });

  it("ends when stopped from outside (a signal), after the line being answered", async () => {
    const seen: InboundEvent[] = [];
    const { chat, input } = setup(echoAssistant(seen));
    const running = chat.run();
    input.write("một\n");
    await sleep(10);
    chat.stop();
    await running;
    expect(seen.map((e) => e.kind)).toEqual(["start", "text"]);
  });

  it("answers politely when the assistant fails, and carries on", async () => {
    let calls = 0;
    const failing: Assistant = {
      async handle(): Promise<Reply[]> {
        calls++;
        if (calls === 2) throw new Error("storage down");
        return [{ kind: "message", blocks: [{ kind: "paragraph", text: `ok ${calls}` }] }];
      },
    };
    const { chat, input, output } = setup(failing);
    input.end("a\nb\n");
    await chat.run();
    expect(output()).toMatch(/ok 1[\s\S]*Xin lỗi[\s\S]*ok 3/);
  });
});

describe("renderTurn", () => {
  it("renders photos as caption and link, and messages with numbered choices", () => {
    const text = renderTurn(
      [
        { kind: "photo", url: "https://example.gov.vn/a.png", caption: "Thông báo" },
        {
          kind: "message",
          blocks: [
            { kind: "heading", text: "Tiêu đề" },
            { kind: "paragraph", text: "Nội dung" },
          ],
          choices: [{ id: "x", label: "Có" }],
        },
      ],
      "en",
    );
    expect(text).toBe(
      "Thông báo\nhttps://example.gov.vn/a.png\n\nTiêu đề\nNội dung\n\n1. Có\nType 1 to choose it, or type the choice.",
    );
  });
});

describe("the terminal chat's messenger", () => {
  it("prints what the core sends on its own (a ticket's status), and refuses other addresses", async () => {
    const { chat, output } = setup(echoAssistant([]));
    await chat.messenger.send("console:local", [
      {
        kind: "message",
        blocks: [{ kind: "paragraph", text: "Phản ánh PA-2611-0001 của bạn: Đã tiếp nhận." }],
      },
    ]);
    expect(output()).toContain("Phản ánh PA-2611-0001 của bạn: Đã tiếp nhận.");
    const error = await chat.messenger.send("telegram:1", []).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "DeliveryError", failure: "final" });
  });
});
