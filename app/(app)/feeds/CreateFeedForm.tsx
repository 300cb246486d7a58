"use client";

import { useActionState } from "react";
import { FormMessage } from "../wikis/FormMessage";
import { createFeedAction, type FeedFormState } from "./actions";
import { FeedFields, type FilterChoice } from "./FeedFields";
import { FeedUrlsOnce } from "./FeedUrlsOnce";

export function CreateFeedForm({ choices }: { choices: FilterChoice[] }) {
  const [state, formAction, pending] = useActionState<FeedFormState, FormData>(createFeedAction, { ok: false });
  return (
    <form className="form" action={formAction} aria-labelledby="create-feed-heading">
      <h2 id="create-feed-heading">New feed address</h2>
      <FormMessage ok={state.ok} message={state.message} />
      {state.urls && <FeedUrlsOnce urls={state.urls} />}
      <FeedFields idPrefix="feed" choices={choices} />
      <button type="submit" disabled={pending}>
        Create feed address
      </button>
    </form>
  );
}
