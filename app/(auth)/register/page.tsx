import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/currentUser";
import { safeRedirectPath, withNext } from "@/lib/auth/safeRedirectPath";
import { RegisterForm } from "./RegisterForm";

export const metadata: Metadata = { title: "Create account" };

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
