"use client";

import type { TimelineRowView } from "@/lib/timeline/timelineRowView";
import { RowActions } from "../watching/RowActions";

/**
 * The actions of one timeline row (watch, unwatch, mark read — issue 6). The
 * row gives `row.ownLinkIds` (the viewer's links watching the page), the site,
 * title and revision/log ids.
 */
export function TimelineRowActions({ row }: { row: TimelineRowView }) {
  return <RowActions row={row} />;
}
