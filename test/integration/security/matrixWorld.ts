import { randomBytes } from "node:crypto";
import { createAlert } from "@/lib/alerts/alerts";
import { unsubscribeToken } from "@/lib/alerts/email/unsubscribeToken";
import { serverConfig } from "@/lib/config/serverConfig";
import { hashUrlSecret, newUrlSecret } from "@/lib/crypto/urlSecret";
import { createFeedToken, revokeFeedToken } from "@/lib/feeds/feedTokens";
import { removeLink } from "@/lib/links/removeLink";
import { syncLink } from "@/lib/sync/syncLink";
import { createInvite, joinTeam, revokeInvite } from "@/lib/teams/invites";
import { setLinkShared } from "@/lib/teams/sharing";
import { createTeamFeed } from "@/lib/teams/teamFeeds";
import { createTeam } from "@/lib/teams/teams";
import { parseHighlightRuleInput } from "@/lib/timeline/highlights/highlightRule";
import { saveHighlightRule } from "@/lib/timeline/highlights/highlightRules";
import { saveTimelinePreset } from "@/lib/timeline/presets/saveTimelinePreset";
import { safeParseTimelineFilters } from "@/lib/timeline/timelineFilters";
import { webhookAlert } from "@/test/integration/alerts/alertTestKit";
import type { WebhookReceiver } from "@/test/integration/alerts/webhookReceiver";
import {
  countingNetwork,
  deps,
  linkWithBotPassword,
  linkWithToken,
  newUser,
  query,
} from "@/test/integration/sync/syncTestKit";
import { type WikiWatchState, watchStateOnWiki } from "@/test/integration/watching/watchingFixture";
import { botPasswordFor } from "@/test/mediawiki/config";
import { runTool } from "@/test/mediawiki/php";
import { apiClient, makeEdit } from "@/test/mediawiki/wikiActions";
import { type AppSession, anonymous, signIn } from "@/test/support/appSession";
import { TEST_SERVER_SECRETS } from "@/test/support/productionServer";
import { fixtureWiki } from "@/test/support/wikiFixture";

export const ACTORS = ["anonymous", "other", "member", "owner"] as const;
export type Actor = (typeof ACTORS)[number];

export const PASSWORD = "long enough password";
/** A browser's push keys, in the shape PushSubscription.toJSON() gives them. */
export const PUSH_KEYS = {
  p256dh: Buffer.concat([Buffer.from([4]), randomBytes(64)]).toString("base64url"),
  auth: randomBytes(16).toString("base64url"),
};
const WIKI = "alpha";
const GRANTS = ["basic", "viewmywatchlist", "editmywatchlist"];
export const network = countingNetwork();

function unwrap<T>(result: { ok: true; value: T } | { ok: false; failure: { message: string } }): T {
  if (!result.ok) throw new Error(result.failure.message);
  return result.value;
}

/** A sync of the link by this process; the server's worker may be syncing the new link already, then once it is done. */
async function syncNow(linkId: string): Promise<void> {
  for (
    const deadline = Date.now() + 60_000;
    Date.now() < deadline;
    await new Promise((resolve) => setTimeout(resolve, 250))
  ) {
    const outcome = await syncLink(linkId, deps(network));
    if (outcome.status === "synced") return;
    if (outcome.status !== "deferred" && !(outcome.status === "skipped" && outcome.reason === "already_running")) {
      throw new Error(`the owner's link did not sync: ${JSON.stringify(outcome)}`);
    }
  }
  throw new Error("the owner's link did not sync within 60 s: the server's worker kept it busy");
}

// One bot password per run, so runs in parallel never delete each other's.
const appIdOf = (runId: string) => `security${runId}`;

export async function removeBotPassword(runId: string): Promise<void> {
  await runTool(WIKI, [{ op: "deleteBotPassword", user: "BotUser", appId: appIdOf(runId) }]);
}

