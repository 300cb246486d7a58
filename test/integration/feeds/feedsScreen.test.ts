import { beforeAll, describe, expect, it } from "vitest";
import { registerUser } from "@/lib/accounts/registerUser";
import { createFeedToken } from "@/lib/feeds/feedTokens";
import { loadFeedsScreen } from "@/lib/feeds/loadFeedsScreen";
import { saveTimelinePreset } from "@/lib/timeline/presets/saveTimelinePreset";
import { NO_FILTERS } from "@/lib/timeline/timelineFilters";
import { useTestDatabase } from "@/test/support/useTestDatabase";

let owner: string;
let stranger: string;

async function user(email: string) {
  const r = await registerUser({ email, password: "long enough password" }, { registrationOpen: true });
  if (!r.ok) throw new Error(r.failure.message);
  return r.value.id;
}

async function feed(userId: string, name: string, filterQuery: string) {
  const created = await createFeedToken(userId, { name, filterQuery });
  if (!created.ok) throw new Error(created.failure.message);
}

beforeAll(async () => {
  await useTestDatabase(import.meta.url);
  owner = await user("feeds-screen-owner@example.org");
  stranger = await user("feeds-screen-stranger@example.org");
  await saveTimelinePreset(owner, "Talk pages", { ...NO_FILTERS, namespaces: ["Talk"] });
  await saveTimelinePreset(stranger, "Someone else's", { ...NO_FILTERS, minor: "only" });
  await feed(owner, "Talk", "ns=Talk");
  await feed(owner, "All", "");
  await feed(owner, "Bots", "bot=only");
});

describe("the feeds screen", () => {
  it("offers the user's own presets as a new feed's filter, never another user's", async () => {
    const screen = await loadFeedsScreen(owner);
    expect(screen.choices).toEqual([
      { label: "Everything on my timeline", what: { kind: "everything" }, query: "" },
      { label: "Preset: Talk pages", what: { kind: "preset", name: "Talk pages" }, query: "ns=Talk" },
    ]);
  });

  it("picks the view the user came from first, named by its preset when it is one", async () => {
    expect((await loadFeedsScreen(owner, "ns=Talk")).choices[0]).toEqual({
      label: "The timeline view you came from (preset “Talk pages”)",
      what: { kind: "view", of: { kind: "preset", name: "Talk pages" } },
      query: "ns=Talk",
    });
    expect((await loadFeedsScreen(owner, "bot=hide")).choices[0]).toEqual({
      label: "The timeline view you came from (bot=hide)",
      what: { kind: "view", of: { kind: "filters", filters: "bot=hide" } },
      query: "bot=hide",
    });
  });

  it("says what each feed carries: a preset by name, everything, or its filters", async () => {
    const { feeds } = await loadFeedsScreen(owner);
    expect(feeds.map((f) => [f.name, f.filtersLabel])).toEqual([
      ["Talk", "Preset “Talk pages”"],
      ["All", "Everything"],
      ["Bots", "Filters: bot=only"],
    ]);
    expect((await loadFeedsScreen(stranger)).feeds).toEqual([]);
  });
});
