import { describe, expect, it } from "vitest";
import type { AlertChange, AlertDelivery } from "../alertTypes";
import { groupChanges, renderDeliveryMail } from "./deliveryMail";

function change(overrides: Partial<AlertChange>): AlertChange {
  return {
    changeId: "c1",
    wikiName: "English Wikipedia",
    wikiUrl: "https://en.wikipedia.org",
    title: "Paris",
    user: "Alice",
    summary: "copyedit",
    diffUrl: "https://en.wikipedia.org/w/index.php?diff=2&oldid=1",
    pageUrl: "https://en.wikipedia.org/wiki/Paris",
    timestamp: "2026-12-07T08:30:00Z",
    type: "edit",
    sizeDelta: 12,
    ...overrides,
  };
}

function delivery(changes: AlertChange[], overrides: Partial<AlertDelivery> = {}): AlertDelivery {
  return {
    deliveryId: "d1",
    alertId: "a1",
    alertName: "Talk pages",
    idempotencyKey: "k1",
    kind: "digest",
    changes,
    timeZone: "Europe/Berlin",
    locale: "en",
    unsubscribeUrl: "https://watchdeck.example/alerts/unsubscribe/wdu_x",
    ...overrides,
  };
}

describe("the delivery mail", () => {
  it("groups by wiki then page, both by name, and newest first within a page", () => {
    const groups = groupChanges([
      change({ changeId: "1", wikiName: "Wikidata", wikiUrl: "https://www.wikidata.org", title: "Q42" }),
      change({ changeId: "2", title: "Rome", timestamp: "2026-12-07T09:00:00Z" }),
      change({ changeId: "3", title: "Paris", timestamp: "2026-12-07T07:00:00Z" }),
      change({ changeId: "4", title: "Paris", timestamp: "2026-12-07T10:00:00Z" }),
    ]);
    expect(groups.map((w) => [w.wikiName, w.pages.map((p) => [p.title, p.changes.map((c) => c.changeId)])])).toEqual([
      [
        "English Wikipedia",
        [
          ["Paris", ["4", "3"]],
          ["Rome", ["2"]],
        ],
      ],
      ["Wikidata", [["Q42", ["1"]]]],
    ]);
  });

  it("shows times in the user's time zone and says which", () => {
    const mail = renderDeliveryMail(delivery([change({ timestamp: "2026-12-07T08:30:00Z" })]), "https://w.example");
    expect(mail.text).toContain("Europe/Berlin");
    expect(mail.text).toContain("09:30");
    expect(mail.html).toContain("09:30");
  });

  it("falls back to UTC for a time zone the runtime does not know", () => {
    const mail = renderDeliveryMail(delivery([change({})], { timeZone: "Mars/Olympus" }), "https://w.example");
    expect(mail.text).toContain("Times are in UTC");
    expect(mail.text).toContain("08:30");
  });

  it("escapes whatever a wiki sent, and links only http(s) addresses", () => {
    const hostile = change({
      title: `<img src=x onerror=alert(1)>`,
      user: `"><script>alert(2)</script>`,
      summary: `</li><a href="javascript:alert(3)">x</a>`,
      diffUrl: "javascript:alert(4)",
      wikiName: "Evil & Co",
    });
    const { html } = renderDeliveryMail(delivery([hostile]), "https://w.example");
    expect(html).not.toMatch(/<img|<script|href="javascript|<a href="javascript/i);
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(html).toContain("Evil &amp; Co");
    expect(html).not.toContain("javascript:alert(4)");
  });

  it("has diff links, the unsubscribe link and the subject of its kind", () => {
    const mail = renderDeliveryMail(
      delivery([change({}), change({ changeId: "2", diffUrl: null })]),
      "https://w.example",
    );
    expect(mail.subject).toBe("Talk pages: 2 changes (digest)");
    expect(mail.html).toContain('<a href="https://en.wikipedia.org/w/index.php?diff=2&amp;oldid=1">diff</a>');
    expect(mail.text).toContain("diff: <https://en.wikipedia.org/w/index.php?diff=2&oldid=1>");
    expect(mail.text).toContain("Stop these mails: https://watchdeck.example/alerts/unsubscribe/wdu_x");
    expect(renderDeliveryMail(delivery([change({})], { kind: "immediate" }), "https://w.example").subject).toBe(
      "Talk pages: Paris (English Wikipedia)",
    );
  });

  it("is written in the recipient's language, with that language's plurals, dates and numbers", () => {
    const changes = [change({ sizeDelta: 1234 }), change({ changeId: "2", title: "Rome", sizeDelta: -5 })];
    const de = renderDeliveryMail(delivery(changes, { locale: "de" }), "https://w.example");
    expect(de.subject).toBe("Talk pages: 2 Änderungen (Zusammenfassung)");
    expect(de.text).toContain("Deine Benachrichtigung „Talk pages“ hat 2 Änderungen gefunden.");
    expect(de.text).toContain("07.12.2026, 09:30");
    expect(de.text).toContain("(+1.234)");
    expect(de.text).toContain("Diese E-Mails abbestellen: https://watchdeck.example/alerts/unsubscribe/wdu_x");
    expect(de.html).toContain('<html lang="de">');
    expect(de.html).toContain(">Benachrichtigungen verwalten</a>");
    const es = renderDeliveryMail(delivery([change({})], { locale: "es", kind: "test" }), "https://w.example");
    expect(es.subject).toBe("Prueba de tu alerta de Watchdeck «Talk pages»");
    expect(es.text).toContain("Esta es una prueba de tu alerta.");
  });

  it("isolates the wiki's text in its direction and language, the mail's own words outside", () => {
    const hebrew = change({
      wikiName: "ויקי אלף",
      wikiUrl: "https://he.example",
      title: "תל אביב (עיר) Jaffa",
      pageUrl: "https://he.example/wiki/Tel_Aviv",
      user: "עורך",
      summary: "/* פסקה */ תיקון typo ב-3 מקומות",
      lang: "he",
      dir: "rtl",
    });
    const { html } = renderDeliveryMail(delivery([hebrew]), "https://w.example");
    const isolate = (text: string) => `<bdi dir="rtl" lang="he">${text}</bdi>`;
    expect(html).toContain(`<a href="https://he.example">${isolate("ויקי אלף")}</a>`);
    expect(html).toContain(`<a href="https://he.example/wiki/Tel_Aviv">${isolate("תל אביב (עיר) Jaffa")}</a>`);
    expect(html).toContain(`${isolate("עורך")}  (+12)  (${isolate("/* פסקה */ תיקון typo ב-3 מקומות")})`);
  });

  it("isolates a change stored before wikis had a direction with dir=auto", () => {
    const { html } = renderDeliveryMail(delivery([change({})]), "https://w.example");
    expect(html).toContain('<bdi dir="auto">Alice</bdi>');
  });
});
