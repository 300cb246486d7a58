import { EventSource } from "eventsource";
import {
  loadWatchedTitleIndex,
  parseRecentChange,
  takeStreamLock,
  triggerPolls,
  type WatchedTitleIndex,
} from "@/lib/sync/recentChangeTriggers";

export interface RecentChangeStreamOptions {
  /** The stream, e.g. https://stream.wikimedia.org/v2/stream/recentchange (WATCHDECK_EVENTSTREAMS_URL). */
  url: string;
  userAgent: string;
  /** How often the watched titles are read again from the database. */
  indexRefreshMs?: number;
  /** A link is triggered at most once in this time, however busy its pages. */
  minTriggerIntervalMs?: number;
  /** Replaces making the polls due, for tests. */
  trigger?: (linkIds: readonly string[]) => Promise<void>;
  onError?: (message: string) => void;
}

export interface RecentChangeStream {
  /** The id of the last event seen; the connection resumes from it (Last-Event-ID) when it reconnects. */
  lastEventId(): string | null;
  close(): void;
}

/**
 * The instance's one EventStreams connection (off unless configured): each recent change on a page a link
 * watches makes that link's poll due now. EventSource reconnects by itself and sends Last-Event-ID, so a dropped
 * connection goes on after the last event it saw.
 */
export async function startRecentChangeStream(options: RecentChangeStreamOptions): Promise<RecentChangeStream> {
  const trigger = options.trigger ?? triggerPolls;
  const minInterval = options.minTriggerIntervalMs ?? 30_000;
  const report = options.onError ?? ((message) => console.warn(`[watchdeck] EventStreams: ${message}`));
  let index: WatchedTitleIndex = await loadWatchedTitleIndex();
  let lastEventId: string | null = null;
  const lastTriggered = new Map<string, number>();

  const refresh = setInterval(() => {
    loadWatchedTitleIndex().then(
      (fresh) => {
        index = fresh;
      },
      (error: unknown) => report(`could not read the watched titles: ${String(error)}`),
    );
  }, options.indexRefreshMs ?? 300_000);
  refresh.unref();

  const source = new EventSource(options.url, {
    fetch: (input, init) =>
      fetch(input, { ...init, headers: { ...(init?.headers ?? {}), "User-Agent": options.userAgent } }),
  });
  source.onmessage = (event) => {
    lastEventId = event.lastEventId || lastEventId;
    const change = parseRecentChange(event.data);
    if (change === null) return;
    const now = Date.now();
    const due = index.linksWatching(change).filter((linkId) => now - (lastTriggered.get(linkId) ?? 0) >= minInterval);
    if (due.length === 0) return;
    for (const linkId of due) lastTriggered.set(linkId, now);
    trigger(due).catch((error: unknown) => report(`could not trigger polls: ${String(error)}`));
  };
  source.onerror = (event) => {
    report(`connection lost (${event.message ?? "no message"}); reconnecting`);
  };

  return {
    lastEventId: () => lastEventId,
    close() {
      clearInterval(refresh);
      source.close();
    },
  };
}

/**
 * In a worker process: keeps the instance's one stream while this process holds the stream lock, trying for it
 * every `retryMs` otherwise. Returns the stop function.
 */
export function keepRecentChangeStream(options: RecentChangeStreamOptions, retryMs = 60_000): () => Promise<void> {
  let stopped = false;
  let held: { stream: RecentChangeStream; lock: { release(): Promise<void> } } | null = null;
  const attempt = async () => {
    if (stopped || held) return;
    const lock = await takeStreamLock();
    if (!lock) return;
    if (stopped) return lock.release();
    try {
      held = { stream: await startRecentChangeStream(options), lock };
      console.log(`[worker] following ${options.url} to trigger polls of changed watched pages`);
    } catch (error) {
      await lock.release();
      throw error;
    }
  };
  const report = (error: unknown) => console.warn(`[worker] EventStreams: ${String(error)}`);
  attempt().catch(report);
  const timer = setInterval(() => attempt().catch(report), retryMs);
  timer.unref();
  return async () => {
    stopped = true;
    clearInterval(timer);
    if (held) {
      held.stream.close();
      await held.lock.release();
      held = null;
    }
  };
}
