import { syncSettings, type SyncSettings } from "./settings";
import { pruneChangesBefore } from "./store/pruneChanges";

/** Applies the retention setting (WATCHDECK_RETENTION_DAYS); keeps everything when it is unset. */
export async function pruneOldChanges(settings: SyncSettings = syncSettings(), now = new Date()): Promise<number> {
  if (settings.retentionDays === null) return 0;
  return pruneChangesBefore(new Date(now.getTime() - settings.retentionDays * 86_400_000));
}
