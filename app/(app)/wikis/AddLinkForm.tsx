"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { LINK_COLOR_NAMES, LINK_COLORS } from "@/lib/links/linkColors";
import { AccountWikisOffer } from "./AccountWikisOffer";
import { addLinkAction, type LinkFormState } from "./actions";
import { FormMessage } from "./FormMessage";

/** "Bluish green" → "bluishGreen": the catalogue's key of a palette colour. */
function colorKey(name: string): string {
  return name.toLowerCase().replace(/ (\w)/g, (_, letter: string) => letter.toUpperCase());
}

export function AddLinkForm() {
  const [state, formAction, pending] = useActionState<LinkFormState, FormData>(addLinkAction, { ok: false });
  const [authMode, setAuthMode] = useState(state.values?.authMode ?? "bot_password");
  const isBot = authMode === "bot_password";
  const v = state.values ?? {};
  const t = useTranslations("wikis.add");

  return (
    <>
      {state.ok && state.offer && (
        <AccountWikisOffer
          key={state.offer.sourceLinkId}
          sourceLinkId={state.offer.sourceLinkId}
          wikis={state.offer.wikis}
        />
      )}
      <form className="form" action={formAction} key={state.ok ? "reset" : "keep"} aria-labelledby="add-link-heading">
        <h2 id="add-link-heading">{t("heading")}</h2>
        <FormMessage ok={state.ok} message={state.message} />
        <div className="field">
          <label htmlFor="link-wikiUrl">{t("wikiUrl")}</label>
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
            {t("wikiUrlHint")}
          </span>
        </div>
        <fieldset className="field">
          <legend>{t("signInWith")}</legend>
          <label>
            <input
              type="radio"
              name="authMode"
              value="bot_password"
              checked={isBot}
              onChange={() => setAuthMode("bot_password")}
            />{" "}
            {t("botPassword")}
          </label>
          <label>
            <input
              type="radio"
              name="authMode"
              value="watchlist_token"
              checked={!isBot}
              onChange={() => setAuthMode("watchlist_token")}
            />{" "}
            {t("watchlistToken")}
          </label>
        </fieldset>
        {!isBot && (
          <div className="field">
            <label htmlFor="link-source">{t("readThrough")}</label>
            <select id="link-source" name="source" defaultValue={v.source || "api"}>
              <option value="api">{t("sourceApi")}</option>
              <option value="feed">{t("sourceFeed")}</option>
            </select>
          </div>
        )}
        <div className="field">
          <label htmlFor="link-username">{isBot ? t("botUser") : t("wikiUser")}</label>
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
            {isBot ? t("botUserHint") : t("wikiUserHint")}
          </span>
        </div>
        <div className="field">
          <label htmlFor="link-secret">{isBot ? t("botSecret") : t("tokenSecret")}</label>
          <input
            id="link-secret"
            name="secret"
            type="password"
            autoComplete="off"
            aria-describedby="link-secret-hint"
            aria-invalid={state.field === "secret"}
          />
          <span id="link-secret-hint" className="hint">
            {isBot ? t("botSecretHint") : t("tokenSecretHint")}
          </span>
        </div>
        <div className="field">
          <label htmlFor="link-displayName">{t("displayName")}</label>
          <input id="link-displayName" name="displayName" type="text" maxLength={80} defaultValue={v.displayName} />
        </div>
        <div className="field">
          <label htmlFor="link-color">{t("color")}</label>
          <select id="link-color" name="color" defaultValue={v.color ?? ""}>
            <option value="">{t("colorFree")}</option>
            {LINK_COLORS.map((c) => (
              <option key={c} value={c}>
                {t("colorName", { color: colorKey(LINK_COLOR_NAMES[c]) })}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" disabled={pending}>
          {pending ? t("checking") : t("submit")}
        </button>
      </form>
    </>
  );
}
