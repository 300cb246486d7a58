/**
 * Executes the seed plan (seedPlan.ts) against a running wiki through its own
 * Action API, then checks the result against the plan's expectations and
 * records real ids / timestamps / counts.
 */

import type { WikiContext } from "./build";
import { type SeedSize, type UserKey, wikiDef } from "./config";
import type { MwClient } from "./mwApi";
import {
  bulkTitle,
  type ChangeKind,
  type Expect,
  expectedChanges,
  planHash,
  type RcType,
  type SeedStep,
  seedPlan,
  TITLES_DE,
  TITLES_EN,
  TITLES_HE,
  type WikiTitles,
} from "./seedPlan";
import { fetchWatchlist, readWatchlistRawWith } from "./watchlist";

export interface ChangeRecord {
  label: string;
  kind: ChangeKind;
  rcType: RcType;
  /** Title of the recentchanges row. */
  title: string;
  user: string;
  alice: boolean;
  bob: boolean;
  pageid?: number;
  revid?: number;
  old_revid?: number;
  logid?: number;
  rcid?: number;
  timestamp?: string;
}

export interface SeedResult {
  planHash: string;
  seedSize: SeedSize;
  /** Titles used on this wiki (null on small benchmark wikis, except main). */
  titles: Partial<WikiTitles> & { main: string };
  /** One record per labelled change (bulk ones are bulk-001 ...). */
  changes: Record<string, ChangeRecord>;
  counts: {
    /** rows of list=watchlist&wlallrev=1 (all types) */
    aliceAllrev: number;
    /** rows without wlallrev (latest revision per page + all log rows) */
    aliceLatest: number;
    /** requests needed for Alice's allrev list with wllimit=max (500 per request) */
    aliceAllrevRequests: number;
    bobAllrev: number;
    bobLatest: number;
    /** list=watchlistraw items (subject pages and talk pages counted separately by MediaWiki) */
    aliceWatchlistRaw: number;
    bobWatchlistRaw: number;
    /** Alice allrev rows by type */
    aliceByType: Record<string, number>;
  };
  /** Titles (pages) with a notificationtimestamp for Alice/Bob at the end of seeding (unread changes). */
  unread: { Alice: string[]; Bob: string[] };
  /** Titles Alice watches with an expiry (list=watchlistraw does not show expiry; list=watchlist wlprop=expiry does). */
  expiringWatches: string[];
  timings: { installMs?: number; serverStartMs?: number; seedMs: number; totalMs?: number };
}

async function _pmap<T>(items: T[], concurrency: number, fn: (item: T, i: number) => Promise<void>): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      await fn(items[i]!, i);
    }
  });
  await Promise.all(workers);
}

function chunks<T>(arr: T[], n: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < arr.length; i += n) out.push(arr.slice(i, i + n));
  return out;
}

async function doEdit(
  client: MwClient,
  step: Extract<SeedStep, { op: "edit" }>,
): Promise<{ pageid: number; newrevid: number; oldrevid: number; newtimestamp: string }> {
  const r = await client.post({
    action: "edit",
    title: step.title,
    text: step.text,
    summary: step.summary,
    minor: step.minor,
    notminor: !step.minor,
    bot: step.bot,
    tags: step.tags,
    createonly: step.create === true,
    nocreate: step.create === false,
    token: await client.csrf(),
  });
  if (r.edit?.result !== "Success" || r.edit.nochange) {
    throw new Error(`seed edit on ${step.title} failed: ${JSON.stringify(r)}`);
  }
  return r.edit;
}

async function latestLog(client: MwClient, type: string, title: string): Promise<{ logid: number; timestamp: string }> {
  const r = await client.get({
    action: "query",
    list: "logevents",
    letype: type,
    letitle: title,
    lelimit: 1,
    leprop: "ids|timestamp",
  });
  const ev = r.query.logevents[0];
  if (!ev) throw new Error(`no ${type} log entry for ${title}`);
  return { logid: ev.logid, timestamp: ev.timestamp };
}

