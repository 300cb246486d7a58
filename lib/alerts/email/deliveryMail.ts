import type { Locale } from "@/lib/i18n/locales";
import { type Translator, translatorFor } from "@/lib/i18n/translator";
import type { AlertChange, AlertDelivery } from "../alertTypes";

/**
 * An alert delivery as a mail: plain text and HTML, changes grouped by wiki then page (newest first within a
 * page, as Special:Watchlist shows them), in the user's language, times in the user's time zone. Everything that came from a wiki is
 * escaped in the HTML, and only http(s) links become links.
 */

export interface DeliveryMail {
  subject: string;
  text: string;
  html: string;
}

interface PageGroup {
  title: string;
  pageUrl: string;
  /** The first change's wiki text attributes (a page's changes share its wiki). */
  bidi: string;
  changes: AlertChange[];
}

interface WikiGroup {
  wikiName: string;
  wikiUrl: string;
  bidi: string;
  pages: PageGroup[];
}

export function groupChanges(changes: readonly AlertChange[]): WikiGroup[] {
  const wikis = new Map<string, WikiGroup>();
  for (const change of changes) {
    let wiki = wikis.get(change.wikiUrl);
    if (!wiki) {
      wiki = { wikiName: change.wikiName, wikiUrl: change.wikiUrl, bidi: bidiAttributes(change), pages: [] };
      wikis.set(change.wikiUrl, wiki);
    }
    let page = wiki.pages.find((p) => p.title === change.title);
    if (!page) {
      page = { title: change.title, pageUrl: change.pageUrl, bidi: bidiAttributes(change), changes: [] };
      wiki.pages.push(page);
    }
    page.changes.push(change);
  }
  const byName = (a: string, b: string) => a.localeCompare(b, "en");
  const groups = [...wikis.values()].sort((a, b) => byName(a.wikiName, b.wikiName));
  for (const wiki of groups) {
    wiki.pages.sort((a, b) => byName(a.title, b.title));
    for (const page of wiki.pages) page.changes.sort((a, b) => b.timestamp.localeCompare(a.timestamp));
  }
  return groups;
}

export function deliverySubject(delivery: AlertDelivery, t: Translator = translatorFor(delivery.locale)): string {
  const count = delivery.changes.length;
  const alert = delivery.alertName;
  switch (delivery.kind) {
    case "test":
      return t("mail.subject.test", { alert });
    case "first-sync-summary":
      return t("mail.subject.firstSync", { alert, count });
    case "immediate":
      return count === 1
        ? t("mail.subject.immediateOne", {
            alert,
            title: delivery.changes[0]!.title,
            wiki: delivery.changes[0]!.wikiName,
          })
        : t("mail.subject.immediate", { alert, count });
    case "digest":
      return t("mail.subject.digest", { alert, count });
  }
}

export function renderDeliveryMail(delivery: AlertDelivery, baseUrl: string): DeliveryMail {
  const groups = groupChanges(delivery.changes);
  const formatTime = timeFormatter(delivery.locale, delivery.timeZone);
  const t = translatorFor(delivery.locale, { timeZone: formatTime.zone });
  const manageUrl = `${baseUrl.replace(/\/+$/, "")}/alerts`;
  const intro =
    delivery.kind === "test"
      ? t("mail.intro.test")
      : t("mail.intro.matched", { alert: delivery.alertName, count: delivery.changes.length, zone: formatTime.zone });
  const line = (change: AlertChange) => changeLine(change, formatTime.format, t);

  const text: string[] = [intro, ""];
  for (const wiki of groups) {
    text.push(`== ${wiki.wikiName} ==`);
    for (const page of wiki.pages) {
      text.push(`* ${page.title}  <${page.pageUrl}>`);
      for (const change of page.changes) {
        text.push(`  - ${line(change)}`);
        if (change.diffUrl) text.push(`    ${t("mail.diff")}: <${change.diffUrl}>`);
      }
    }
    text.push("");
  }
  text.push("-- ", `${t("mail.manage")}: ${manageUrl}`);
  if (delivery.unsubscribeUrl) text.push(`${t("mail.stop")}: ${delivery.unsubscribeUrl}`);

  const html: string[] = [
    `<!doctype html><html lang="${delivery.locale}"><body style="font-family:sans-serif;font-size:14px;line-height:1.4">`,
    `<p>${escapeHtml(intro)}</p>`,
  ];
  for (const wiki of groups) {
    html.push(`<h2 style="font-size:16px;margin:16px 0 4px">${link(wiki.wikiUrl, wiki.wikiName, wiki.bidi)}</h2><ul>`);
    for (const page of wiki.pages) {
      html.push(`<li><strong>${link(page.pageUrl, page.title, page.bidi)}</strong><ul>`);
      for (const change of page.changes) {
        const diff = change.diffUrl ? `${link(change.diffUrl, t("mail.diff"))} · ` : "";
        html.push(`<li>${diff}${changeLineHtml(change, formatTime.format, t)}</li>`);
      }
      html.push("</ul></li>");
    }
    html.push("</ul>");
  }
  html.push(`<hr><p style="color:#555;font-size:12px">${link(manageUrl, t("mail.manage"))}`);
  if (delivery.unsubscribeUrl) html.push(` · ${link(delivery.unsubscribeUrl, t("mail.stop"))}`);
  html.push("</p></body></html>");

  return { subject: deliverySubject(delivery, t), text: text.join("\n"), html: html.join("\n") };
}

