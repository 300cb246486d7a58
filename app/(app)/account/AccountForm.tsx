"use client";

import { type ReactNode, useActionState } from "react";
import { FormMessage } from "../wikis/FormMessage";
import type { AccountFormState } from "./actions";

/** One form of the account page: its heading names it, its message says how the change went. */
export function AccountForm({
  id,
  heading,
  action,
  submit,
  children,
}: {
  id: string;
  heading: string;
  action: (previous: AccountFormState, form: FormData) => Promise<AccountFormState>;
  submit: string;
  children: ReactNode;
}) {
  const [state, formAction, pending] = useActionState<AccountFormState, FormData>(action, { ok: false });
  return (
    <section className="card" aria-labelledby={`${id}-heading`}>
      <form className="form" action={formAction} aria-labelledby={`${id}-heading`}>
        <h2 id={`${id}-heading`}>{heading}</h2>
        <FormMessage ok={state.ok} message={state.message} />
        {children}
        <button type="submit" disabled={pending}>
          {submit}
        </button>
      </form>
    </section>
  );
}
