import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeMailTransports } from "@/lib/alerts/email/mailTransport";
import { startWebhookReceiver, type WebhookReceiver } from "@/test/integration/alerts/webhookReceiver";
import { type AppResponse, actionReply } from "@/test/support/appSession";
import { type AppServer, startAppServer } from "@/test/support/productionServer";
import { type SmtpCapture, startSmtpCapture } from "@/test/support/smtpCapture";
import { useTestDatabase } from "@/test/support/useTestDatabase";
import { actionRows } from "./actionRows";
import { actionIds, builtPagesAndRoutes, pageFiles, routeHandlers, serverActions } from "./appSurface";
import { feedRows, pageRows, routeRows } from "./httpRows";
import { type ActionRow, actionOutcome, form, httpOutcome, leaksOf, one, type PerActor } from "./matrixRows";
import { ACTORS, type Actor, buildWorld, removeBotPassword, type World } from "./matrixWorld";

/*
 * Every page, route handler and server action of the app, run as each actor against the production
 * build over real HTTP with real session cookies. The rows are keyed by file (and method, or export):
 * a page, route or action that has no row fails the first test until someone decides who may use it.
 */

const httpRows = [...pageRows, ...routeRows, ...feedRows];
const runId = randomBytes(4).toString("hex");
let server: AppServer;
let world: World;
// Where the alerts' test sends and verification mails go.
let webhook: WebhookReceiver;
let smtp: SmtpCapture;

beforeAll(async () => {
  webhook = await startWebhookReceiver();
  smtp = await startSmtpCapture();
  // This process makes the world's alerts as the server does: it needs to know that mail can be sent and that
  // the receiver on loopback may be posted to, before anything reads the configuration (once per process).
  Object.assign(process.env, {
    WATCHDECK_SMTP_URL: smtp.url,
    WATCHDECK_MAIL_FROM: "Watchdeck <alerts@watchdeck.test>",
    WATCHDECK_ALLOW_PRIVATE_NETWORKS: "true",
  });
  const databaseUrl = await useTestDatabase(import.meta.url);
  server = await startAppServer(databaseUrl, { WATCHDECK_SYNC_INTERVAL_SECONDS: "3600" });
  world = await buildWorld(server.baseUrl, runId, webhook);
}, 240_000);

afterAll(async () => {
  await server?.stop();
  closeMailTransports();
  await webhook?.close();
  await smtp?.close();
  await removeBotPassword(runId).catch(() => undefined);
});

/** Calls `send`; an answer of 500 or more comes back with what the server printed meanwhile. */
async function answerOf(send: () => Promise<AppResponse>, serverErrors: string[]): Promise<AppResponse> {
  const from = server.output.length;
  const response = await send();
  if (response.status >= 500) serverErrors.push(server.output.slice(from).join("").slice(-4000));
  return response;
}

