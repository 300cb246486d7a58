"use client";

import { useActionState } from "react";
import { FormMessage } from "../wikis/FormMessage";
import { createFeedAction, type FeedFormState } from "./actions";
import { FeedUrlsOnce } from "./FeedUrlsOnce";

export interface FilterChoice {
  label: string;
  query: string;
}

export function CreateFeedForm({ choices }: { choices: FilterChoice[] }) {
  const [state, formAction, pending] = useActionState<FeedFormState, FormData>(createFeedAction, { ok: false });
  return (
    <form className="form" action={formAction} aria-labelledby="create-feed-heading">
      <h2 id="create-feed-heading">New feed address</h2>
      <FormMessage ok={state.ok} message={state.message} />
      {state.urls && <FeedUrlsOnce urls={state.urls} />}
      <div className="field">
        <label htmlFor="feed-name">Feed name</label>
        <input id="feed-name" name="name" required maxLength={80} />
      </div>
      <div className="field">
        <label htmlFor="feed-filters">Changes in the feed</label>
        <select id="feed-filters" name="filters">
          {choices.map((choice) => (
            <option key={choice.query} value={choice.query}>
              {choice.label}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" disabled={pending}>
        Create feed address
      </button>
    </form>
  );
}
