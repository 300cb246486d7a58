"use client";

import { useActionState } from "react";
import { FeedUrlsOnce } from "../../../feeds/FeedUrlsOnce";
import { FormMessage } from "../../../wikis/FormMessage";
import { createTeamFeedAction, type TeamSettingsState } from "../actions";

export function TeamFeedForm({ teamId, choices }: { teamId: string; choices: { label: string; query: string }[] }) {
  const [state, formAction, pending] = useActionState<TeamSettingsState, FormData>(createTeamFeedAction.bind(null, teamId), { ok: false });
  return (
    <form className="form" action={formAction} aria-label="New team feed address">
      <FormMessage ok={state.ok} message={state.message} />
      {state.feedUrls && <FeedUrlsOnce urls={state.feedUrls} />}
      <div className="field">
        <label htmlFor="team-feed-name">Feed name</label>
        <input id="team-feed-name" name="name" required maxLength={80} />
      </div>
      <div className="field">
        <label htmlFor="team-feed-filters">Changes in the feed</label>
        <select id="team-feed-filters" name="filters">
          {choices.map((choice) => (
            <option key={choice.query} value={choice.query}>
              {choice.label}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" disabled={pending}>
        Create team feed address
      </button>
    </form>
  );
}
