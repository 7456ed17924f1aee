import { describe, expect, it } from "vitest";
import { subscriber } from "../../../src/broadcast/subscriber.ts";
import { TOPICS } from "../../../src/broadcast/topics.ts";
import { ADDRESS, harness, lastChoices, replyText } from "../support.ts";

const command = (name: string) => ({ kind: "command" as const, command: name, args: "" });
const choice = (id: string) => ({ kind: "choice" as const, choiceId: id });
const text = (value: string) => ({ kind: "text" as const, text: value });

async function stored(h: ReturnType<typeof harness>) {
  const found = await h.stores.subscribers.get(ADDRESS);
  return found ? subscriber.parse(found.value) : undefined;
}

describe("subscriptions to announcements", () => {
  it("/dangky subscribes to every topic, says what is kept, and offers to narrow down", async () => {
    const h = harness();
    const replies = await h.send(command("dangky"));
    const said = replyText(replies);
    expect(said).toContain("Bạn đã đăng ký nhận thông báo về tất cả các chủ đề");
    expect(said).toContain("Không lưu họ tên hay số điện thoại");
    expect(said).toContain("/huydangky");
    expect(lastChoices(replies).map((c) => c.id)).toEqual(["s:tp", "s:off"]);
    const saved = await stored(h);
    expect(saved).toMatchObject({ active: true, topics: [...TOPICS], locale: "vi" });
    expect(saved?.subscribedAt).toBe(h.clock.now());
  });

  it("narrows topics one toggle at a time, by button or by typed number, and keeps at least one", async () => {
    const h = harness();
    await h.send(command("dangky"));
    const picker = await h.send(choice("s:tp"));
    expect(lastChoices(picker).map((c) => c.label)).toEqual([
      "✅ Tin cải cách hành chính",
      "✅ Hộ tịch, cư trú",
      "✅ Đất đai, xây dựng",
      "✅ Thuế, hộ kinh doanh",
      "✅ Lịch tiếp dân, giờ làm việc",
      "Xong",
    ]);
    await h.send(choice("s:tp:land"));
    // Zalo has no buttons: "4" is the fourth choice offered last (tax).
    const afterTyped = await h.send(text("4"));
    expect(lastChoices(afterTyped)[3]?.label).toBe("⬜ Thuế, hộ kinh doanh");
    expect((await stored(h))?.topics).toEqual(["reform", "civil", "schedule"]);
    for (const id of ["reform", "civil"]) await h.send(choice(`s:tp:${id}`));
    const refused = await h.send(choice("s:tp:schedule"));
    expect(replyText(refused)).toContain("Cần giữ ít nhất một chủ đề");
    expect((await stored(h))?.topics).toEqual(["schedule"]);
    const done = replyText(await h.send(choice("s:ok")));
    expect(done).toContain("Đã lưu. Bạn sẽ nhận thông báo về:");
    expect(done).toContain("Lịch tiếp dân, giờ làm việc");
    expect(done).not.toContain("Hộ tịch");
  });

  it("/huydangky unsubscribes (and says so when there is nothing to cancel); subscribing again works", async () => {
    const h = harness();
    expect(replyText(await h.send(command("huydangky")))).toContain("Bạn chưa đăng ký");
    expect(await stored(h)).toBeUndefined();
    await h.send(command("dangky"));
    const first = (await stored(h))?.subscribedAt;
    h.clock.advance(60_000);
    const replies = await h.send(command("huydangky"));
    expect(replyText(replies)).toContain("Đã hủy đăng ký");
    expect(await stored(h)).toMatchObject({ active: false, inactiveReason: "unsubscribed" });
    await h.send(choice(lastChoices(replies)[0]?.id ?? "?"));
    const again = await stored(h);
    expect(again?.active).toBe(true);
    expect(again?.subscribedAt).toBe((first ?? 0) + 60_000);
  });

  it("the welcome menu's choice explains first and subscribes only when asked", async () => {
    const h = harness();
    const offer = await h.send(choice("m:subscribe"));
    expect(replyText(offer)).toContain("Chúng tôi chỉ lưu mã cuộc trò chuyện này");
    expect(await stored(h)).toBeUndefined();
    await h.send(choice(lastChoices(offer)[0]?.id ?? "?"));
    expect((await stored(h))?.active).toBe(true);
    const again = await h.send(choice("m:subscribe"));
    expect(replyText(again)).toContain("Bạn đang nhận thông báo.");
  });

  it("/tintuc shows the latest announcements to anyone, newest first, and offers to subscribe", async () => {
    const h = harness();
    expect(replyText(await h.send(command("tintuc")))).toContain("Hiện chưa có thông báo nào.");
    const at = Date.UTC(2026, 11, 1, 3);
    await h.stores.news.set("latest", {
      v: 1,
      items: [
        { id: "2", text: "Từ 01/12, đăng ký khai sinh trực tuyến.", link: "https://dichvucong.gov.vn", at },
        { id: "1", text: "Lịch tiếp dân tháng 12.", at: at - 86_400_000 },
      ],
    });
    const replies = await h.send(command("tintuc"));
    const said = replyText(replies);
    expect(said).toContain("2 thông báo mới nhất");
    expect(said.indexOf("khai sinh trực tuyến")).toBeLessThan(said.indexOf("Lịch tiếp dân"));
    expect(said).toContain("Thông báo ngày 1/12/2026");
    expect(lastChoices(replies)[0]?.id).toBe("s:on");
  });

  it("speaks English to a citizen who chose it", async () => {
    const h = harness();
    await h.send({ kind: "command", command: "lang", args: "en" });
    const said = replyText(await h.send(command("dangky")));
    expect(said).toContain("You are subscribed to announcements on every topic");
    expect((await stored(h))?.locale).toBe("en");
    await h.send({ kind: "command", command: "lang", args: "vi" });
    expect((await stored(h))?.locale).toBe("vi");
  });
});
