import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { requireUser } from "@/lib/auth/currentUser";
import { SignOutButton } from "./SignOutButton";
import { UndoToastHost } from "./watching/UndoToast";

export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  const t = await getTranslations("common");
  return (
    <>
      <header className="app-header">
        <Link href="/" className="brand">
          {t("brand")}
        </Link>
        <nav aria-label={t("nav.label")}>
          <Link href="/">{t("nav.timeline")}</Link>
          <Link href="/wikis">{t("nav.wikis")}</Link>
          <Link href="/feeds">{t("nav.feeds")}</Link>
          <Link href="/alerts">{t("nav.alerts")}</Link>
          <Link href="/teams">{t("nav.teams")}</Link>
          <Link href="/account">{t("nav.account")}</Link>
        </nav>
        <span className="who">{user.name ?? user.email}</span>
        <SignOutButton />
      </header>
      {children}
      <UndoToastHost />
    </>
  );
}
