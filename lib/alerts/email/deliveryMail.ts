import type { AlertChange, AlertDelivery } from "../alertTypes";

/**
 * An alert delivery as a mail: plain text and HTML, changes grouped by wiki then page (newest first within a
 * page, as Special:Watchlist shows them), times in the user's time zone. Everything that came from a wiki is
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

export function deliverySubject(delivery: AlertDelivery): string {
  const count = delivery.changes.length;
  const changes = `${count} change${count === 1 ? "" : "s"}`;
  switch (delivery.kind) {
    case "test":
      return `Test of your Watchdeck alert “${delivery.alertName}”`;
    case "first-sync-summary":
      return `${delivery.alertName}: ${changes} found when a wiki was first read`;
    case "immediate":
      return count === 1
        ? `${delivery.alertName}: ${delivery.changes[0]!.title} (${delivery.changes[0]!.wikiName})`
        : `${delivery.alertName}: ${changes}`;
    case "digest":
      return `${delivery.alertName}: ${changes} (digest)`;
  }
}

export function renderDeliveryMail(delivery: AlertDelivery, baseUrl: string): DeliveryMail {
  const groups = groupChanges(delivery.changes);
  const formatTime = timeFormatter(delivery.timeZone);
  const manageUrl = `${baseUrl.replace(/\/+$/, "")}/alerts`;
  const intro =
    delivery.kind === "test"
      ? "This is a test of your alert. Real alerts look like this."
      : `Your alert “${delivery.alertName}” matched ${delivery.changes.length} change${delivery.changes.length === 1 ? "" : "s"}. Times are in ${formatTime.zone}.`;

  const text: string[] = [intro, ""];
  for (const wiki of groups) {
    text.push(`== ${wiki.wikiName} ==`);
    for (const page of wiki.pages) {
      text.push(`* ${page.title}  <${page.pageUrl}>`);
      for (const change of page.changes) {
        text.push(`  - ${changeLine(change, formatTime.format)}`);
        if (change.diffUrl) text.push(`    diff: <${change.diffUrl}>`);
      }
    }
    text.push("");
  }
  text.push("-- ", `Manage your alerts: ${manageUrl}`);
  if (delivery.unsubscribeUrl) text.push(`Stop these mails: ${delivery.unsubscribeUrl}`);

  const html: string[] = [
    `<!doctype html><html><body style="font-family:sans-serif;font-size:14px;line-height:1.4">`,
    `<p>${escapeHtml(intro)}</p>`,
  ];
  for (const wiki of groups) {
    html.push(`<h2 style="font-size:16px;margin:16px 0 4px">${link(wiki.wikiUrl, wiki.wikiName, wiki.bidi)}</h2><ul>`);
    for (const page of wiki.pages) {
      html.push(`<li><strong>${link(page.pageUrl, page.title, page.bidi)}</strong><ul>`);
      for (const change of page.changes) {
        const diff = change.diffUrl ? `${link(change.diffUrl, "diff")} · ` : "";
        html.push(`<li>${diff}${changeLineHtml(change, formatTime.format)}</li>`);
      }
      html.push("</ul></li>");
    }
    html.push("</ul>");
  }
  html.push(`<hr><p style="color:#555;font-size:12px">${link(manageUrl, "Manage your alerts")}`);
  if (delivery.unsubscribeUrl) html.push(` · ${link(delivery.unsubscribeUrl, "Stop these mails")}`);
  html.push("</p></body></html>");

  return { subject: deliverySubject(delivery), text: text.join("\n"), html: html.join("\n") };
}

function changeLine(change: AlertChange, formatTime: (iso: string) => string): string {
  const parts = [formatTime(change.timestamp)];
  if (change.type === "new") parts.push("N");
  parts.push(change.user ?? "(hidden user)");
  if (change.sizeDelta !== null) parts.push(`(${change.sizeDelta > 0 ? "+" : ""}${change.sizeDelta})`);
  if (change.summary) parts.push(`(${change.summary})`);
  return parts.join("  ");
}

/**
 * changeLine in HTML: the user name and the summary come from the wiki, each its own bidi isolate in the wiki's
 * direction and language, so a Hebrew summary cannot reorder the time and size around it.
 */
function changeLineHtml(change: AlertChange, formatTime: (iso: string) => string): string {
  const bidi = bidiAttributes(change);
  const parts = [escapeHtml(formatTime(change.timestamp))];
  if (change.type === "new") parts.push("N");
  parts.push(change.user === null ? "(hidden user)" : `<bdi${bidi}>${escapeHtml(change.user)}</bdi>`);
  if (change.sizeDelta !== null) parts.push(`(${change.sizeDelta > 0 ? "+" : ""}${change.sizeDelta})`);
  if (change.summary) parts.push(`(<bdi${bidi}>${escapeHtml(change.summary)}</bdi>)`);
  return parts.join("  ");
}

/** ` dir="rtl" lang="he"` for a change's wiki text; ` dir="auto"` for deliveries stored before wikis had a direction. */
function bidiAttributes(change: AlertChange): string {
  if (!change.dir || !change.lang) return ` dir="auto"`;
  return ` dir="${change.dir}" lang="${escapeHtml(change.lang)}"`;
}

function timeFormatter(timeZone: string): { zone: string; format: (iso: string) => string } {
  let zone = timeZone;
  let formatter: Intl.DateTimeFormat;
  try {
    formatter = new Intl.DateTimeFormat("en-GB", { timeZone, dateStyle: "medium", timeStyle: "short" });
  } catch {
    zone = "UTC";
    formatter = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", dateStyle: "medium", timeStyle: "short" });
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
