import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/app/i18n/ClientMessages";
import { currentUser } from "@/lib/auth/currentUser";
import { safeRedirectPath, withNext } from "@/lib/auth/safeRedirectPath";
import { RegisterForm } from "./RegisterForm";

// `next` may hold an invitation link, secret included: no page we link to should see it as the referrer.
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("registerTitle"), referrer: "no-referrer" };
}

export default async function RegisterPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const { next: raw } = await searchParams;
  const next = safeRedirectPath(typeof raw === "string" ? raw : null);
  if (await currentUser()) redirect(next);
  const t = await getTranslations("auth");
  return (
    <main>
      <section className="card auth-card" aria-labelledby="register-heading">
        <h1 id="register-heading">{t("registerHeading")}</h1>
        <ClientMessages namespaces={["auth"]}>
          <RegisterForm next={next} />
        </ClientMessages>
        <p>
          {t("haveAccount")} <Link href={withNext("/signin", next)}>{t("signIn")}</Link>
        </p>
      </section>
    </main>
  );
}
