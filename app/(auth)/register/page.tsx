import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/currentUser";
import { RegisterForm } from "./RegisterForm";

export const metadata: Metadata = { title: "Create account" };

export default async function RegisterPage() {
  if (await currentUser()) redirect("/");
  return (
    <main>
      <section className="card auth-card" aria-labelledby="register-heading">
        <h1 id="register-heading">Create your Watchdeck account</h1>
        <RegisterForm />
        <p>
          Already have an account? <Link href="/signin">Sign in</Link>
        </p>
      </section>
    </main>
  );
}
