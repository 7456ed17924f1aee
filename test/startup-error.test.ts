import { describe, expect, it } from "vitest";
import { CatalogueError } from "../src/catalogue/errors.ts";
import {
  describeCatalogueError,
  describeChannelFailure,
  describeDataDirFailure,
} from "../src/startup-error.ts";

describe("start-up failure messages", () => {
  it("point at the token when the platform refuses it", () => {
    expect(describeChannelFailure("telegram", new Error("Call to 'getMe' failed! (401: Unauthorized)"))).toBe(
      "Cannot start the telegram channel: Call to 'getMe' failed! (401: Unauthorized)\nThe platform does not accept the bot token: check TELEGRAM_BOT_TOKEN.",
    );
  });

  it("point at the network and API root when the platform cannot be reached", () => {
    expect(describeChannelFailure("zalo", new Error("fetch failed: ECONNREFUSED 127.0.0.1:9"))).toContain(
      "check the network and ZALO_API_ROOT",
    );
  });

  it("never repeat a token found in the reason", () => {
    const message = describeChannelFailure(
      "telegram",
      new Error("GET https://api.telegram.org/bot7123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw/getMe: 500"),
    );
    expect(message).not.toContain("AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw");
    expect(message).toContain("Check the TELEGRAM_* settings");
  });

  it("list the first 20 catalogue problems and count the rest", () => {
    const problems = Array.from({ length: 23 }, (_, i) => ({
      file: `procedures/ho-tich/1.00000${i}.yaml`,
      path: "fee",
      message: "must be a number",
    }));
    const text = describeCatalogueError(new CatalogueError(problems), "procedures");
    expect(text.split("\n")[0]).toBe(
      "The procedure catalogue in 'procedures' (CATALOGUE_DIR) has 23 problem(s):",
    );
    expect(text).toContain("  - procedures/ho-tich/1.000000.yaml › fee: must be a number");
    expect(text).toContain("  … and 3 more");
    expect(text).not.toContain("1.0000020.yaml");
  });

  it("name DATA_DIR when the data folder is unusable", () => {
    expect(
      describeDataDirFailure("/srv/data", new Error("EACCES: permission denied, mkdir '/srv/data'")),
    ).toBe(
      "Cannot use the data folder '/srv/data' (DATA_DIR): EACCES: permission denied, mkdir '/srv/data'. Set DATA_DIR to a folder this user can write to.",
    );
  });
});
