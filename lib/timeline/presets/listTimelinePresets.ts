import { prisma } from "@/lib/db/postgres";
import type { TimelinePresetView } from "./timelinePreset";

export function listTimelinePresets(userId: string): Promise<TimelinePresetView[]> {
  return prisma().timelinePreset.findMany({
    where: { userId },
    select: { id: true, name: true, filterQuery: true },
    orderBy: { name: "asc" },
  });
}

/** One of the user's presets, or null (also when it is someone else's). */
export function findTimelinePreset(userId: string, presetId: string): Promise<TimelinePresetView | null> {
  return prisma().timelinePreset.findFirst({
    where: { id: presetId, userId },
    select: { id: true, name: true, filterQuery: true },
  });
}
