import { describe, expect, it } from "vitest";
import { type FeedFilterChoice, feedFilterChoices, feedFilterKind, feedFilterLabel } from "./feedFilterChoices";

/** The English labels and queries; `what` (for other languages) is checked on its own below. */
const shown = (choices: FeedFilterChoice[]) => choices.map(({ label, query }) => ({ label, query }));

const talk = { name: "Talk pages", filterQuery: "ns=Talk" };
const minor = { name: "Minor only", filterQuery: "minor=only" };

describe("feedFilterChoices", () => {
  it("offers everything, then each preset, when the user came from no view", () => {
    expect(shown(feedFilterChoices({ presets: [talk, minor] }))).toEqual([
      { label: "Everything on my timeline", query: "" },
      { label: "Preset: Talk pages", query: "ns=Talk" },
      { label: "Preset: Minor only", query: "minor=only" },
    ]);
  });

  it("puts the view the user came from first, in normal form, so a new feed carries it unless another is picked", () => {
    expect(shown(feedFilterChoices({ fromView: "bot=hide&ns=User", presets: [] }))).toEqual([
      { label: "The timeline view you came from (ns=User&bot=hide)", query: "ns=User&bot=hide" },
      { label: "Everything on my timeline", query: "" },
    ]);
  });

  it("names the preset the view is, and does not offer that preset twice", () => {
    expect(shown(feedFilterChoices({ fromView: "ns=Talk", presets: [talk, minor] }))).toEqual([
      { label: "The timeline view you came from (preset “Talk pages”)", query: "ns=Talk" },
      { label: "Everything on my timeline", query: "" },
      { label: "Preset: Minor only", query: "minor=only" },
    ]);
  });

  it("offers everything once when the view or a preset has no filters", () => {
    const choices = feedFilterChoices({ fromView: "bot=show", presets: [{ name: "All", filterQuery: "" }] });
    expect(shown(choices)).toEqual([{ label: "Everything on my timeline", query: "" }]);
  });

  it("leaves out a view or preset whose filters no longer parse", () => {
    const broken = { name: "Broken", filterQuery: "type=nonsense" };
    expect(shown(feedFilterChoices({ fromView: "bot=sometimes", presets: [broken] }))).toEqual([
      { label: "Everything on my timeline", query: "" },
    ]);
  });
});

describe("feedFilterLabel", () => {
  it("says everything for a feed without filters", () => {
    expect(feedFilterLabel("", [talk])).toBe("Everything");
  });

  it("names the preset whose filters the feed carries", () => {
    expect(feedFilterLabel("minor=only", [talk, minor])).toBe("Preset “Minor only”");
  });

  it("spells out filters that are no preset, decoded", () => {
    expect(feedFilterLabel("ns=Talk&q=caf%C3%A9+au+lait", [minor])).toBe("Filters: ns=Talk&q=café au lait");
  });
});

describe("what a filter set is, as data for the interface's languages", () => {
  it("says the same as the English labels", () => {
    expect(feedFilterChoices({ fromView: "ns=Talk", presets: [talk, minor] }).map((c) => c.what)).toEqual([
      { kind: "view", of: { kind: "preset", name: "Talk pages" } },
      { kind: "everything" },
      { kind: "preset", name: "Minor only" },
    ]);
    expect(feedFilterKind("", [talk])).toEqual({ kind: "everything" });
    expect(feedFilterKind("ns=Talk", [talk])).toEqual({ kind: "preset", name: "Talk pages" });
    expect(feedFilterKind("ns=User", [talk])).toEqual({ kind: "filters", filters: "ns=User" });
  });
});
