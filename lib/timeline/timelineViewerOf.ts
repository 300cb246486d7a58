import type { AccountUser } from "@/lib/accounts/users";
import type { TimelineViewer } from "./loadTimelineView";
import { usableTimeZone } from "./timeText";

/**
 * The signed-in user as a timeline viewer: their id, the zone their times and date filters are in (UTC until they
 * choose one) and the interface language the request negotiated. The language is required: a viewer built without
 * it words day headings and log lines in English on a Spanish page.
 */
export function timelineViewerOf(user: Pick<AccountUser, "id" | "timeZone">, locale: string): TimelineViewer {
  return { userId: user.id, timeZone: usableTimeZone(user.timeZone), locale };
}
