import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/currentUser";
import { safeRedirectPath, withNext } from "@/lib/auth/safeRedirectPath";
import { RegisterForm } from "./RegisterForm";

// `next` may hold an invitation link, secret included: no page we link to should see it as the referrer.
export const metadata: Metadata = { title: "Create account", referrer: "no-referrer" };

export default async function RegisterPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const { next: raw } = await searchParams;
  const next = safeRedirectPath(typeof raw === "string" ? raw : null);
  if (await currentUser()) redirect(next);
  return (
    <main>
      <section className="card auth-card" aria-labelledby="register-heading">
        <h1 id="register-heading">Create your Watchdeck account</h1>
        <RegisterForm next={next} />
        <p>
          Already have an account? <Link href={withNext("/signin", next)}>Sign in</Link>
        </p>
      </section>
    </main>
  );
}
