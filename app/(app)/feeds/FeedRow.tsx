"use client";

import { useActionState } from "react";
import { FormMessage } from "../wikis/FormMessage";
import { regenerateFeedAction, revokeFeedAction, type FeedFormState } from "./actions";
import { FeedUrlsOnce } from "./FeedUrlsOnce";

export interface FeedRowView {
  id: string;
  name: string;
  filtersLabel: string;
  lastUsed: string;
}

export function FeedRow({ feed }: { feed: FeedRowView }) {
  const [state, regenerate, pending] = useActionState<FeedFormState>(regenerateFeedAction.bind(null, feed.id), { ok: false });
  return (
    <li className="card" aria-label={feed.name}>
      <h3>{feed.name}</h3>
      <p className="hint">
        {feed.filtersLabel} · {feed.lastUsed}
      </p>
      <FormMessage ok={state.ok} message={state.message} />
      {state.urls && <FeedUrlsOnce urls={state.urls} />}
      <div className="actions-row">
        <form action={regenerate}>
          <button type="submit" className="secondary" disabled={pending} aria-label={`New address for ${feed.name}`}>
            New address
          </button>
        </form>
        <form action={revokeFeedAction.bind(null, feed.id)}>
          <button type="submit" className="secondary" aria-label={`Revoke ${feed.name}`}>
            Revoke
          </button>
        </form>
      </div>
    </li>
  );
}
