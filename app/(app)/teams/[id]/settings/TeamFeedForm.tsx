"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FeedFields, type FilterChoice } from "../../../feeds/FeedFields";
import { FeedUrlsOnce } from "../../../feeds/FeedUrlsOnce";
import { FormMessage } from "../../../wikis/FormMessage";
import { createTeamFeedAction, type TeamSettingsState } from "../actions";

export function TeamFeedForm({ teamId, choices }: { teamId: string; choices: FilterChoice[] }) {
  const [state, formAction, pending] = useActionState<TeamSettingsState, FormData>(
    createTeamFeedAction.bind(null, teamId),
    { ok: false },
  );
  const t = useTranslations("teams.settings");
  return (
    <form className="form" action={formAction} aria-label={t("feedFormLabel")}>
      <FormMessage ok={state.ok} message={state.message} />
      {state.feedUrls && <FeedUrlsOnce urls={state.feedUrls} />}
      <FeedFields idPrefix="team-feed" choices={choices} />
      <button type="submit" disabled={pending}>
        {t("createFeed")}
      </button>
    </form>
  );
}
