import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("common"))("notFound.title") };
}

/**
 * Every page's data carries this for its layouts (Next's default, with its inline styles, was 2.5 KB of each
 * timeline page): kept small, with a plain link.
 */
export default async function NotFound() {
  const t = await getTranslations("common");
  return (
    <main>
      <h1>{t("notFound.title")}</h1>
      <p>
        <a href="/">{t("notFound.back")}</a>
      </p>
    </main>
  );
}