export async function runSeed(
  ctx: WikiContext,
): Promise<Omit<SeedResult, "timings"> & { timings: { seedMs: number } }> {
  const t0 = Date.now();
  const key = ctx.def.key;
  const plan = seedPlan(key);
  const changes: Record<string, ChangeRecord> = {};
  const record = (label: string, exp: Expect, extra: Partial<ChangeRecord>) => {
    changes[label] = {
      label,
      kind: exp.kind,
      rcType: exp.rcType,
      title: exp.rcTitle,
      user: exp.user,
      alice: exp.alice,
      bob: exp.bob,
      ...extra,
    };
  };
  const expiring: string[] = [];
  const slow: string[] = [];
  for (const step of plan) {
    const ts = Date.now();
    await runStep(step);
    const dt = Date.now() - ts;
    if (dt > 1000) slow.push(`${step.op}${"label" in step && step.label ? ` ${step.label}` : ""}: ${dt} ms`);
  }
  async function runStep(step: SeedStep): Promise<void> {
    switch (step.op) {
      case "edit": {
        const client = await ctx.client(step.user);
        const e = await doEdit(client, step);
        if (step.label && step.expect) {
          record(step.label, step.expect, {
            pageid: e.pageid,
            revid: e.newrevid,
            old_revid: e.oldrevid,
            timestamp: e.newtimestamp,
          });
        }
        break;
      }
      case "watch": {
        const client = await ctx.client(step.user);
        const token = await client.token("watch");
        for (const batch of chunks(step.titles, 50)) {
          await client.post({ action: "watch", titles: batch, expiry: step.expiry, token });
        }
        if (step.expiry && step.user === "Alice") expiring.push(...step.titles);
        break;
      }
      case "createTag": {
        const client = await ctx.client(step.user);
        await client.post({
          action: "managetags",
          operation: "create",
          tag: step.tag,
          reason: step.reason,
          token: await client.csrf(),
        });
        break;
      }
      case "bulk": {
        // One PHP process creating all pages (same PageUpdater path as an API edit):
        // ~20 ms per page instead of ~45 ms per API request on this SQLite setup.
        const pages = Array.from({ length: step.count }, (_, i) => ({
          title: bulkTitle(step.prefix, i + 1),
          text: `Bulk page ${i + 1}.\n`,
          summary: `Bulk creation ${i + 1}`,
        }));
        const [res] = (await ctx.runTool([{ op: "createPages", user: step.user, bot: !!step.bot, pages }])) as Array<{
          pages: Array<{ title: string; pageid: number; revid: number; timestamp: string }>;
        }>;
        res!.pages.forEach((p, i) => {
          const label = `bulk-${String(i + 1).padStart(3, "0")}`;
          changes[label] = {
            label,
            kind: "bulk",
            rcType: "new",
            title: p.title,
            user: step.user,
            alice: step.watchers.includes("Alice"),
            bob: step.watchers.includes("Bob"),
            pageid: p.pageid,
            revid: p.revid,
            old_revid: 0,
            timestamp: p.timestamp,
          };
        });
        break;
      }
      case "move": {
        const client = await ctx.client(step.user);
        await client.post({
          action: "move",
          from: step.from,
          to: step.to,
          reason: step.reason,
          token: await client.csrf(),
        });
        if (step.label && step.expect) record(step.label, step.expect, await latestLog(client, "move", step.from));
        break;
      }
      case "protect": {
        const client = await ctx.client(step.user);
        await client.post({
          action: "protect",
          title: step.title,
          protections: step.protections,
          expiry: step.expiry,
          reason: step.reason,
          token: await client.csrf(),
        });
        if (step.label && step.expect) record(step.label, step.expect, await latestLog(client, "protect", step.title));
        break;
      }
      case "delete": {
        const client = await ctx.client(step.user);
        const r = await client.post({
          action: "delete",
          title: step.title,
          reason: step.reason,
          token: await client.csrf(),
        });
        if (step.label && step.expect) {
          record(step.label, step.expect, {
            ...(await latestLog(client, "delete", step.title)),
            logid: r.delete.logid,
          });
        }
        break;
      }
      case "revdel": {
        const client = await ctx.client(step.user);
        const target = changes[step.target];
        if (!target?.revid) throw new Error(`revdel target ${step.target} has no revision`);
        const r = await client.post({
          action: "revisiondelete",
          type: "revision",
          target: step.title,
          ids: target.revid,
          hide: step.hide,
          reason: step.reason,
          token: await client.csrf(),
        });
        if (r.revisiondelete?.status !== "Success") throw new Error(`revisiondelete failed: ${JSON.stringify(r)}`);
        if (step.label && step.expect) record(step.label, step.expect, await latestLog(client, "delete", step.title));
        break;
      }
      case "markSeen": {
        const client = await ctx.client(step.user);
        await client.post({ action: "setnotificationtimestamp", titles: step.titles, token: await client.csrf() });
        break;
      }
      case "expireWatch":
        await ctx.runTool([{ op: "setWatchExpiry", user: step.user, title: step.title, expiry: step.expiry }]);
        break;
      case "runJobs":
        await ctx.runJobs();
        break;
      case "derived":
        if (step.label && step.expect) record(step.label, step.expect, {});
        break;
    }
  }
  const tj = Date.now();
  await ctx.runJobs();
  slow.push(`final runJobs: ${Date.now() - tj} ms`);
  ctx.log(`seed steps done in ${Date.now() - t0} ms (${slow.join(", ")})`);

  // ---- verify against the plan and collect facts
  let verified = await verifySeed(ctx, key, changes);
  // A categorize row comes from a job an edit's deferred update queues after its response has gone out; on a busy
  // machine the final runJobs can start before that job is queued.
  for (let attempt = 1; verified.problems.length > 0 && attempt <= 3; attempt++) {
    ctx.log(
      `seed verification on ${key} found ${verified.problems.length} problem(s) (${verified.problems[0]}); running jobs again`,
    );
    await new Promise((resolve) => setTimeout(resolve, 1000 * attempt));
    await ctx.runJobs();
    verified = await verifySeed(ctx, key, changes);
  }
  const { problems, aliceClient, bobClient, aliceAll, aliceLatest, bobAll, bobLatest } = verified;
  if (problems.length) {
    throw new Error(`seed verification failed on ${key}:\n  ${problems.slice(0, 40).join("\n  ")}`);
  }
  const byType: Record<string, number> = {};
  for (const row of aliceAll.rows) byType[row.type] = (byType[row.type] ?? 0) + 1;
  const unread = (rows: any[]) =>
    [...new Set(rows.filter((r) => r.notificationtimestamp).map((r) => r.title as string))].sort();
  const aliceRaw = await readWatchlistRawWith(aliceClient);
  const bobRaw = await readWatchlistRawWith(bobClient);
  const def = wikiDef(key);
  const titles: SeedResult["titles"] =
    def.seed === "full"
      ? def.lang === "de"
        ? TITLES_DE
        : TITLES_EN
      : def.seed === "rtl"
        ? { main: TITLES_HE.main, mainTalk: TITLES_HE.mainTalk, moveFrom: TITLES_HE.moveFrom, moveTo: TITLES_HE.moveTo }
        : { main: "Bench Page 001" };
  return {
    planHash: planHash(key),
    seedSize: def.seed,
    titles,
    changes,
    counts: {
      aliceAllrev: aliceAll.rows.length,
      aliceLatest: aliceLatest.rows.length,
      aliceAllrevRequests: aliceAll.requests,
      bobAllrev: bobAll.rows.length,
      bobLatest: bobLatest.rows.length,
      aliceWatchlistRaw: aliceRaw.length,
      bobWatchlistRaw: bobRaw.length,
      aliceByType: byType,
    },
    unread: { Alice: unread(aliceAll.rows), Bob: unread(bobAll.rows) },
    expiringWatches: expiring,
    timings: { seedMs: Date.now() - t0 },
  };
}

