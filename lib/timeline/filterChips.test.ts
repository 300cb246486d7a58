import { describe, expect, it } from "vitest";
import { filterChips, filterToggles } from "./filterChips";
import { NO_FILTERS, type TimelineFilters } from "./timelineFilters";

const WIKI = "6f1c2b8e-3a4d-4b5c-9d6e-7f8a9b0c1d2e";
const options = { wikis: [{ siteId: WIKI, name: "Alpha Wiki", color: "#0072b2" }] };
const filters = (given: Partial<TimelineFilters>): TimelineFilters => ({ ...NO_FILTERS, ...given });

describe("filterToggles", () => {
  it("turns each one-click filter on from the current view, keeping the other filters", () => {
    const toggles = filterToggles(filters({ namespaces: ["Talk"] }));
    expect(toggles.map((t) => [t.label.key, t.on, t.query])).toEqual([
      ["unreadOnly", false, "ns=Talk&unread=1"],
      ["hideBots", false, "ns=Talk&bot=hide"],
      ["hideMinor", false, "ns=Talk&minor=hide"],
      ["hideMine", false, "ns=Talk&mine=hide"],
      ["groupByPage", false, "ns=Talk&group=1"],
    ]);
  });

  it("turns an active one off", () => {
    const [unread, bots] = filterToggles(filters({ unreadOnly: true, bot: "hide" }));
    expect(unread).toEqual({ label: { key: "unreadOnly" }, on: true, query: "bot=hide" });
    expect(bots).toEqual({ label: { key: "hideBots" }, on: true, query: "unread=1" });
  });
});

describe("filterChips", () => {
  it("gives one chip per active value, each removing only itself", () => {
    const chips = filterChips(
      filters({ wikis: [WIKI], namespaces: ["Talk", "User"], bot: "only", anon: "hide", text: "vandal" }),
      options,
    );
    expect(chips).toEqual([
      { label: { key: "wiki", values: { name: "Alpha Wiki" } }, query: "ns=Talk&ns=User&bot=only&anon=hide&q=vandal" },
      {
        label: { key: "namespace", values: { ns: "Talk" } },
        query: `wiki=${WIKI}&ns=User&bot=only&anon=hide&q=vandal`,
      },
      {
        label: { key: "namespace", values: { ns: "User" } },
        query: `wiki=${WIKI}&ns=Talk&bot=only&anon=hide&q=vandal`,
      },
      {
        label: { key: "flag", values: { mode: "only", flag: "bot" } },
        query: `wiki=${WIKI}&ns=Talk&ns=User&anon=hide&q=vandal`,
      },
      {
        label: { key: "flag", values: { mode: "hide", flag: "anon" } },
        query: `wiki=${WIKI}&ns=Talk&ns=User&bot=only&q=vandal`,
      },
      { label: { key: "text", values: { text: "vandal" } }, query: `wiki=${WIKI}&ns=Talk&ns=User&bot=only&anon=hide` },
    ]);
  });

  it("leaves the toggles' filters to the toggles, and shows none for no filters", () => {
    expect(
      filterChips(filters({ bot: "hide", minor: "hide", mine: "hide", unreadOnly: true, groupByPage: true }), options),
    ).toEqual([]);
    expect(filterChips(NO_FILTERS, options)).toEqual([]);
  });

  it("names a namespace as the linked wikis' siteinfo does", () => {
    const local = { ...options, namespaces: [{ value: "Talk", label: "Talk (Diskussion, שיחה)" }] };
    expect(filterChips(filters({ namespaces: ["Talk", "Gone"] }), local).map((c) => c.label)).toEqual([
      { key: "namespace", values: { ns: "Talk (Diskussion, שיחה)" } },
      { key: "namespace", values: { ns: "Gone" } },
    ]);
  });
});
