/** Zalo staff members (STAFF_ZALO_IDS) in private: staff commands reach the staff desk, the rest the citizen side. */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createStaffDesk, type StaffEvent } from "../../../src/staff/desk.ts";
import { createStaffDirectory } from "../../../src/staff/directory.ts";
import { startZaloApiStandIn, type ZaloApiStandIn } from "../../support/zalo-api-stand-in.ts";
import { buildZaloChannel, captureLogs, createFakeAssistant } from "../../support/zalo-harness.ts";
import { zaloText } from "../../support/zalo-updates.ts";

const STAFF = "5fa1c2b3d4e5f6071829";
const CITIZEN = "6ae4f1c2b3d4e5f60718";
let api: ZaloApiStandIn;
let stop: () => Promise<void>;

beforeEach(async () => {
  api = await startZaloApiStandIn({ maxPollWaitMs: 100 });
});
afterEach(async () => {
  await stop();
  await api.close();
});

describe("Zalo staff routing", () => {
  it("sends a staff member's staff command to the desk and anything else to the assistant", async () => {
    const received: StaffEvent[] = [];
    const desk = createStaffDesk({
      directory: createStaffDirectory({ telegram: [], zalo: [{ id: STAFF, role: "operator" }] }),
      logger: captureLogs().logger,
      locale: "vi",
    });
    desk.register({
      name: "test",
      commands: [
        {
          name: "thongke",
          description: "staff.help.title",
          run: async (ctx) => {
            received.push(ctx.event);
            return [{ kind: "message", blocks: [{ kind: "paragraph", text: "Thống kê" }] }];
          },
        },
      ],
    });
    const assistant = createFakeAssistant();
    const { channel } = buildZaloChannel({ api, assistant, mode: "polling", overrides: { staffDesk: desk } });
    stop = () => channel.stop();
    api.pushUpdate(zaloText(STAFF, "/thongke"));
    api.pushUpdate(zaloText(STAFF, "làm căn cước"));
    api.pushUpdate(zaloText(CITIZEN, "/thongke"));
    await channel.start();
    await api.waitFor(() => api.textsTo(STAFF).length === 2 && api.textsTo(CITIZEN).length === 1);
    expect(api.textsTo(STAFF)[0]).toBe("Thống kê");
    expect(received).toMatchObject([
      { channel: "zalo", place: "private", userId: STAFF, command: "thongke" },
    ]);
    expect(assistant.events.map((e) => [e.userId, e.kind])).toEqual([
      [STAFF, "text"],
      [CITIZEN, "command"],
    ]);
  });
});
