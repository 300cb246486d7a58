import { prisma } from "@/lib/db/postgres";
import { optionLinkSelect, timelineOptionsOf, type TimelineOptions } from "@/lib/timeline/getTimelineOptions";
import { findMembership } from "./membership";

/** The team filter form's wikis and namespaces: those of the links shared with the team (members only). */
export async function getTeamTimelineOptions(teamId: string, viewerUserId: string): Promise<TimelineOptions | null> {
  if ((await findMembership(teamId, viewerUserId)) === null) return null;
  const shares = await prisma().teamSharedLink.findMany({
    where: { teamId },
    select: { link: { select: optionLinkSelect } },
    orderBy: { sharedAt: "asc" },
  });
  return timelineOptionsOf(shares.map((s) => s.link));
}
