import { prisma } from "@/lib/db/postgres";
import { type TimelineFilters, timelineFiltersToSearchParams } from "../timelineFilters";
import type { TimelinePresetView } from "./timelinePreset";

/** Saves the filters under a name; saving again under the same name replaces them. */
export function saveTimelinePreset(
  userId: string,
  name: string,
  filters: TimelineFilters,
): Promise<TimelinePresetView> {
  const filterQuery = timelineFiltersToSearchParams(filters).toString();
  return prisma().timelinePreset.upsert({
    where: { userId_name: { userId, name } },
    create: { userId, name, filterQuery },
    update: { filterQuery },
    select: { id: true, name: true, filterQuery: true },
  });
}
