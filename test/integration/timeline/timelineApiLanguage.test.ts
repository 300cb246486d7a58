import { beforeAll, describe, expect, it, vi } from "vitest";
import { GET as newGET } from "@/app/api/timeline/new/route";
import { GET as timelineGET } from "@/app/api/timeline/route";
import type { TimelineViewPage } from "@/lib/timeline/loadTimelineView";
import { dayHeading } from "@/lib/timeline/timeText";
import { useTestDatabase } from "@/test/support/useTestDatabase";
import { linkAndSync, newUser } from "./timelineTestKit";

// The timeline API words its rows in the request's language (the user's choice, else Accept-Language) without
// asking next-intl, which would read the user a second time: here the route runs outside Next, as a test can.
const session = vi.hoisted(() => ({ user: null as { id: string; locale: string | null; timeZone: null } | null }));
vi.mock("@/lib/auth/currentUser", () => ({
  currentUser: async () =>
    session.user && { ...session.user, email: "x@example.org", name: null, isAdmin: false, sessionEpoch: 0 },
}));

let userId: string;

beforeAll(async () => {
  await useTestDatabase(import.meta.url);
  userId = await newUser("api-language@example.org");
  await linkAndSync(userId, "alpha");
}, 120_000);

async function page(locale: string | null, acceptLanguage: string | null): Promise<TimelineViewPage> {
  session.user = { id: userId, locale, timeZone: null };
  const headers = acceptLanguage ? { "accept-language": acceptLanguage } : undefined;
  const response = await timelineGET(new Request("https://watchdeck.test/api/timeline", { headers }));
  expect(response.status).toBe(200);
  return (await response.json()) as TimelineViewPage;
}

describe("the timeline API's language", () => {
  it("is the browser's when the user chose none, and the user's choice over the browser's", async () => {
    const en = await page(null, null);
    const first = en.rows[0]!;
    const at = new Date(first.timestamp);
    expect(first.day).toBe(dayHeading(at, "UTC", "en"));
    expect((await page(null, "de-DE,de;q=0.9")).rows[0]!.day).toBe(dayHeading(at, "UTC", "de"));
    expect((await page("es", "de-DE,de;q=0.9")).rows[0]!.day).toBe(dayHeading(at, "UTC", "es"));
    expect(dayHeading(at, "UTC", "de")).not.toBe(dayHeading(at, "UTC", "es"));
  });

  it("counts new changes for a signed-in user, and answers 401 without one", async () => {
    const cursor = (await page(null, null)).rows[0]!.cursor;
    const response = await newGET(new Request(`https://watchdeck.test/api/timeline/new?after=${cursor}`));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ count: 0 });
    session.user = null;
    expect((await newGET(new Request(`https://watchdeck.test/api/timeline/new?after=${cursor}`))).status).toBe(401);
  });
});
