"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { editLinkAction, type LinkFormState } from "../actions";
import { FormMessage } from "../FormMessage";

interface EditableLink {
  id: string;
  displayName: string;
  color: string;
  loginName: string;
  authMode: "bot_password" | "watchlist_token";
  hasSecret: boolean;
}

export function EditLinkForm({ link }: { link: EditableLink }) {
  const [state, formAction, pending] = useActionState<LinkFormState, FormData>(editLinkAction.bind(null, link.id), {
    ok: false,
  });
  const typed = state.values ?? {};
  const t = useTranslations("wikis");
  const bot = link.authMode === "bot_password";
  return (
    <form className="form" action={formAction} aria-label={t("edit.formLabel")}>
      <FormMessage ok={state.ok} message={state.message} />
      <div className="field">
        <label htmlFor="edit-displayName">{t("edit.displayName")}</label>
        <input
          id="edit-displayName"
          name="displayName"
          required
          maxLength={80}
          defaultValue={typed.displayName ?? link.displayName}
        />
      </div>
      <div className="field">
        <label htmlFor="edit-color">{t("edit.color")}</label>
        <input id="edit-color" name="color" type="color" defaultValue={typed.color ?? link.color} />
      </div>
      <div className="field">
        <label htmlFor="edit-username">{bot ? t("add.botUser") : t("add.wikiUser")}</label>
        <input id="edit-username" name="username" autoComplete="off" defaultValue={typed.username ?? link.loginName} />
      </div>
      <div className="field">
        <label htmlFor="edit-secret">{bot ? t("add.botSecret") : t("add.tokenSecret")}</label>
        <input
          id="edit-secret"
          name="secret"
          type="password"
          autoComplete="off"
          placeholder={link.hasSecret ? t("edit.secretSet") : ""}
          aria-describedby="edit-secret-hint"
        />
        <span id="edit-secret-hint" className="hint">
          {link.hasSecret ? t("edit.secretStored", { mode: link.authMode }) : t("edit.noneStored")}
        </span>
      </div>
      <button type="submit" disabled={pending}>
        {pending ? t("edit.saving") : t("edit.save")}
      </button>
    </form>
  );
}
