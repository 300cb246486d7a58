/**
 * Whose changes a timeline shows. The query turns a scope into the set of wiki
 * links whose watchlists it merges; everything else (filters, paging, rows) is
 * the same for every scope.
 *
 * - user: every link of one user (the personal timeline, personal feeds).
 * - team: the links members shared with the team, seen by one member
 *   (`memberUserId`: whose "my own edits" and whose row actions). Arrives with
 *   the team issue; see scopeSql.ts for where it plugs in.
 */
export type TimelineScope = { kind: "user"; userId: string } | { kind: "team"; teamId: string; memberUserId: string };

/** The Watchdeck user acting in this scope: their wiki accounts are "mine". */
export function scopeViewer(scope: TimelineScope): string {
  return scope.kind === "user" ? scope.userId : scope.memberUserId;
}
