import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/currentUser";
import { safeRedirectPath, withNext } from "@/lib/auth/safeRedirectPath";
import { SignInForm } from "./SignInForm";

// `next` may hold an invitation link, secret included: no page we link to should see it as the referrer.
export const metadata: Metadata = { title: "Sign in", referrer: "no-referrer" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const { next: raw } = await searchParams;
  const next = safeRedirectPath(typeof raw === "string" ? raw : null);
  if (await currentUser()) redirect(next);
  return (
    <main>
      <section className="card auth-card" aria-labelledby="signin-heading">
        <h1 id="signin-heading">Sign in to Watchdeck</h1>
        <SignInForm next={next} />
        <p>
          No account yet? <Link href={withNext("/register", next)}>Create one</Link>
        </p>
      </section>
    </main>
  );
}
