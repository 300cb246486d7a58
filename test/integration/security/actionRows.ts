import { randomBytes } from "node:crypto";
import { hashUrlSecret } from "@/lib/crypto/urlSecret";
import { query } from "@/test/integration/sync/syncTestKit";
import { fixtureWiki } from "@/test/support/wikiFixture";
import { type ActionOutcome, type ActionRow, all, form, one, signedIn } from "./matrixRows";
import { PUSH_KEYS, type World } from "./matrixWorld";

/** Refuses everyone but the owner, with a reason. */
const ownerAction = signedIn<ActionOutcome>("signedOut", "denied", { owner: "ok" });
/** Returns nothing: for anyone but the owner it silently does nothing, signed out or not. */
const ownerVoidAction = signedIn<ActionOutcome>("ignored", "ignored", { owner: "ok" });
const anyoneSignedIn = signedIn<ActionOutcome>("signedOut", "ok");
const anyTeamMember = signedIn<ActionOutcome>("signedOut", "ok", { other: "denied" });

const count = (sql: string) => (_w: World, fresh: string) => one(`SELECT count(*)::int AS v FROM ${sql}`, [fresh]);
const membersOf = (_w: World, teamId: string) =>
  one(
    `SELECT string_agg(user_id::text || ':' || role::text, ',' ORDER BY user_id) AS v FROM team_members WHERE team_id = $1`,
    [teamId],
  );
const watched = (w: World, title: string) => w.watchState(title).then((s) => s.watched);
const watch = (w: World, title: string) => w.watchState(title).then((s) => ({ watched: s.watched, expiry: s.expiry }));
const unreadSince = (w: World, title: string) => w.watchState(title).then((s) => s.notificationtimestamp);
const linkPage = (w: World) => `/wikis/${w.linkId}`;
const watchedPage = (w: World) => `/wikis/${w.linkId}/watched`;
/** Every link and feed of everybody: what an action handed a malformed id must leave alone. */
const linksAndFeeds = () =>
  one(
    `SELECT (SELECT count(*) || ' ' || max(updated_at) FROM wiki_links) || ' ' || (SELECT string_agg(secret_hash, ',' ORDER BY secret_hash) FROM feed_tokens) AS v`,
    [],
  );
const MALFORMED_ID = "not-a-uuid";

const worldUsers = (w: World) => Object.values(w.users);
const newAlert = (fields: Record<string, string>) => (_w: World, name: string) => [
  { ok: false },
  form({ name, filters: "", rhythm: "immediate", ...fields }),
];
const alertName = async () => `Created alert ${randomBytes(4).toString("hex")}`;
const removeCreatedAlerts = async () => void (await query(`DELETE FROM alerts WHERE name LIKE 'Created alert %'`, []));
const verifyPage = () => "/verify-email/none";
const accountPage = () => "/account";

