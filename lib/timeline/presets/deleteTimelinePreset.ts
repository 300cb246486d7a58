import { prisma } from "@/lib/db/postgres";

/** Deletes one of the user's presets; false when there was no such preset of theirs. */
export async function deleteTimelinePreset(userId: string, presetId: string): Promise<boolean> {
  const { count } = await prisma().timelinePreset.deleteMany({ where: { id: presetId, userId } });
  return count > 0;
}