describe("the authorization matrix", () => {
  it("has a row for every page, route handler and server action of the app, and none for things that are gone", () => {
    const sourceHttp = [...pageFiles(), ...routeHandlers()];
    const rowHttp = new Set(httpRows.map((r) => r.key));
    expect(
      sourceHttp.filter((k) => !rowHttp.has(k)),
      "pages and routes without a row",
    ).toEqual([]);
    expect(
      [...rowHttp].filter((k) => !sourceHttp.includes(k)),
      "rows for pages and routes that no longer exist",
    ).toEqual([]);
    const rowActions = new Set(actionRows.map((r) => r.key));
    expect(
      serverActions().filter((k) => !rowActions.has(k)),
      "server actions without a row",
    ).toEqual([]);
    expect(
      [...rowActions].filter((k) => !serverActions().includes(k)),
      "rows for server actions that no longer exist",
    ).toEqual([]);
    // The build is the truth the sources are read for: an inline "use server" or a route the file scan missed shows up here.
    const scanned = [...pageFiles(), ...routeHandlers().map((k) => k.split(" ")[1]!)].map((f) =>
      f.replace(/\.(tsx|ts|jsx|js)$/, ""),
    );
    expect(
      [...new Set(builtPagesAndRoutes())].filter((k) => !scanned.includes(k)),
      "built pages and routes the scan missed",
    ).toEqual([]);
    expect(
      [...actionIds().keys()].filter((k) => !rowActions.has(k)),
      "built server actions without a row",
    ).toEqual([]);
  });

  it.each(httpRows.map((row) => [`${row.key} — ${row.what}`, row] as const))("%s", async (_name, row) => {
    const got: Partial<PerActor<unknown>> = {};
    const bodies: Partial<Record<Actor, string>> = {};
    const problems: string[] = [];
    const serverErrors: string[] = [];
    // Reads, and writes that touch nothing the other actors read: all four at once.
    await Promise.all(
      ACTORS.map(async (actor) => {
        const session = world.sessions[actor];
        const response = await answerOf(() => {
          if (row.send) return row.send(session, world);
          const { method = "GET", path, headers, body } = row.request!(world);
          return method === "GET" ? session.get(path, headers) : session.post(path, headers, body);
        }, serverErrors);
        got[actor] = httpOutcome(response);
        if (response.status === 200) bodies[actor] = response.body;
        problems.push(...(row.problems?.(response) ?? []).map((p) => `${actor}: ${p}`));
      }),
    );
    expect(got, serverErrors.join("\n")).toEqual(row.expect);
    expect([...leaksOf(row.shows, world, bodies), ...problems]).toEqual([]);
  });

  it.each(actionRows.map((row) => [`${row.key} — ${row.what}`, row] as const))("%s", async (_name, row) => {
    const action = actionIds().get(row.key);
    expect(action, `${row.key} is not in the build's server-reference manifest`).toBeDefined();
    const pagePath = row.page?.(world) ?? mountedAt(action!.worker, world);
    const got: Partial<PerActor<unknown>> = {};
    const replies: Partial<Record<Actor, string>> = {};
    const serverErrors: string[] = [];
    try {
      for (const actor of ACTORS) {
        const fresh = row.fresh ? await row.fresh(world) : "";
        const before = await row.probe?.(world, fresh);
        const response = await answerOf(
          () => world.sessions[actor].action(action!.id, row.args(world, fresh), pagePath),
          serverErrors,
        );
        const reply = response.status === 200 ? actionReply(response) : undefined;
        const changed = row.reads
          ? row.reads(world, reply)
          : JSON.stringify(before) !==
            JSON.stringify(await probeAfter(row, fresh, before, (reply as { ok?: unknown } | undefined)?.ok === true));
        got[actor] = actionOutcome(response, reply, changed);
        replies[actor] = JSON.stringify(reply) ?? "";
      }
    } finally {
      await row.cleanup?.(world);
    }
    expect(got, serverErrors.join("\n")).toEqual(row.expect);
    expect(leaksOf(row.shows, world, replies)).toEqual([]);
  });

  // proxy.ts compares a server action's Origin with the Host (before Next's own check, which answers 500); on a real build.
  it("a server action sent from another site's page is refused and changes nothing", async () => {
    const action = actionIds().get("app/(app)/wikis/actions.ts#editLinkAction")!;
    const rename = (name: string) => [world.linkId, { ok: false }, form({ displayName: name, color: "#3366cc" })];
    const page = `/wikis/${world.linkId}`;
    const linkName = () => one(`SELECT display_name AS v FROM wiki_links WHERE id = $1`, [world.linkId]);
    const before = await linkName();
    const serverErrors: string[] = [];
    const logFrom = server.output.length;
    const foreign = await answerOf(
      () =>
        world.sessions.owner.action(action.id, rename(`Cross-site ${runId}`), page, {
          origin: "https://evil.example",
          "sec-fetch-site": "cross-site",
        }),
      serverErrors,
    );
    // A plain refusal: not Next's 500 with an error digest, and nothing in the server's log.
    expect(foreign.status).toBe(403);
    expect(foreign.body).not.toMatch(/digest|stack|Error/i);
    expect(server.output.slice(logFrom).join("")).not.toMatch(/Invalid Server Actions request|digest/i);
    expect(await linkName()).toBe(before);
    // The same call from our own origin goes through: the origin alone made the difference.
    const own = await world.sessions.owner.action(action.id, rename(`Own page ${runId}`), page);
    expect(own.status).toBe(200);
    expect(await linkName()).toBe(`Own page ${runId}`);
  });
});

/** The probe after the call; for a change the wiki makes after answering, once it shows (or 5 s passed). */
async function probeAfter(row: ActionRow, fresh: string, before: unknown, saidDone: boolean): Promise<unknown> {
  const deadline = Date.now() + (row.appliedAfterAnswer && saidDone ? 5_000 : 0);
  for (;;) {
    const after = await row.probe?.(world, fresh);
    if (JSON.stringify(after) !== JSON.stringify(before) || Date.now() >= deadline) return after;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The URL of the page a build's action is mounted on: `app/(app)/teams/[id]/settings/page` → `/teams/<team>/settings`. */
function mountedAt(worker: string, w: World): string {
  const segments = worker
    .replace(/^app/, "")
    .replace(/\/page$/, "")
    .split("/")
    .filter((s) => s && !/^\(.*\)$/.test(s));
  const filled = segments.map((s, i) =>
    s === "[id]" ? (segments[i - 1] === "teams" ? w.teamId : w.linkId) : s === "[secret]" ? w.inviteSecret : s,
  );
  return `/${filled.join("/")}`;
}
