import Link from "next/link";
import type { ReactNode } from "react";
import { requireUser } from "@/lib/auth/currentUser";
import { SignOutButton } from "./SignOutButton";
import { UndoToastHost } from "./watching/UndoToast";

export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  return (
    <>
      <header className="app-header">
        <Link href="/" className="brand">
          Watchdeck
        </Link>
        <nav aria-label="Main">
          <Link href="/">Timeline</Link>
          <Link href="/wikis">Wikis</Link>
          <Link href="/feeds">Feeds</Link>
          <Link href="/alerts">Alerts</Link>
          <Link href="/teams">Teams</Link>
          <Link href="/account">Account</Link>
        </nav>
        <span className="who">{user.name ?? user.email}</span>
        <SignOutButton />
      </header>
      {children}
      <UndoToastHost />
    </>
  );
}