/** An alert address of the user's: verified, or waiting for its link (whose secret is returned). */
async function emailAddress(userId: string, verified: boolean) {
  const secret = newUrlSecret("emailVerification");
  const rows = await query<{ id: string; address: string }>(
    `INSERT INTO alert_email_addresses (id, user_id, address, verified_at, verification_hash, verification_sent_at)
     VALUES (gen_random_uuid(), $1, $2, $3, $4, $5) RETURNING id::text, address`,
    [
      userId,
      `alerts-${randomBytes(4).toString("hex")}@example.org`,
      verified ? new Date() : null,
      verified ? null : hashUrlSecret(secret),
      // Sent long enough ago that a new mail may go out at once.
      verified ? null : new Date(Date.now() - 3_600_000),
    ],
  );
  return { id: rows[0]!.id, address: rows[0]!.address, secret };
}

/**
 * Three people and what they own: the owner has a synced link (BotUser on alpha, so that watching
 * actions touch no seeded watchlist), a team it shares that link with, feeds, a preset and alerts (a
 * webhook to `webhook` and one by mail); the member belongs to the team; the other user has only a feed
 * of their own.
 */
export async function buildWorld(baseUrl: string, runId: string, webhook: WebhookReceiver) {
  if (serverConfig().encryptionKey !== TEST_SERVER_SECRETS.WATCHDECK_ENCRYPTION_KEY) {
    throw new Error(
      "This process read its configuration before startAppServer: the server could not open the link secrets it seals.",
    );
  }
  const users = {
    owner: await newUser(`owner-${runId}@example.org`),
    other: await newUser(`other-${runId}@example.org`),
    member: await newUser(`member-${runId}@example.org`),
  };
  const alpha = fixtureWiki(WIKI);
  const appId = appIdOf(runId);
  // MediaWiki takes "User@app" logins only with passwords in its own format, [0-9a-w]{32}.
  const botPassword = botPasswordFor(WIKI, "BotUser", appId);
  await runTool(WIKI, [{ op: "setBotPassword", user: "BotUser", appId, grants: GRANTS, password: botPassword }]);
  // BotUser's own account, to set up and read what the wiki says about its watchlist.
  const botUser = await apiClient(WIKI, "BotUser");
  const watchOnWiki = async (titles: string[]) =>
    botUser.post({ action: "watch", titles: titles.join("|"), token: await botUser.token("watch") });
  // A page only this test edits, with a title and summary a renderer could get wrong.
  const pageTitle = `Watchdeck security ${runId} Ünïcödé ✓ "quoted" & 日本語`;
  await watchOnWiki([pageTitle]);
  const summary = `<script>alert("xss-${runId}")</script><img src=x onerror=alert(1)> "quoted" & done`;
  const edit = await makeEdit(WIKI, { title: pageTitle, summary });

  const linkId = await linkWithBotPassword(users.owner, alpha.apiUrl, `BotUser@${appId}`, botPassword, network);
  await syncNow(linkId);

  const teamId = unwrap(await createTeam(users.owner, { name: `Team ${runId}` })).teamId;
  const invite = unwrap(await createInvite(users.owner, teamId, { validForDays: 7 }));
  unwrap(await joinTeam(users.member, invite.secret));
  unwrap(await setLinkShared(users.owner, teamId, linkId, true));
  const revokedInvite = unwrap(await createInvite(users.owner, teamId, { validForDays: 7 }));
  unwrap(await revokeInvite(users.owner, teamId, revokedInvite.inviteId));

  const feed = async (userId: string, name: string) => {
    const made = await createFeedToken(userId, { name, filterQuery: "" });
    if (!made.ok) throw new Error(made.failure.message);
    return made;
  };
  const ownerFeed = await feed(users.owner, `Owner feed ${runId}`);
  const revokedFeed = await feed(users.owner, `Revoked feed ${runId}`);
  await revokeFeedToken(users.owner, revokedFeed.value.id);
  const foreignFeed = await feed(users.other, `Other feed ${runId}`);
  const teamFeed = unwrap(await createTeamFeed(users.member, teamId, { name: `Team feed ${runId}`, filterQuery: "" }));
  const filters = safeParseTimelineFilters(new URLSearchParams(""));
  if (!filters.ok) throw new Error(filters.failure.message);
  const preset = await saveTimelinePreset(users.owner, `Owner preset ${runId}`, filters.value);

  const alertName = `Owner alert ${runId}`;
  const alertId = await webhookAlert(users.owner, webhook, { name: alertName });
  const mailAlertName = `Owner mail alert ${runId}`;
  const mailAddress = await emailAddress(users.owner, true);
  const mailAlertId = unwrap(
    await createAlert(users.owner, {
      name: mailAlertName,
      filterQuery: "",
      teamId: null,
      rhythm: { kind: "daily", hour: 8 },
      channel: "email",
      emailAddressId: mailAddress.id,
      firstSyncSummary: false,
    }),
  ).id;
  const pendingAddress = await emailAddress(users.owner, false);

  const sessions: Record<Actor, AppSession> = {
    anonymous: anonymous(baseUrl),
    owner: await signIn(baseUrl, `owner-${runId}@example.org`, PASSWORD),
    other: await signIn(baseUrl, `other-${runId}@example.org`, PASSWORD),
    member: await signIn(baseUrl, `member-${runId}@example.org`, PASSWORD),
  };
  // The newest row's cursor, as the timeline asks "how many are newer than this?".
  const newest = JSON.parse((await sessions.owner.get("/api/timeline?limit=1")).body) as { rows: { cursor: string }[] };
  if (!newest.rows[0]) throw new Error("the owner's timeline is empty");
  const change = await query<{ id: string }>(`SELECT id::text FROM changes WHERE title = $1 AND rev_id = $2`, [
    pageTitle,
    edit.newrevid,
  ]);
  if (!change[0]) throw new Error("the owner's edit was not synced");
  const highlight = unwrap(
    parseHighlightRuleInput({ color: "c2", name: "Disposable", filterQuery: "bot=only", minBytes: "" }),
  );

  let titles = 0;
  let freshLinkId: string | null = null;
  return {
    runId,
    baseUrl,
    users,
    sessions,
    linkId,
    pageTitle,
    /** In the owner's synced changes only (the page title, without the characters HTML and XML escape). */
    ownerMarker: `Watchdeck security ${runId}`,
    summary,
    teamId,
    inviteSecret: invite.secret,
    revokedInviteSecret: revokedInvite.secret,
    ownerFeed,
    revokedFeed,
    foreignFeed,
    teamFeed,
    presetId: preset.id,
    cursor: newest.rows[0].cursor,
    /** The owner's synced edit (changes.id), whose inline diff the owner and team members may open. */
    changeId: change[0].id,
    /** What the wiki says about BotUser's watch of one page. */
    watchState: async (title: string): Promise<WikiWatchState> =>
      Object.values(await watchStateOnWiki(botUser, [title]))[0]!,
    /** The owner's webhook alert, to the test's receiver. */
    alertId,
    alertName,
    webhookUrl: webhook.url,
    /** The owner's verified alert address. */
    mailAddressId: mailAddress.id,
    /** The owner's alert by mail, and its mails' unsubscribe token (the token is the credential). */
    mailAlertId,
    mailAlertName,
    unsubscribeToken: unsubscribeToken(serverConfig().authSecret, mailAlertId),
    /** An address of the owner's waiting for its verification link, and the link's secret. */
    pendingAddress,
    /** Disposable things for actions that change or destroy what they act on, one per call. */
    fresh: {
      team: async () => {
        const id = unwrap(
          await createTeam(users.owner, { name: `Disposable ${randomBytes(3).toString("hex")}` }),
        ).teamId;
        const made = unwrap(await createInvite(users.owner, id, { validForDays: 1 }));
        unwrap(await joinTeam(users.member, made.secret));
        return id;
      },
      /** A valid invitation to a team of the owner's alone. */
      inviteSecret: async () => {
        const id = unwrap(
          await createTeam(users.owner, { name: `Disposable ${randomBytes(3).toString("hex")}` }),
        ).teamId;
        return unwrap(await createInvite(users.owner, id, { validForDays: 1 })).secret;
      },
      invite: async () => unwrap(await createInvite(users.owner, teamId, { validForDays: 1 })).inviteId,
      feed: async () => (await feed(users.owner, `Disposable ${randomBytes(3).toString("hex")}`)).value.id,
      teamFeed: async () =>
        unwrap(await createTeamFeed(users.owner, teamId, { name: "Disposable", filterQuery: "" })).id,
      /** The owner's highlight rule in blue (saving gives the colour a new rule once the last was deleted). */
      highlight: async () => (await saveHighlightRule(users.owner, highlight)).id,
      preset: async () =>
        (await saveTimelinePreset(users.owner, `Disposable ${randomBytes(3).toString("hex")}`, filters.value)).id,
      /** The owner's link, not shared with the team (yet). */
      unsharedLink: async () => {
        unwrap(await setLinkShared(users.owner, teamId, linkId, false));
        return linkId;
      },
      /**
       * A new link of the owner's (Bob's watchlist token on beta). A wiki account can be linked once
       * per user, so the link the last call made goes first when the action left it there.
       */
      link: async () => {
        if (freshLinkId) await removeLink(users.owner, freshLinkId);
        freshLinkId = await linkWithToken(
          users.owner,
          fixtureWiki("beta").apiUrl,
          "Bob",
          fixtureWiki("beta").watchlistTokens.Bob!,
          "api",
          network,
        );
        return freshLinkId;
      },
      /** A webhook alert of the owner's. */
      alert: async () =>
        webhookAlert(users.owner, webhook, { name: `Disposable alert ${randomBytes(3).toString("hex")}` }),
      /** An address of the owner's waiting for its link (sent an hour ago). */
      pendingAddress: async () => (await emailAddress(users.owner, false)).id,
      /** The secret of a fresh verification link for an address of the owner's. */
      verificationSecret: async () => (await emailAddress(users.owner, false)).secret,
      /** A browser of the owner's with notifications on: its endpoint. */
      pushEndpoint: async () => {
        const endpoint = `https://push.example.org/${randomBytes(6).toString("hex")}`;
        await query(
          `INSERT INTO push_subscriptions (id, user_id, endpoint, p256dh, auth, label) VALUES (gen_random_uuid(), $1, $2, $3, $4, 'Matrix')`,
          [users.owner, endpoint, PUSH_KEYS.p256dh, PUSH_KEYS.auth],
        );
        return endpoint;
      },
      /** A page title BotUser does not watch. */
      title: async () => `Watchdeck matrix ${runId} ${++titles}`,
      /** A page title BotUser watches, permanently. */
      watchedTitle: async () => {
        const title = `Watchdeck matrix ${runId} ${++titles}`;
        await watchOnWiki([title]);
        return title;
      },
      /** The owner's page unread again, on the wiki and in Watchdeck's copy. */
      unreadPage: async () => {
        await botUser.post({
          action: "setnotificationtimestamp",
          titles: pageTitle,
          timestamp: edit.newtimestamp,
          token: await botUser.csrf(),
        });
        await query(
          `UPDATE link_changes lc SET notification_timestamp = $3 FROM changes c WHERE c.id = lc.change_id AND lc.link_id = $1 AND c.title = $2`,
          [linkId, pageTitle, new Date(edit.newtimestamp)],
        );
        return pageTitle;
      },
    },
  };
}

export type World = Awaited<ReturnType<typeof buildWorld>>;
