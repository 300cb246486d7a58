import { describe, expect, it } from "vitest";
import { clientMessagesFor, messagesFor, pageMessagesFor } from "./catalogues";
import { DEFERRED_KEYS, holdsDeferred } from "./deferredMessages";
import { LOCALES } from "./locales";

describe("the words deferred until a panel opens", () => {
  it("are all words of English's catalogue (a renamed key would leave a panel without its words)", () => {
    const en = messagesFor("en") as unknown as Record<string, Record<string, unknown>>;
    for (const [namespace, keys] of Object.entries(DEFERRED_KEYS))
      for (const key of keys) expect(en[namespace]?.[key], `${namespace}.${key}`).toBeDefined();
  });

  it("are left out of the layout's client messages in every language, the rows' own words kept", () => {
    for (const locale of LOCALES) {
      const sent = clientMessagesFor(locale);
      expect(holdsDeferred(sent), locale).toBe(false);
      expect(Object.keys(sent.rows ?? {})).not.toContain("keys");
      expect(Object.keys(sent.filters ?? {})).not.toContain("form");
      expect(sent.rows?.diff).toBe(messagesFor(locale).rows.diff);
      expect(sent.filters?.all).toBe(messagesFor(locale).filters.all);
    }
  });

  it("come whole with a page that asks for the namespaces (a team's filter panel, open from the start)", () => {
    expect(holdsDeferred(pageMessagesFor("de", ["filters", "rows"]))).toBe(true);
  });
});