function changeLine(change: AlertChange, formatTime: (iso: string) => string, t: Translator): string {
  const parts = [formatTime(change.timestamp)];
  if (change.type === "new") parts.push(t("mail.newPage"));
  parts.push(change.user ?? t("mail.hiddenUser"));
  if (change.sizeDelta !== null)
    parts.push(`(${change.sizeDelta > 0 ? "+" : ""}${t("mail.bytes", { delta: change.sizeDelta })})`);
  if (change.summary) parts.push(`(${change.summary})`);
  return parts.join("  ");
}

/**
 * changeLine in HTML: the user name and the summary come from the wiki, each its own bidi isolate in the wiki's
 * direction and language, so a Hebrew summary cannot reorder the time and size around it.
 */
function changeLineHtml(change: AlertChange, formatTime: (iso: string) => string, t: Translator): string {
  const bidi = bidiAttributes(change);
  const parts = [escapeHtml(formatTime(change.timestamp))];
  if (change.type === "new") parts.push(escapeHtml(t("mail.newPage")));
  parts.push(change.user === null ? escapeHtml(t("mail.hiddenUser")) : `<bdi${bidi}>${escapeHtml(change.user)}</bdi>`);
  if (change.sizeDelta !== null)
    parts.push(escapeHtml(`(${change.sizeDelta > 0 ? "+" : ""}${t("mail.bytes", { delta: change.sizeDelta })})`));
  if (change.summary) parts.push(`(<bdi${bidi}>${escapeHtml(change.summary)}</bdi>)`);
  return parts.join("  ");
}

/** ` dir="rtl" lang="he"` for a change's wiki text; ` dir="auto"` for deliveries stored before wikis had a direction. */
function bidiAttributes(change: AlertChange): string {
  if (!change.dir || !change.lang) return ` dir="auto"`;
  return ` dir="${change.dir}" lang="${escapeHtml(change.lang)}"`;
}

// English mails keep the day-month-year order wiki editors outside the US read (as before there were languages).
const DATE_LOCALE: Partial<Record<Locale, string>> = { en: "en-GB" };

function timeFormatter(locale: Locale, timeZone: string): { zone: string; format: (iso: string) => string } {
  const tag = DATE_LOCALE[locale] ?? locale;
  let zone = timeZone;
  let formatter: Intl.DateTimeFormat;
  try {
    formatter = new Intl.DateTimeFormat(tag, { timeZone, dateStyle: "medium", timeStyle: "short" });
  } catch {
    zone = "UTC";
    formatter = new Intl.DateTimeFormat(tag, { timeZone: "UTC", dateStyle: "medium", timeStyle: "short" });
  }
  return { zone, format: (iso) => formatter.format(new Date(iso)) };
}

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/** A link when the address is http(s), the plain escaped text otherwise (a wiki cannot inject javascript: here). */
function link(url: string, label: string, bidi?: string): string {
  const text = bidi === undefined ? escapeHtml(label) : `<bdi${bidi}>${escapeHtml(label)}</bdi>`;
  if (!/^https?:\/\//i.test(url) || !URL.canParse(url)) return text;
  return `<a href="${escapeHtml(url)}">${text}</a>`;
}
