"use client";

import { useActionState } from "react";
import type { AccountWikiOffer } from "@/lib/links/accountWikis";
import { type AccountWikisFormState, linkAccountWikisAction } from "./actions";

function watchlistNote(offer: AccountWikiOffer): string {
  if (offer.problem) return offer.problem;
  if (offer.hasWatchlistChanges === null) return "watchlist not checked";
  return offer.hasWatchlistChanges ? "watchlist has changes" : "no changes on the watchlist";
}

/** The global account's other wikis, offered as checkboxes after a bot-password link. */
export function AccountWikisOffer({ sourceLinkId, wikis }: { sourceLinkId: string; wikis: AccountWikiOffer[] }) {
  const [state, formAction, pending] = useActionState<AccountWikisFormState, FormData>(
    linkAccountWikisAction.bind(null, sourceLinkId),
    {},
  );
  const outcome = new Map(state.rows?.map((row) => [row.url, row]));
  return (
    <form className="form account-wikis" action={formAction} aria-labelledby="account-wikis-heading">
      <h2 id="account-wikis-heading">Your other wikis</h2>
      <p className="hint">
        Your global account is attached to these wikis too. A bot password of a global account works on all of them, so
        the ticked ones are linked with the same one.
      </p>
      {state.message && (
        <p className={state.rows?.every((row) => row.ok) ? "notice" : "error"} role="status">
          {state.message}
        </p>
      )}
      <fieldset className="field">
        <legend>Wikis to link</legend>
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
                  {offer.wikiId} · {offer.editCount} {offer.editCount === 1 ? "edit" : "edits"} · {watchlistNote(offer)}
                </span>
                {done && (
                  <p className={done.ok ? "notice" : "error"}>
                    {offer.siteName}: {done.message}
                  </p>
                )}
              </li>
            );
          })}
        </ul>
      </fieldset>
      <button type="submit" disabled={pending}>
        {pending ? "Linking…" : "Link the ticked wikis"}
      </button>
    </form>
  );
}
