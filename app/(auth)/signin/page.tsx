import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/app/i18n/ClientMessages";
import { currentUser } from "@/lib/auth/currentUser";
import { safeRedirectPath, withNext } from "@/lib/auth/safeRedirectPath";
import { SignInForm } from "./SignInForm";

// `next` may hold an invitation link, secret included: no page we link to should see it as the referrer.
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("signInTitle"), referrer: "no-referrer" };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const { next: raw } = await searchParams;
  const next = safeRedirectPath(typeof raw === "string" ? raw : null);
  if (await currentUser()) redirect(next);
  const t = await getTranslations("auth");
  return (
    <main>
      <section className="card auth-card" aria-labelledby="signin-heading">
        <h1 id="signin-heading">{t("signInHeading")}</h1>
        <ClientMessages namespaces={["auth"]}>
          <SignInForm next={next} />
        </ClientMessages>
        <p>
          {t("noAccount")} <Link href={withNext("/register", next)}>{t("createOne")}</Link>
        </p>
      </section>
    </main>
  );
}
