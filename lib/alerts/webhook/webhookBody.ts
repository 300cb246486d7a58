import type { AlertChange, AlertDelivery, WebhookFormat } from "../alertTypes";

// Slack shows at most 50 blocks, Discord 10 embeds and 2,000 characters of content: longer deliveries list the
// first changes and say how many more there are.
const SLACK_CHANGES = 20;
const DISCORD_CHANGES = 10;
const DISCORD_CONTENT = 2000;

/** The request body of one delivery in the chosen format. */
export function webhookBody(delivery: AlertDelivery, format: WebhookFormat): unknown {
  switch (format) {
    case "json":
      return jsonBody(delivery);
    case "slack":
      return slackBody(delivery);
    case "discord":
      return discordBody(delivery);
  }
}

function jsonBody(delivery: AlertDelivery) {
  return {
    type: "watchdeck.alert",
    delivery: { id: delivery.deliveryId, kind: delivery.kind, idempotencyKey: delivery.idempotencyKey },
    alert: { id: delivery.alertId, name: delivery.alertName },
    changes: delivery.changes.map((c) => ({
      id: c.changeId,
      wiki: { name: c.wikiName, url: c.wikiUrl },
      title: c.title,
      pageUrl: c.pageUrl,
      user: c.user,
      summary: c.summary,
      diffUrl: c.diffUrl,
      timestamp: c.timestamp,
      type: c.type,
      sizeDelta: c.sizeDelta,
    })),
  };
}

function headline(delivery: AlertDelivery): string {
  const n = delivery.changes.length;
  const changes = `${n} change${n === 1 ? "" : "s"}`;
  switch (delivery.kind) {
    case "test":
      return `Test of the alert “${delivery.alertName}”: this is how its changes will look.`;
    case "first-sync-summary":
      return `${delivery.alertName}: a newly linked wiki brought ${changes} (a summary, not an alert per change).`;
    case "digest":
      return `${delivery.alertName}: digest of ${changes}`;
    case "immediate":
      return `${delivery.alertName}: ${changes}`;
  }
}

function sizeText(delta: number | null): string {
  if (delta === null) return "";
  return ` (${delta > 0 ? "+" : ""}${delta})`;
}

// Slack's mrkdwn: &, < and > are the only characters to escape; a link is <url|text>.
const slack = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

function slackLine(c: AlertChange): string {
  const page = `<${c.pageUrl}|${slack(c.title)}>`;
  const diff = c.diffUrl ? ` · <${c.diffUrl}|diff>` : "";
  const summary = c.summary !== "" ? ` — _${slack(c.summary)}_` : "";
  return `*${slack(c.wikiName)}* · ${page}${diff} · ${slack(c.user ?? "(hidden)")}${sizeText(c.sizeDelta)}${summary}`;
}

function slackBody(delivery: AlertDelivery) {
  const shown = delivery.changes.slice(0, SLACK_CHANGES);
  const more = delivery.changes.length - shown.length;
  const title = headline(delivery);
  return {
    // The text is the notification and what clients without blocks show.
    text: [title, ...shown.map(slackLine), ...(more > 0 ? [`…and ${more} more`] : [])].join("\n"),
    blocks: [
      { type: "header", text: { type: "plain_text", text: title.slice(0, 150), emoji: false } },
      ...shown.map((c) => ({ type: "section", text: { type: "mrkdwn", text: slackLine(c).slice(0, 3000) } })),
      ...(more > 0 ? [{ type: "context", elements: [{ type: "mrkdwn", text: `…and ${more} more` }] }] : []),
    ],
  };
}

// Discord's markdown: escape what would format, and keep ")" out of link targets.
const discord = (text: string) => text.replace(/([\\*_~`|>[\]()#-])/g, "\\$1");
const discordUrl = (url: string) => url.replace(/\)/g, "%29");

function discordBody(delivery: AlertDelivery) {
  const shown = delivery.changes.slice(0, DISCORD_CHANGES);
  const more = delivery.changes.length - shown.length;
  const lines = shown.map(
    (c) =>
      `**${discord(c.wikiName)}** · [${discord(c.title)}](${discordUrl(c.diffUrl ?? c.pageUrl)}) · ${discord(c.user ?? "(hidden)")}${sizeText(c.sizeDelta)}`,
  );
  let content = [headline(delivery), ...lines, ...(more > 0 ? [`…and ${more} more`] : [])].join("\n");
  if (content.length > DISCORD_CONTENT) content = `${content.slice(0, DISCORD_CONTENT - 1)}…`;
  return {
    username: "Watchdeck",
    content,
    allowed_mentions: { parse: [] },
    embeds: shown.map((c) => ({
      title: `${c.title}`.slice(0, 256),
      url: c.diffUrl ?? c.pageUrl,
      description: c.summary.slice(0, 4096) || undefined,
      timestamp: c.timestamp,
      author: { name: (c.user ?? "(hidden)").slice(0, 256) },
      footer: { text: `${c.wikiName} · ${c.type}${sizeText(c.sizeDelta)}`.slice(0, 2048) },
    })),
  };
}
