import type { Task } from "graphile-worker";
import { z } from "zod";
import { syncLink } from "@/lib/sync/syncLink";

const payloadSchema = z.object({ linkId: z.uuid() });

/**
 * Runs one sync. Failures of the wiki are recorded by syncLink and end the job
 * normally (the next run is already queued); only our own failures (database
 * down) throw, so graphile-worker retries them.
 */
export const syncLinkTask: Task = async (payload, helpers) => {
  const parsed = payloadSchema.safeParse(payload);
  if (!parsed.success) {
    helpers.logger.error(`sync_link: dropped a job with a bad payload (${parsed.error.issues[0]?.message ?? "?"})`);
    return;
  }
  const outcome = await syncLink(parsed.data.linkId);
  if (outcome.status === "failed") {
    helpers.logger.info(
      `sync_link ${parsed.data.linkId}: ${outcome.failure.kind}/${outcome.failure.code}${outcome.paused ? " (paused)" : ""}`,
    );
  } else if (outcome.status === "synced") {
    helpers.logger.debug(
      `sync_link ${parsed.data.linkId}: ${outcome.fetched} fetched, ${outcome.newForLink} new, ${outcome.requests} requests`,
    );
  }
};
