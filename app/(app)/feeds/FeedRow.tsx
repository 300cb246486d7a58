"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef } from "react";
import { FormMessage } from "../wikis/FormMessage";
import { type FeedFormState, regenerateFeedAction, revokeFeedAction } from "./actions";
import { FeedUrlsOnce } from "./FeedUrlsOnce";
import { RevokeFeedButton } from "./RevokeFeedButton";

export interface FeedRowView {
  id: string;
  name: string;
  filtersLabel: string;
  lastUsed: string;
}

/** One feed's card; `fresh` holds its addresses when it was made just now, the one time they can be shown. */
export function FeedRow({ feed, fresh }: { feed: FeedRowView; fresh?: { rss: string; atom: string } }) {
  const [state, regenerate, pending] = useActionState<FeedFormState>(regenerateFeedAction.bind(null, feed.id), {
    ok: false,
  });
  const card = useRef<HTMLLIElement>(null);
  const t = useTranslations("feeds");
  useEffect(() => {
    if (fresh) card.current?.scrollIntoView({ block: "nearest" });
  }, [fresh]);
  // A new address from "New address" replaces the one the feed was created with.
  const urls = state.urls ?? fresh;
  return (
    <li className="card" aria-label={feed.name} ref={card}>
      <h3>{feed.name}</h3>
      <p className="hint">{t("facts", { filters: feed.filtersLabel, used: feed.lastUsed })}</p>
      <FormMessage ok={state.ok} message={state.message} />
      {urls && <FeedUrlsOnce urls={urls} />}
      <div className="actions-row">
        <form action={regenerate}>
          <button
            type="submit"
            className="secondary"
            disabled={pending}
            aria-label={t("newAddressFor", { name: feed.name })}
          >
            {t("newAddress")}
          </button>
        </form>
        <RevokeFeedButton feedName={feed.name} revoke={revokeFeedAction.bind(null, feed.id)} />
      </div>
    </li>
  );
}
