"use client";

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
  const secretLabel = link.authMode === "bot_password" ? "Bot password" : "Watchlist token";
  return (
    <form className="form" action={formAction} aria-label="Edit link">
      <FormMessage ok={state.ok} message={state.message} />
      <div className="field">
        <label htmlFor="edit-displayName">Display name</label>
        <input
          id="edit-displayName"
          name="displayName"
          required
          maxLength={80}
          defaultValue={typed.displayName ?? link.displayName}
        />
      </div>
      <div className="field">
        <label htmlFor="edit-color">Colour</label>
        <input id="edit-color" name="color" type="color" defaultValue={typed.color ?? link.color} />
      </div>
      <div className="field">
        <label htmlFor="edit-username">{link.authMode === "bot_password" ? "Bot user name" : "Wiki user name"}</label>
        <input id="edit-username" name="username" autoComplete="off" defaultValue={typed.username ?? link.loginName} />
      </div>
      <div className="field">
        <label htmlFor="edit-secret">{secretLabel}</label>
        <input
          id="edit-secret"
          name="secret"
          type="password"
          autoComplete="off"
          placeholder={link.hasSecret ? "Set — leave empty to keep it" : ""}
          aria-describedby="edit-secret-hint"
        />
        <span id="edit-secret-hint" className="hint">
          {link.hasSecret
            ? `A ${secretLabel.toLowerCase()} is stored (encrypted). Enter a new one only to replace it.`
            : "None stored."}
        </span>
      </div>
      <button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save"}
      </button>
    </form>
  );
}
