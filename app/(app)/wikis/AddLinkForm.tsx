"use client";

import { useActionState, useState } from "react";
import { LINK_COLOR_NAMES, LINK_COLORS } from "@/lib/links/linkColors";
import { addLinkAction, type LinkFormState } from "./actions";
import { FormMessage } from "./FormMessage";

export function AddLinkForm() {
  const [state, formAction, pending] = useActionState<LinkFormState, FormData>(addLinkAction, { ok: false });
  const [authMode, setAuthMode] = useState(state.values?.authMode ?? "bot_password");
  const isBot = authMode === "bot_password";
  const v = state.values ?? {};

  return (
    <form className="form" action={formAction} key={state.ok ? "reset" : "keep"} aria-labelledby="add-link-heading">
      <h2 id="add-link-heading">Link a wiki</h2>
      <FormMessage ok={state.ok} message={state.message} />
      <div className="field">
        <label htmlFor="link-wikiUrl">Wiki address</label>
        <input
          id="link-wikiUrl"
          name="wikiUrl"
          type="url"
          required
          defaultValue={v.wikiUrl}
          aria-describedby="link-wikiUrl-hint"
          aria-invalid={state.field === "wikiUrl"}
        />
        <span id="link-wikiUrl-hint" className="hint">
          The wiki&apos;s api.php, any page of the wiki, or a watchlist feed address copied from it.
        </span>
      </div>
      <fieldset className="field">
        <legend>Sign in with</legend>
        <label>
          <input
            type="radio"
            name="authMode"
            value="bot_password"
            checked={isBot}
            onChange={() => setAuthMode("bot_password")}
          />{" "}
          A bot password (read, watch, mark read)
        </label>
        <label>
          <input
            type="radio"
            name="authMode"
            value="watchlist_token"
            checked={!isBot}
            onChange={() => setAuthMode("watchlist_token")}
          />{" "}
          A watchlist token (read only)
        </label>
      </fieldset>
      {!isBot && (
        <div className="field">
          <label htmlFor="link-source">Read the watchlist through</label>
          <select id="link-source" name="source" defaultValue={v.source || "api"}>
            <option value="api">API (list=watchlist)</option>
            <option value="feed">Feed (feedwatchlist)</option>
          </select>
        </div>
      )}
      <div className="field">
        <label htmlFor="link-username">{isBot ? "Bot user name" : "Wiki user name"}</label>
        <input
          id="link-username"
          name="username"
          type="text"
          autoComplete="off"
          defaultValue={v.username}
          aria-describedby="link-username-hint"
          aria-invalid={state.field === "username"}
        />
        <span id="link-username-hint" className="hint">
          {isBot ? "As shown on Special:BotPasswords, like Alice@watchdeck." : "The account whose watchlist this is."}
        </span>
      </div>
      <div className="field">
        <label htmlFor="link-secret">{isBot ? "Bot password" : "Watchlist token"}</label>
        <input
          id="link-secret"
          name="secret"
          type="password"
          autoComplete="off"
          aria-describedby="link-secret-hint"
          aria-invalid={state.field === "secret"}
        />
        <span id="link-secret-hint" className="hint">
          {isBot
            ? 'Create one at Special:BotPasswords with the grants "Basic rights", "View your watchlist" and, to watch and mark read, "Edit your watchlist".'
            : "Find it on Special:Preferences, Watchlist tab. Left empty when it is in the pasted feed address."}
        </span>
      </div>
      <div className="field">
        <label htmlFor="link-displayName">Display name (optional)</label>
        <input id="link-displayName" name="displayName" type="text" maxLength={80} defaultValue={v.displayName} />
      </div>
      <div className="field">
        <label htmlFor="link-color">Colour</label>
        <select id="link-color" name="color" defaultValue={v.color ?? ""}>
          <option value="">A colour none of your wikis has</option>
          {LINK_COLORS.map((c) => (
            <option key={c} value={c}>
              {LINK_COLOR_NAMES[c]}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" disabled={pending}>
        {pending ? "Checking the wiki…" : "Link wiki"}
      </button>
    </form>
  );
}
