"use client";

import { useEffect, useState } from "react";
import type { WatchingLinkView } from "@/lib/watching/watchingLinks";
import { linkCapabilitiesAction } from "./actions";

// One request per page load, shared by every row.
let pending: Promise<WatchingLinkView[]> | null = null;

/** The user's links with the reason each cannot act, if any; null while loading. */
export function useWatchingLinks(): Map<string, WatchingLinkView> | null {
  const [links, setLinks] = useState<Map<string, WatchingLinkView> | null>(null);
  useEffect(() => {
    let live = true;
    pending ??= linkCapabilitiesAction().catch((error: unknown) => {
      pending = null;
      throw error;
    });
    pending
      .then((list) => live && setLinks(new Map(list.map((link) => [link.id, link]))))
      .catch(() => live && setLinks(new Map()));
    return () => {
      live = false;
    };
  }, []);
  return links;
}

/** Tells views holding their own copy of the rows (the timeline) that the watchlist changed. */
export function announceWatchlistChange(): void {
  window.dispatchEvent(new CustomEvent("watchdeck:watchlist-changed"));
}
