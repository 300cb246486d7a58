import {
  type FeedFilterChoice,
  type FilterSetKind,
  feedFilterChoices,
  feedFilterKind,
  feedFilterLabel,
} from "@/lib/feeds/feedFilterChoices";
import { listTeamsForUser } from "@/lib/teams/teams";
import { listTimelinePresets } from "@/lib/timeline/presets/listTimelinePresets";
import { describeRhythm } from "./alertRhythm";
import { type AlertView, listAlerts } from "./alerts";

/** The alerts page: each alert with what it watches and when it sends, in words. */
export interface AlertsScreen {
  alerts: (AlertView & { filtersLabel: string; filters: FilterSetKind; rhythmLabel: string })[];
}

export async function loadAlertsScreen(userId: string): Promise<AlertsScreen> {
  const [alerts, presets] = await Promise.all([listAlerts(userId), listTimelinePresets(userId)]);
  return {
    alerts: alerts.map((alert) => ({
      ...alert,
      filtersLabel: feedFilterLabel(alert.filterQuery, presets),
      filters: feedFilterKind(alert.filterQuery, presets),
      rhythmLabel: describeRhythm(alert.rhythm),
    })),
  };
}

/** The new-alert form: the filters it can watch (the view the user came from first) and the user's teams. */
export interface NewAlertScreen {
  choices: FeedFilterChoice[];
  teams: { id: string; name: string }[];
}

export async function loadNewAlertScreen(userId: string, fromView?: string): Promise<NewAlertScreen> {
  const [presets, teams] = await Promise.all([listTimelinePresets(userId), listTeamsForUser(userId)]);
  return {
    choices: feedFilterChoices({ fromView, presets }),
    teams: teams.map((t) => ({ id: t.id, name: t.name })),
  };
}