export const actionRows: ActionRow[] = [
  // Account actions act on the caller's own account only: there is no id to point them at someone else's.
  {
    key: "app/(app)/account/actions.ts#changePasswordAction",
    what: "change one's password, with a wrong current password",
    args: () => [
      { ok: false },
      form({
        currentPassword: "not the password",
        newPassword: "a brand new passphrase",
        confirmPassword: "a brand new passphrase",
      }),
    ],
    expect: signedIn<ActionOutcome>("signedOut", "denied"),
    probe: (w) =>
      one(`SELECT string_agg(password_hash, ',' ORDER BY id) AS v FROM users WHERE id = ANY($1::uuid[])`, [
        worldUsers(w),
      ]),
    page: accountPage,
  },
  {
    key: "app/(app)/account/actions.ts#changeEmailAction",
    what: "change one's own email",
    fresh: async () => `changed-${randomBytes(4).toString("hex")}@example.org`,
    args: (_w, email) => [{ ok: false }, form({ email })],
    expect: signedIn<ActionOutcome>("signedOut", "ok"),
    probe: count("users WHERE email = $1"),
    page: accountPage,
    cleanup: async (w) => {
      for (const [actor, id] of Object.entries(w.users))
        await query(`UPDATE users SET email = $1 WHERE id = $2`, [`${actor}-${w.runId}@example.org`, id]);
    },
  },
  {
    key: "app/(app)/account/actions.ts#changeTimeZoneAction",
    what: "choose one's own time zone",
    args: () => [{ ok: false }, form({ timeZone: "Pacific/Chatham" })],
    expect: signedIn<ActionOutcome>("signedOut", "ok"),
    probe: () => one(`SELECT count(*)::int AS v FROM users WHERE time_zone = 'Pacific/Chatham'`, []),
    page: accountPage,
    cleanup: async (w) =>
      void (await query(`UPDATE users SET time_zone = NULL WHERE id = ANY($1::uuid[])`, [worldUsers(w)])),
  },
  {
    key: "app/(app)/account/actions.ts#changeLocaleAction",
    what: "choose one's own interface language",
    args: () => [{ ok: false }, form({ locale: "de" })],
    expect: signedIn<ActionOutcome>("signedOut", "ok"),
    probe: () => one(`SELECT count(*)::int AS v FROM users WHERE locale = 'de'`, []),
    page: accountPage,
    cleanup: async (w) =>
      void (await query(`UPDATE users SET locale = NULL WHERE id = ANY($1::uuid[])`, [worldUsers(w)])),
  },
  {
    key: "app/(app)/account/actions.ts#signOutEverywhereAction",
    what: "sign out one's own sessions everywhere",
    args: () => [],
    expect: signedIn<ActionOutcome>("signedOut", "ok"),
    probe: (w) => one(`SELECT sum(session_epoch)::int AS v FROM users WHERE id = ANY($1::uuid[])`, [worldUsers(w)]),
    page: accountPage,
    // Each signed-in actor ended its own sessions once: give the world its sessions back for the rows after.
    cleanup: async (w) =>
      void (await query(`UPDATE users SET session_epoch = session_epoch - 1 WHERE id = ANY($1::uuid[])`, [
        worldUsers(w),
      ])),
  },
  {
    key: "app/(app)/account/actions.ts#deleteAccountAction",
    what: "delete one's account without ticking the confirmation",
    args: () => [{ ok: false }, form({ currentPassword: "long enough password" })],
    expect: signedIn<ActionOutcome>("signedOut", "denied"),
    probe: () => one(`SELECT count(*)::int AS v FROM users`, []),
    page: accountPage,
  },
  {
    key: "app/(auth)/register/actions.ts#registerAction",
    what: "register a new account",
    fresh: async () => `new-${randomBytes(4).toString("hex")}@example.org`,
    args: (_w, email) => [{ ok: false }, form({ email, name: "New", password: "long enough password" })],
    expect: signedIn<ActionOutcome>("ok", "ok"),
    probe: count("users WHERE email = $1"),
  },
  {
    key: "app/(app)/wikis/actions.ts#addLinkAction",
    what: "link a wiki (Alice's watchlist token on alpha) to one's own account",
    args: () => [
      { ok: false },
      form({
        wikiUrl: fixtureWiki("alpha").apiUrl,
        authMode: "watchlist_token",
        source: "api",
        username: "Alice",
        secret: fixtureWiki("alpha").watchlistTokens.Alice!,
      }),
    ],
    expect: anyoneSignedIn,
    probe: () => one(`SELECT count(*)::int AS v FROM wiki_links`, []),
    cleanup: async (w) =>
      void (await query(`DELETE FROM wiki_links WHERE wiki_username = 'Alice' AND user_id = ANY($1::uuid[])`, [
        Object.values(w.users),
      ])),
  },
  // Links other wikis with the bot password of the owner's link. Its reply has no ok flag: the per-wiki rows
  // come back only when the caller's own link was used (a wiki the account is not attached to links nothing).
  {
    key: "app/(app)/wikis/actions.ts#linkAccountWikisAction",
    what: "link other wikis with the bot password of the owner's link",
    args: (w) => [w.linkId, {}, form({ wiki: "https://example.org/w" })],
    expect: all<ActionOutcome>("ignored", { owner: "ok" }),
    reads: (_w, reply) => Array.isArray((reply as { rows?: unknown } | undefined)?.rows),
    shows: { text: () => "not attached to this wiki", to: ["owner"] },
  },
  {
    key: "app/(app)/wikis/actions.ts#editLinkAction",
    what: "rename the owner's link",
    args: (w) => [w.linkId, { ok: false }, form({ displayName: `Renamed ${w.runId}`, color: "#3366cc" })],
    expect: ownerAction,
    probe: (w) => one(`SELECT display_name AS v FROM wiki_links WHERE id = $1`, [w.linkId]),
    page: linkPage,
  },
  {
    key: "app/(app)/wikis/actions.ts#editLinkAction",
    what: "rename a link by a malformed id",
    args: () => [MALFORMED_ID, { ok: false }, form({ displayName: "Renamed", color: "#3366cc" })],
    expect: signedIn<ActionOutcome>("signedOut", "denied"),
    probe: linksAndFeeds,
  },
  {
    key: "app/(app)/wikis/actions.ts#revalidateLinkAction",
    what: "re-validate the owner's link",
    args: (w) => [w.linkId, { ok: false }],
    expect: ownerAction,
    probe: (w) => one(`SELECT validated_at AS v FROM wiki_links WHERE id = $1`, [w.linkId]),
    page: linkPage,
  },
  {
    key: "app/(app)/wikis/actions.ts#revalidateLinkAction",
    what: "re-validate a link by a malformed id",
    args: () => [MALFORMED_ID, { ok: false }],
    expect: signedIn<ActionOutcome>("signedOut", "denied"),
    probe: linksAndFeeds,
  },
  // Signed out it sends to sign-in; signed in it always goes back to the list, whoever's link it was.
  {
    key: "app/(app)/wikis/actions.ts#removeLinkAction",
    what: "remove the owner's link",
    fresh: (w) => w.fresh.link(),
    args: (_w, id) => [id],
    expect: signedIn<ActionOutcome>("signedOut", "ignored", { owner: "ok" }),
    probe: count("wiki_links WHERE id = $1"),
    page: linkPage,
  },
  {
    key: "app/(app)/wikis/actions.ts#removeLinkAction",
    what: "remove a link by a malformed id",
    args: () => [MALFORMED_ID],
    expect: signedIn<ActionOutcome>("signedOut", "ignored"),
    probe: linksAndFeeds,
  },
  {
    key: "app/(app)/wikis/[id]/watched/actions.ts#addPagesAction",
    what: "watch a page on the owner's link",
    fresh: (w) => w.fresh.title(),
    args: (w, title) => [w.linkId, { ok: false }, form({ titles: title, expiry: "" })],
    expect: ownerAction,
    probe: watched,
    page: watchedPage,
  },
  {
    key: "app/(app)/wikis/[id]/watched/actions.ts#setExpiryAction",
    what: "set a watch expiry on the owner's link",
    fresh: (w) => w.fresh.watchedTitle(),
    args: (w, title) => [w.linkId, title, { ok: false }, form({ expiry: "1 week" })],
    expect: ownerAction,
    probe: watch,
    page: watchedPage,
  },
  {
    key: "app/(app)/wikis/[id]/watched/actions.ts#unwatchPagesAction",
    what: "unwatch a page on the owner's link",
    fresh: (w) => w.fresh.watchedTitle(),
    args: (w, title) => [w.linkId, [title]],
    expect: ownerAction,
    probe: watched,
    page: watchedPage,
  },
  // Only reads: anonymous gets an empty list, as a user without links does.
  {
    key: "app/(app)/watching/actions.ts#linkCapabilitiesAction",
    what: "the caller's links",
    args: () => [],
    expect: all<ActionOutcome>("ignored", { owner: "ok" }),
    reads: (w, reply) => JSON.stringify(reply ?? null).includes(w.linkId),
    shows: { text: (w) => w.linkId, to: ["owner"] },
  },
  {
    key: "app/(app)/watching/actions.ts#unwatchAction",
    what: "unwatch a page through the owner's link",
    fresh: (w) => w.fresh.watchedTitle(),
    args: (w, title) => [[w.linkId], title],
    expect: ownerAction,
    probe: watched,
  },
  {
    key: "app/(app)/watching/actions.ts#watchCounterpartAction",
    what: "watch a talk page through the owner's link",
    fresh: (w) => w.fresh.title(),
    args: (w, title) => [[w.linkId], title],
    expect: ownerAction,
    probe: (w, title) => watched(w, `Talk:${title}`),
  },
  {
    key: "app/(app)/watching/actions.ts#rewatchAction",
    what: "undo an unwatch: watch a page again through the owner's link",
    fresh: (w) => w.fresh.title(),
    args: (w, title) => [[{ linkId: w.linkId, title, expiresAt: null }]],
    expect: ownerAction,
    probe: watched,
  },
  {
    key: "app/(app)/watching/actions.ts#watchForAction",
    what: "watch a page for a week through the owner's link",
    fresh: (w) => w.fresh.title(),
    args: (w, title) => [[w.linkId], title, "1 week"],
    expect: ownerAction,
    probe: watch,
  },
  {
    key: "app/(app)/watching/actions.ts#markChangeReadAction",
    what: "mark a change read through the owner's link",
    fresh: (w) => w.fresh.unreadPage(),
    args: (w, title) => [[w.linkId], title, null],
    expect: ownerAction,
    probe: unreadSince,
  },
  // MediaWiki clears a whole watchlist in a deferred update, after answering.
  {
    key: "app/(app)/watching/actions.ts#markWikiReadAction",
    what: "mark the owner's wiki read",
    fresh: (w) => w.fresh.unreadPage(),
    args: (w) => [w.linkId],
    expect: ownerAction,
    probe: unreadSince,
    appliedAfterAnswer: true,
  },
  // Anyone marks their own timeline read: the other users' (empty) ones leave the owner's wiki untouched.
  {
    key: "app/(app)/watching/actions.ts#markFilterReadAction",
    what: "mark the caller's filtered timeline read",
    fresh: (w) => w.fresh.unreadPage(),
    args: (w) => [`q=${encodeURIComponent(w.runId)}`],
    expect: signedIn<ActionOutcome>("signedOut", "ignored", { owner: "ok" }),
    probe: unreadSince,
  },
  {
    key: "app/(app)/timeline/presetActions.ts#savePresetAction",
    what: "save a preset of one's own",
    args: () => [{ error: null, saved: null }, form({ name: "Mine", filterQuery: "" })],
    expect: anyoneSignedIn,
    probe: () => one(`SELECT count(*)::int AS v FROM timeline_presets`, []),
  },
  {
    key: "app/(app)/timeline/presetActions.ts#deletePresetAction",
    what: "delete the owner's preset",
    fresh: (w) => w.fresh.preset(),
    args: (_w, id) => [form({ presetId: id })],
    expect: ownerVoidAction,
    probe: count("timeline_presets WHERE id = $1"),
  },
  {
    key: "app/(app)/timeline/highlightActions.ts#saveHighlightAction",
    what: "save a highlight of one's own",
    args: () => [
      { error: null, saved: null },
      form({ color: "c1", name: "Mine", filterQuery: "bot=only", minBytes: "" }),
    ],
    expect: anyoneSignedIn,
    probe: () => one(`SELECT count(*)::int AS v FROM highlight_rules`, []),
  },
  {
    key: "app/(app)/timeline/highlightActions.ts#deleteHighlightAction",
    what: "remove the owner's highlight",
    fresh: (w) => w.fresh.highlight(),
    args: (_w, id) => [form({ ruleId: id })],
    expect: ownerVoidAction,
    probe: count("highlight_rules WHERE id = $1"),
  },
  {
    key: "app/(app)/feeds/actions.ts#createFeedAction",
    what: "create a feed of one's own",
    args: () => [{ ok: false }, form({ name: "Mine", filters: "" })],
    expect: anyoneSignedIn,
    probe: () => one(`SELECT count(*)::int AS v FROM feed_tokens`, []),
  },
  {
    key: "app/(app)/feeds/actions.ts#regenerateFeedAction",
    what: "regenerate the owner's feed",
    fresh: (w) => w.fresh.feed(),
    args: (_w, id) => [id, { ok: false }],
    expect: ownerAction,
    probe: (_w, id) => one(`SELECT secret_hash AS v FROM feed_tokens WHERE id = $1`, [id]),
  },
  {
    key: "app/(app)/feeds/actions.ts#regenerateFeedAction",
    what: "regenerate a feed by a malformed id",
    args: () => [MALFORMED_ID, { ok: false }],
    expect: signedIn<ActionOutcome>("signedOut", "denied"),
    probe: linksAndFeeds,
  },
  // Revoking deletes the row.
  {
    key: "app/(app)/feeds/actions.ts#revokeFeedAction",
    what: "revoke the owner's feed",
    fresh: (w) => w.fresh.feed(),
    args: (_w, id) => [id],
    expect: ownerVoidAction,
    probe: count("feed_tokens WHERE id = $1"),
  },
  {
    key: "app/(app)/feeds/actions.ts#revokeFeedAction",
    what: "revoke a feed by a malformed id",
    args: () => [MALFORMED_ID],
    expect: signedIn<ActionOutcome>("ignored", "ignored"),
    probe: linksAndFeeds,
  },
  {
    key: "app/(app)/teams/actions.ts#createTeamAction",
    what: "create a team of one's own",
    args: () => [{ ok: false }, form({ name: "Mine" })],
    expect: anyoneSignedIn,
    probe: () => one(`SELECT count(*)::int AS v FROM teams`, []),
  },
  {
    key: "app/(app)/teams/actions.ts#joinTeamAction",
    what: "join with a revoked invitation",
    args: (w) => [w.revokedInviteSecret, { ok: false }],
    expect: signedIn<ActionOutcome>("signedOut", "denied"),
    probe: (w) => membersOf(w, w.teamId),
  },
  // The owner is in the team already: joining again changes nothing.
  {
    key: "app/(app)/teams/actions.ts#joinTeamAction",
    what: "join with a valid invitation",
    fresh: (w) => w.fresh.inviteSecret(),
    args: (_w, secret) => [secret, { ok: false }],
    expect: signedIn<ActionOutcome>("signedOut", "ok", { owner: "ignored" }),
    probe: (_w, secret) =>
      one(
        `SELECT string_agg(m.user_id::text, ',' ORDER BY m.user_id) AS v FROM team_members m JOIN team_invites i ON i.team_id = m.team_id WHERE i.secret_hash = $1`,
        [hashUrlSecret(secret)],
      ),
  },
  {
    key: "app/(app)/teams/[id]/actions.ts#createInviteAction",
    what: "invite to the team",
    args: (w) => [w.teamId, { ok: false }, form({ days: "7" })],
    expect: ownerAction,
    probe: (w) => one(`SELECT count(*)::int AS v FROM team_invites WHERE team_id = $1`, [w.teamId]),
  },
  // Revoking deletes the row.
  {
    key: "app/(app)/teams/[id]/actions.ts#revokeInviteAction",
    what: "revoke an invitation",
    fresh: (w) => w.fresh.invite(),
    args: (w, id) => [w.teamId, id],
    expect: ownerVoidAction,
    probe: count("team_invites WHERE id = $1"),
  },
  {
    key: "app/(app)/teams/[id]/actions.ts#setShareAction",
    what: "share the owner's link with the team",
    fresh: (w) => w.fresh.unsharedLink(),
    args: (w, linkId) => [w.teamId, linkId, true, { ok: false }],
    expect: ownerAction,
    probe: (w, linkId) =>
      one(`SELECT count(*)::int AS v FROM team_shared_links WHERE team_id = $1 AND link_id = $2`, [w.teamId, linkId]),
  },
  {
    key: "app/(app)/teams/[id]/actions.ts#removeMemberAction",
    what: "remove the member",
    fresh: (w) => w.fresh.team(),
    args: (w, id) => [id, w.users.member, { ok: false }],
    expect: ownerAction,
    probe: membersOf,
  },
  {
    key: "app/(app)/teams/[id]/actions.ts#makeOwnerAction",
    what: "make the member an owner",
    fresh: (w) => w.fresh.team(),
    args: (w, id) => [id, w.users.member, { ok: false }],
    expect: ownerAction,
    probe: membersOf,
  },
  // A team always keeps an owner: its only owner has to make someone else owner first, or delete it (lib/teams/members.ts).
  {
    key: "app/(app)/teams/[id]/actions.ts#leaveTeamAction",
    what: "leave the team",
    fresh: (w) => w.fresh.team(),
    args: (_w, id) => [id, { ok: false }],
    expect: signedIn<ActionOutcome>("signedOut", "ok", { other: "denied", owner: "denied" }),
    probe: membersOf,
  },
  {
    key: "app/(app)/teams/[id]/actions.ts#deleteTeamAction",
    what: "delete the team",
    fresh: (w) => w.fresh.team(),
    args: (_w, id) => [id, { ok: false }, form({ confirm: "yes" })],
    expect: ownerAction,
    probe: count("teams WHERE id = $1"),
  },
  {
    key: "app/(app)/teams/[id]/actions.ts#createTeamFeedAction",
    what: "create a team feed",
    args: (w) => [w.teamId, { ok: false }, form({ name: "Ours", filters: "" })],
    expect: anyTeamMember,
    probe: (w) => one(`SELECT count(*)::int AS v FROM feed_tokens WHERE team_id = $1`, [w.teamId]),
  },
  // Only its creator may revoke a team feed, the other members included.
  {
    key: "app/(app)/teams/[id]/actions.ts#revokeTeamFeedAction",
    what: "revoke the owner's team feed",
    fresh: (w) => w.fresh.teamFeed(),
    args: (w, id) => [w.teamId, id],
    expect: ownerVoidAction,
    probe: count("feed_tokens WHERE id = $1"),
  },
  {
    key: "app/(app)/alerts/actions.ts#createAlertAction",
    what: "create a webhook alert of one's own",
    fresh: alertName,
    args: (w, name) => newAlert({ channel: "webhook", webhookUrl: w.webhookUrl, webhookFormat: "json" })(w, name),
    expect: anyoneSignedIn,
    probe: count("alerts WHERE name = $1"),
    cleanup: removeCreatedAlerts,
  },
  {
    key: "app/(app)/alerts/actions.ts#createAlertAction",
    what: "create an alert on the owner's team's timeline",
    fresh: alertName,
    args: (w, name) =>
      newAlert({ channel: "webhook", webhookUrl: w.webhookUrl, webhookFormat: "json", team: w.teamId })(w, name),
    expect: anyTeamMember,
    probe: count("alerts WHERE name = $1"),
    cleanup: removeCreatedAlerts,
  },
  {
    key: "app/(app)/alerts/actions.ts#createAlertAction",
    what: "create an alert mailing the owner's verified address",
    fresh: alertName,
    args: (w, name) =>
      newAlert({ channel: "email", emailAddress: w.mailAddressId, rhythm: "daily", hour: "8" })(w, name),
    expect: ownerAction,
    probe: count("alerts WHERE name = $1"),
    cleanup: removeCreatedAlerts,
  },
  {
    key: "app/(app)/alerts/actions.ts#setAlertPausedAction",
    what: "pause the owner's alert",
    fresh: (w) => w.fresh.alert(),
    args: (_w, id) => [id, true],
    expect: ownerVoidAction,
    probe: (_w, id) => one(`SELECT paused_at IS NOT NULL AS v FROM alerts WHERE id = $1`, [id]),
  },
  {
    key: "app/(app)/alerts/actions.ts#setAlertPausedAction",
    what: "pause an alert by a malformed id",
    args: () => [MALFORMED_ID, true],
    expect: signedIn<ActionOutcome>("ignored", "ignored"),
    probe: () => one(`SELECT count(*)::int AS v FROM alerts WHERE paused_at IS NOT NULL`, []),
  },
  {
    key: "app/(app)/alerts/actions.ts#deleteAlertAction",
    what: "delete the owner's alert",
    fresh: (w) => w.fresh.alert(),
    args: (_w, id) => [id],
    expect: ownerVoidAction,
    probe: count("alerts WHERE id = $1"),
  },
  // The test delivery reaches the test's webhook receiver; its reply never names the alert.
  {
    key: "app/(app)/alerts/actions.ts#sendTestAlertAction",
    what: "send a test of the owner's alert",
    args: (w) => [w.alertId, { ok: false }],
    expect: ownerAction,
    probe: (w) => one(`SELECT count(*)::int AS v FROM alert_attempts WHERE alert_id = $1`, [w.alertId]),
    shows: { text: (w) => w.alertName, to: [] },
  },
  {
    key: "app/(app)/alerts/channelActions.ts#addEmailAddressAction",
    what: "add an alert address of one's own",
    fresh: async () => `added-${randomBytes(4).toString("hex")}@example.org`,
    args: (_w, address) => [{ ok: false }, form({ address })],
    expect: anyoneSignedIn,
    probe: count("alert_email_addresses WHERE address = $1"),
    cleanup: async () => void (await query(`DELETE FROM alert_email_addresses WHERE address LIKE 'added-%'`, [])),
  },
  {
    key: "app/(app)/alerts/channelActions.ts#resendVerificationAction",
    what: "mail a new verification link to the owner's address",
    fresh: (w) => w.fresh.pendingAddress(),
    args: (_w, id) => [id],
    expect: ownerAction,
    probe: (_w, id) => one(`SELECT verification_hash AS v FROM alert_email_addresses WHERE id = $1`, [id]),
  },
  {
    key: "app/(app)/alerts/channelActions.ts#resendVerificationAction",
    what: "resend by a malformed id",
    args: () => [MALFORMED_ID],
    expect: signedIn<ActionOutcome>("signedOut", "denied"),
    probe: () =>
      one(`SELECT string_agg(verification_hash, ',' ORDER BY verification_hash) AS v FROM alert_email_addresses`, []),
  },
  {
    key: "app/(app)/alerts/channelActions.ts#removeEmailAddressAction",
    what: "remove the owner's alert address",
    fresh: (w) => w.fresh.pendingAddress(),
    args: (_w, id) => [id],
    expect: ownerAction,
    probe: count("alert_email_addresses WHERE id = $1"),
  },
  {
    key: "app/(app)/alerts/channelActions.ts#removeEmailAddressAction",
    what: "remove an alert address by a malformed id",
    args: () => [MALFORMED_ID],
    expect: signedIn<ActionOutcome>("signedOut", "denied"),
    probe: () => one(`SELECT count(*)::int AS v FROM alert_email_addresses`, []),
  },
  {
    key: "app/(app)/alerts/channelActions.ts#savePushSubscriptionAction",
    what: "turn notifications on for one's own browser",
    fresh: async () => `https://push.example.org/${randomBytes(6).toString("hex")}`,
    args: (_w, endpoint) => [{ endpoint, keys: PUSH_KEYS, label: "Matrix" }],
    expect: anyoneSignedIn,
    probe: count("push_subscriptions WHERE endpoint = $1"),
  },
  // It always says "off": for anyone but the owner it finds none of theirs to remove.
  {
    key: "app/(app)/alerts/channelActions.ts#removePushSubscriptionAction",
    what: "turn notifications off for the owner's browser",
    fresh: (w) => w.fresh.pushEndpoint(),
    args: (_w, endpoint) => [endpoint],
    expect: signedIn<ActionOutcome>("signedOut", "ignored", { owner: "ok" }),
    probe: count("push_subscriptions WHERE endpoint = $1"),
  },
  // The link's secret is the proof that the address is the person's: no session needed.
  {
    key: "app/verify-email/[token]/actions.ts#confirmEmailAction",
    what: "confirm an address with the link's secret",
    fresh: (w) => w.fresh.verificationSecret(),
    args: (_w, secret) => [secret],
    expect: all<ActionOutcome>("ok"),
    probe: (_w, secret) =>
      one(`SELECT count(*)::int AS v FROM alert_email_addresses WHERE verification_hash = $1 AND verified_at IS NULL`, [
        hashUrlSecret(secret),
      ]),
    page: verifyPage,
  },
  {
    key: "app/verify-email/[token]/actions.ts#confirmEmailAction",
    what: "confirm with a secret the app did not make",
    args: (w) => [`${w.pendingAddress.secret.slice(0, -4)}abcd`],
    expect: all<ActionOutcome>("denied"),
    probe: () => one(`SELECT count(*)::int AS v FROM alert_email_addresses WHERE verified_at IS NOT NULL`, []),
    page: verifyPage,
  },
];
