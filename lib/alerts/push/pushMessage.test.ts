import { describe, expect, it } from "vitest";
import type { AlertChange, AlertDelivery } from "../alertTypes";
import { pushMessage } from "./pushChannel";

const change = (title: string): AlertChange => ({
  changeId: title,
  wikiName: "Alpha",
  wikiUrl: "https://alpha.example",
  title,
  user: null,
  summary: "",
  diffUrl: null,
  pageUrl: `https://alpha.example/wiki/${title}`,
  timestamp: "2026-12-07T08:30:00Z",
  type: "edit",
  sizeDelta: 3,
});

const delivery = (changes: AlertChange[], locale: AlertDelivery["locale"]): AlertDelivery => ({
  deliveryId: "d1",
  alertId: "a1",
  alertName: "Talk",
  idempotencyKey: "k1",
  kind: "immediate",
  changes,
  timeZone: "UTC",
  locale,
  unsubscribeUrl: null,
});

describe("the push notification", () => {
  it("is worded in the alert owner's language", () => {
    expect(pushMessage(delivery([change("Paris")], "de"), "https://w.example").body).toBe(
      "Paris (Alpha) von einem versteckten Benutzer",
    );
    expect(pushMessage(delivery([change("Paris"), change("Rom")], "es"), "https://w.example").body).toBe(
      "2 cambios: Paris, Rom",
    );
    expect(pushMessage(delivery([change("Paris")], "en"), "https://w.example").body).toBe(
      "Paris (Alpha) by a hidden user",
    );
  });
});
