import { describe, expect, it } from "vitest";
import { CONSOLE_ADDRESS, lineToEvent, MAX_LINE_LENGTH } from "../../../src/channels/console/to-event.ts";

const at = 1_700_000_000_000;

describe("lineToEvent", () => {
  it("turns words into a text event from console:local", () => {
    expect(lineToEvent("  làm sổ đỏ ở đâu  ", at)).toEqual({
      kind: "event",
      event: {
        kind: "text",
        text: "làm sổ đỏ ở đâu",
        address: CONSOLE_ADDRESS,
        userId: "local",
        receivedAt: at,
      },
    });
  });

  it("turns /start into a start event and other commands into command events", () => {
    expect(lineToEvent("/start", at)).toMatchObject({ kind: "event", event: { kind: "start" } });
    expect(lineToEvent("/LANG en", at)).toMatchObject({
      kind: "event",
      event: { kind: "command", command: "lang", args: "en" },
    });
    expect(lineToEvent("/hoso", at)).toMatchObject({
      kind: "event",
      event: { kind: "command", command: "hoso", args: "" },
    });
    // A slash that is not a command name is just text.
    expect(lineToEvent("/ 123", at)).toMatchObject({ kind: "event", event: { kind: "text", text: "/ 123" } });
  });

  it("recognises the exit commands", () => {
    for (const line of ["/thoat", "/thoát", "/THOAT", "/exit", "/quit"])
      expect(lineToEvent(line, at)).toEqual({ kind: "exit" });
  });

  it("ignores empty lines and strips control characters", () => {
    expect(lineToEvent("   ", at)).toEqual({ kind: "empty" });
    expect(lineToEvent("\u001b[A\u0007", at)).toMatchObject({ kind: "event", event: { text: "[A" } });
    expect(lineToEvent("\u0000\u0001", at)).toEqual({ kind: "empty" });
  });

  it("caps a very long line instead of dropping it", () => {
    const outcome = lineToEvent("a".repeat(10_000), at);
    expect(outcome.kind).toBe("event");
    if (outcome.kind === "event" && outcome.event.kind === "text")
      expect(outcome.event.text).toHaveLength(MAX_LINE_LENGTH);
  });
});