/** The wiki's watchlists against the plan: what is missing, wrong or unexpected, and the lists read. Records rc ids and times in `changes`. */
async function verifySeed(ctx: WikiContext, key: string, changes: Record<string, ChangeRecord>) {
  const aliceClient = await ctx.client("Alice");
  const bobClient = await ctx.client("Bob");
  const aliceAll = await fetchWatchlist(aliceClient, { allrev: true });
  const aliceLatest = await fetchWatchlist(aliceClient, { allrev: false });
  const bobAll = await fetchWatchlist(bobClient, { allrev: true });
  const bobLatest = await fetchWatchlist(bobClient, { allrev: false });
  const problems: string[] = [];
  for (const [who, rows] of [
    ["Alice", aliceAll.rows],
    ["Bob", bobAll.rows],
  ] as const) {
    const expected = expectedChanges(key, who);
    const used = new Set<number>();
    for (const exp of expected) {
      const rec = changes[exp.label];
      const idx = rows.findIndex((row, i) => {
        if (used.has(i) || row.type !== exp.rcType || row.title !== exp.rcTitle) return false;
        if (exp.rcType === "log") return rec?.logid ? row.logid === rec.logid : true;
        if (exp.rcType === "categorize") return true;
        return rec?.revid ? row.revid === rec.revid : true;
      });
      if (idx < 0) {
        problems.push(`${who}: missing ${exp.label} (${exp.rcType} on ${exp.rcTitle})`);
        continue;
      }
      used.add(idx);
      const row = rows[idx];
      if (rec && who === "Alice") {
        rec.rcid = row.rcid ?? rec.rcid;
        rec.timestamp = row.timestamp;
        if (exp.rcType === "categorize") {
          rec.revid = row.revid;
          rec.pageid = row.pageid;
        }
      }
      const flags: Array<[string, boolean]> = [
        ["minor", !!exp.minor],
        ["bot", !!exp.bot],
        ["anon", !!exp.anon],
        ["userhidden", !!exp.userhidden],
        ["commenthidden", !!exp.commenthidden],
      ];
      for (const [f, want] of flags) {
        if (!!row[f] !== want) problems.push(`${who}: ${exp.label}: ${f}=${!!row[f]}, expected ${want}`);
      }
      if (!exp.userhidden && row.user !== exp.user)
        problems.push(`${who}: ${exp.label}: user=${row.user}, expected ${exp.user}`);
      for (const tag of exp.tags ?? []) {
        if (!(row.tags ?? []).includes(tag))
          problems.push(`${who}: ${exp.label}: missing tag ${tag} (has ${row.tags})`);
      }
      if (exp.logtype && (row.logtype !== exp.logtype || row.logaction !== exp.logaction)) {
        problems.push(
          `${who}: ${exp.label}: log ${row.logtype}/${row.logaction}, expected ${exp.logtype}/${exp.logaction}`,
        );
      }
    }
    rows.forEach((row, i) => {
      if (!used.has(i))
        problems.push(
          `${who}: unexpected row ${row.type} ${row.title} rev ${row.revid} log ${row.logid} "${row.comment}"`,
        );
    });
  }
  return { problems, aliceClient, bobClient, aliceAll, aliceLatest, bobAll, bobLatest };
}

export type { UserKey };
