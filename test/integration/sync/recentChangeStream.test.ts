import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startRecentChangeStream } from "@/lib/jobs/recentChangeStream";
import { syncLink } from "@/lib/sync/syncLink";
import { useTestDatabase } from "@/test/support/useTestDatabase";
import { botPassword, fixtureWiki } from "@/test/support/wikiFixture";
import { countingNetwork, deps, linkWithBotPassword, newUser, query } from "./syncTestKit";

/**
 * A local EventStreams server replaying events in mediawiki/recentchange's real shape (testdata/recentchange.sse;
 * the fixture wiki's events carry its address). The first connection ends after two events, as a dropped
 * connection would; the reconnect must ask to resume after the last one (Last-Event-ID).
 */
function replayServer(alphaServer: string) {
  const text = readFileSync(path.join(__dirname, "testdata", "recentchange.sse"), "utf8")
    .replaceAll("{{alpha_server}}", alphaServer)
    .replaceAll("{{alpha_host}}", new URL(alphaServer).host);
  const blocks = text.split("\n\n").filter((block) => block.trim() !== "");
  const events = blocks.filter((block) => block.startsWith("event:"));
  const idOf = (block: string) => /^id: (.*)$/m.exec(block)![1]!;
  const connections: Array<{ lastEventId: string | null; userAgent: string | undefined }> = [];
  const server: Server = createServer((req, res) => {
    const lastEventId = (req.headers["last-event-id"] as string | undefined) ?? null;
    connections.push({ lastEventId, userAgent: req.headers["user-agent"] });
    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
    res.write("retry: 50\n\n:ok\n\n");
    if (lastEventId === null) {
      res.end(`${events.slice(0, 2).join("\n\n")}\n\n`);
      return;
    }
    const after = events.findIndex((block) => idOf(block) === lastEventId) + 1;
    res.write(`${events.slice(after).join("\n\n")}\n\n`);
  });
  return { server, connections, idOf, events };
}

let linkId: string;
let stream: ReturnType<typeof replayServer>;
let streamUrl: string;

beforeAll(async () => {
  await useTestDatabase(import.meta.url);
  const wiki = fixtureWiki("alpha");
  const userId = await newUser("stream@example.org");
  const network = countingNetwork();
  linkId = await linkWithBotPassword(
    userId,
    wiki.apiUrl,
    "Alice@watchdeck",
    botPassword(wiki, "Alice@watchdeck"),
    network,
  );
  // The first poll reads the watched titles (list=watchlistraw) the stream is matched against.
  expect(await syncLink(linkId, deps(network))).toMatchObject({ status: "synced" });
  stream = replayServer(wiki.baseUrl);
  await new Promise<void>((resolve) => stream.server.listen(0, "127.0.0.1", resolve));
  streamUrl = `http://127.0.0.1:${(stream.server.address() as AddressInfo).port}/v2/stream/recentchange`;
});

afterAll(async () => {
  stream.server.closeAllConnections();
  await new Promise((resolve) => stream.server.close(resolve));
});

describe("the EventStreams trigger", () => {
  it("triggers the polls of the links watching a changed page, and resumes after the last event it saw", async () => {
    const triggered: string[][] = [];
    const live = await startRecentChangeStream({
      url: streamUrl,
      userAgent: "Watchdeck-tests/1 (https://example.org/watchdeck)",
      minTriggerIntervalMs: 0,
      trigger: async (ids) => {
        triggered.push([...ids]);
      },
      onError: () => {},
    });
    try {
      // Event 2 (Alice Own Page on alpha) and 6 (its talk page); not enwiki's page of the same name, Wikidata,
      // the canary, nor a page nobody watches.
      await expect.poll(() => triggered, { timeout: 10_000 }).toEqual([[linkId], [linkId]]);
      const secondEventId = stream.idOf(stream.events[1]!);
      expect(stream.connections.map((c) => c.lastEventId)).toEqual([null, secondEventId]);
      expect(stream.connections[0]!.userAgent).toBe("Watchdeck-tests/1 (https://example.org/watchdeck)");
      expect(live.lastEventId()).toBe(stream.idOf(stream.events.at(-1)!));
    } finally {
      live.close();
    }
  });

  it("makes the link's poll due now, through its one sync job", async () => {
    await query(`DELETE FROM graphile_worker.jobs WHERE key = $1`, [`sync-link:${linkId}`]).catch(() => undefined);
    stream.connections.length = 0;
    const live = await startRecentChangeStream({ url: streamUrl, userAgent: "Watchdeck-tests/1", onError: () => {} });
    try {
      await expect
        .poll(
          async () =>
            (
              await query<{ due: boolean }>(`SELECT run_at <= now() AS due FROM graphile_worker.jobs WHERE key = $1`, [
                `sync-link:${linkId}`,
              ])
            )[0]?.due ?? false,
          { timeout: 10_000 },
        )
        .toBe(true);
      await expect.poll(() => stream.connections.length, { timeout: 10_000 }).toBe(2);
      const [jobs] = await query<{ n: string }>(`SELECT count(*) AS n FROM graphile_worker.jobs WHERE key = $1`, [
        `sync-link:${linkId}`,
      ]);
      expect(jobs!.n).toBe("1");
    } finally {
      live.close();
    }
  });
});
