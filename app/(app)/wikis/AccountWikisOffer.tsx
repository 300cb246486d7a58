"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import type { AccountWikiOffer } from "@/lib/links/accountWikis";
import { type AccountWikisFormState, linkAccountWikisAction } from "./actions";

type T = ReturnType<typeof useTranslations<"wikis.offer">>;

function watchlistNote(t: T, offer: AccountWikiOffer): string {
  if (offer.problem) return offer.problem;
  if (offer.hasWatchlistChanges === null) return t("notChecked");
  return offer.hasWatchlistChanges ? t("hasChanges") : t("noChanges");
}

/** The global account's other wikis, offered as checkboxes after a bot-password link. */
export function AccountWikisOffer({ sourceLinkId, wikis }: { sourceLinkId: string; wikis: AccountWikiOffer[] }) {
  const [state, formAction, pending] = useActionState<AccountWikisFormState, FormData>(
    linkAccountWikisAction.bind(null, sourceLinkId),
    {},
  );
  const t = useTranslations("wikis.offer");
  const outcome = new Map(state.rows?.map((row) => [row.url, row]));
  return (
    <form className="form account-wikis" action={formAction} aria-labelledby="account-wikis-heading">
      <h2 id="account-wikis-heading">{t("heading")}</h2>
      <p className="hint">{t("hint")}</p>
      {state.message && (
        <p className={state.rows?.every((row) => row.ok) ? "notice" : "error"} role="status">
          {state.message}
        </p>
      )}
      <fieldset className="field">
        <legend>{t("legend")}</legend>
        <ul className="account-wiki-list">
          {wikis.map((offer) => {
            const done = outcome.get(offer.url);
            const id = `account-wiki-${offer.wikiId}`;
            return (
              <li key={offer.url}>
                <input
                  id={id}
                  type="checkbox"
                  name="wiki"
                  value={offer.url}
                  disabled={done?.ok}
                  aria-describedby={`${id}-facts`}
                />{" "}
                <label htmlFor={id}>{offer.siteName}</label>{" "}
                <span id={`${id}-facts`} className="hint">
                  {t("facts", { wiki: offer.wikiId, edits: offer.editCount, note: watchlistNote(t, offer) })}
                </span>
                {done && (
                  <p className={done.ok ? "notice" : "error"}>
                    {t("outcome", { site: offer.siteName, message: done.message })}
                  </p>
                )}
              </li>
            );
          })}
        </ul>
      </fieldset>
      <button type="submit" disabled={pending}>
        {pending ? t("linking") : t("submit")}
      </button>
    </form>
  );
}
