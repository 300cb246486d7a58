"use client";

import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef } from "react";
import { type RegisterState, registerAction } from "./actions";

const MIN_PASSWORD = 10;

/** `next`: where to go once the account exists, already checked to be a path on this site. */
export function RegisterForm({ next }: { next: string }) {
  const t = useTranslations("auth");
  const router = useRouter();
  // React resets the form once the action finishes, so keep what was typed for the sign-in that follows.
  const submitted = useRef<{ email: string; password: string } | null>(null);
  const [state, formAction, pending] = useActionState<RegisterState, FormData>(registerAction, { ok: false });

  useEffect(() => {
    if (!state.ok || !submitted.current) return;
    void signIn("credentials", { ...submitted.current, redirect: false }).then(() => {
      router.replace(next);
      router.refresh();
    });
  }, [state.ok, router, next]);

  const errorFor = (field: string) => (state.field === field ? state.message : undefined);
  const generalError = state.message && !state.field ? state.message : undefined;

  return (
    <form
      className="form"
      action={formAction}
      noValidate
      onSubmit={(event) => {
        const form = new FormData(event.currentTarget);
        submitted.current = { email: String(form.get("email") ?? ""), password: String(form.get("password") ?? "") };
      }}
    >
      {generalError && (
        <p className="error" role="alert">
          {generalError}
        </p>
      )}
      <div className="field">
        <label htmlFor="register-email">{t("email")}</label>
        <input
          id="register-email"
          name="email"
          type="email"
          autoComplete="email"
          required
          defaultValue={state.values?.email}
          aria-invalid={!!errorFor("email")}
          aria-describedby="register-email-error"
        />
        {errorFor("email") && (
          <p id="register-email-error" className="field-error" role="alert">
            {errorFor("email")}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor="register-name">{t("displayName")}</label>
        <input
          id="register-name"
          name="name"
          type="text"
          autoComplete="name"
          maxLength={100}
          defaultValue={state.values?.name}
          aria-invalid={!!errorFor("name")}
          aria-describedby="register-name-error"
        />
        {errorFor("name") && (
          <p id="register-name-error" className="field-error" role="alert">
            {errorFor("name")}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor="register-password">{t("password")}</label>
        <input
          id="register-password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={MIN_PASSWORD}
          aria-invalid={!!errorFor("password")}
          aria-describedby="register-password-hint register-password-error"
        />
        <span id="register-password-hint" className="hint">
          {t("passwordHint", { min: MIN_PASSWORD })}
        </span>
        {errorFor("password") && (
          <p id="register-password-error" className="field-error" role="alert">
            {errorFor("password")}
          </p>
        )}
      </div>
      <button type="submit" disabled={pending || state.ok}>
        {pending || state.ok ? t("creatingAccount") : t("createAccount")}
      </button>
    </form>
  );
}
