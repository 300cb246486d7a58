"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { createFeedAction, type FeedFormState } from "./actions";
import { CreateFeedForm } from "./CreateFeedForm";
import type { FilterChoice } from "./FeedFields";
import { FeedRow, type FeedRowView } from "./FeedRow";

/** The user's feeds and the form for a new one: one state, so a new feed's addresses show on its own card. */
export function FeedsPanel({ feeds, choices }: { feeds: FeedRowView[]; choices: FilterChoice[] }) {
  const [state, create, pending] = useActionState<FeedFormState, FormData>(createFeedAction, { ok: false });
  const t = useTranslations("feeds");
  return (
    <>
      <section aria-labelledby="feeds-heading">
        <h2 id="feeds-heading">{t("yours")}</h2>
        {feeds.length === 0 ? (
          <p>{t("none")}</p>
        ) : (
          <ul className="link-list" aria-label={t("listLabel")}>
            {feeds.map((feed) => (
              <FeedRow key={feed.id} feed={feed} fresh={state.feedId === feed.id ? state.urls : undefined} />
            ))}
          </ul>
        )}
      </section>
      <section className="card">
        <CreateFeedForm choices={choices} action={create} state={state} pending={pending} />
      </section>
    </>
  );
}
