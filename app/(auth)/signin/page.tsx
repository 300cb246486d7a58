import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/currentUser";
import { SignInForm } from "./SignInForm";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage() {
  if (await currentUser()) redirect("/");
  return (
    <main>
      <section className="card auth-card" aria-labelledby="signin-heading">
        <h1 id="signin-heading">Sign in to Watchdeck</h1>
        <SignInForm />
        <p>
          No account yet? <Link href="/register">Create one</Link>
        </p>
      </section>
    </main>
  );
}
