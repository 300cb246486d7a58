import { describe, expect, it } from "vitest";
import {
  hasActiveFilters,
  NO_FILTERS,
  safeParseTimelineFilters,
  timelineFiltersToSearchParams,
} from "./timelineFilters";

const SITE_A = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
const SITE_B = "0b7e6e6a-1c1f-4a45-9f2c-8c6d9a1e2f30";

describe("timeline filters in the URL", () => {
  it("read nothing as no filters", () => {
    expect(safeParseTimelineFilters(new URLSearchParams())).toEqual({ ok: true, value: NO_FILTERS });
    expect(hasActiveFilters(NO_FILTERS)).toBe(false);
  });

  it("round-trip every filter through the canonical query", () => {
    const query =
      `wiki=${SITE_B}&wiki=${SITE_A}&ns=Talk&ns=(Main)&type=log&type=edit&user=Alice&notuser=BotUser&bot=hide&minor=only` +
      "&anon=hide&mine=only&unread=1&tag=mw-replace&q=Ünï+日本&from=2026-11-01&to=2026-11-23&latest=1&group=1";
    const parsed = safeParseTimelineFilters(new URLSearchParams(query));
    expect(parsed).toMatchObject({
      ok: true,
      value: {
        wikis: [SITE_B, SITE_A],
        namespaces: ["Talk", "(Main)"],
        types: ["log", "edit"],
        users: ["Alice"],
        notUsers: ["BotUser"],
        bot: "hide",
        minor: "only",
        anon: "hide",
        mine: "only",
        unreadOnly: true,
        tags: ["mw-replace"],
        text: "Ünï 日本",
        from: "2026-11-01",
        to: "2026-11-23",
        latestOnly: true,
        groupByPage: true,
      },
    });
    if (!parsed.ok) return;
    const canonical = timelineFiltersToSearchParams(parsed.value);
    expect(canonical.getAll("wiki")).toEqual([SITE_B, SITE_A].sort());
    expect(safeParseTimelineFilters(canonical)).toEqual({
      ok: true,
      value: {
        ...parsed.value,
        wikis: [SITE_B, SITE_A].sort(),
        namespaces: ["(Main)", "Talk"],
        types: ["edit", "log"],
      },
    });
  });

  it("leave defaults and empty form fields out of the canonical query", () => {
    const parsed = safeParseTimelineFilters(new URLSearchParams("bot=show&minor=show&user=&tag=&q=&from=&to="));
    expect(parsed).toEqual({ ok: true, value: NO_FILTERS });
    expect(timelineFiltersToSearchParams(NO_FILTERS).toString()).toBe("");
  });

  it("refuse values that make no sense, saying which", () => {
    expect(safeParseTimelineFilters(new URLSearchParams("type=vandalism"))).toMatchObject({
      ok: false,
      failure: { message: expect.stringContaining("types") },
    });
    expect(safeParseTimelineFilters(new URLSearchParams("wiki=not-a-uuid"))).toMatchObject({ ok: false });
    expect(safeParseTimelineFilters(new URLSearchParams("bot=maybe"))).toMatchObject({ ok: false });
    expect(safeParseTimelineFilters(new URLSearchParams("from=2026-02-31x"))).toMatchObject({ ok: false });
    expect(safeParseTimelineFilters(new URLSearchParams("from=2026-11-23&to=2026-11-01"))).toMatchObject({
      ok: false,
      failure: { message: expect.stringContaining("start date") },
    });
  });

  it("refuse control characters, which Postgres cannot take as text (NUL), with a message", () => {
    expect(safeParseTimelineFilters(new URLSearchParams("q=a%00b"))).toEqual({
      ok: false,
      failure: {
        kind: "invalid",
        code: "bad_filter",
        field: "text",
        message: 'Filter "text": Search text cannot contain control characters.',
        values: { filter: "text", issue: "Search text cannot contain control characters." },
      },
    });
    for (const key of ["user", "notuser", "tag", "ns"]) {
      expect(safeParseTimelineFilters(new URLSearchParams(`${key}=Al%00ice`))).toMatchObject({
        ok: false,
        failure: { message: expect.stringContaining("control characters") },
      });
    }
    expect(
      safeParseTimelineFilters(
        new URLSearchParams("q=caf%C3%A9%20%E2%80%94%20%D7%A9%D7%9C%D7%95%D7%9D&user=J%C3%BCrgen"),
      ),
    ).toMatchObject({ ok: true });
  });
});
