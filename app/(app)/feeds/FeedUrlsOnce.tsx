import { useTranslations } from "next-intl";
import { CopyButton } from "./CopyButton";

/** A feed's addresses, right after they were made: the only time the page can show them. */
export function FeedUrlsOnce({ urls }: { urls: { rss: string; atom: string } }) {
  const t = useTranslations("feeds");
  const fields = [
    { format: "RSS", url: urls.rss },
    { format: "Atom", url: urls.atom },
  ];
  return (
    <div className="feed-urls" role="group" aria-label={t("urlsLabel")}>
      {fields.map(({ format, url }) => {
        const id = `${format.toLowerCase()}-${url.slice(-8)}`;
        return (
          <div className="field" key={format}>
            <label htmlFor={id}>{t("address", { format })}</label>
            <div className="actions-row">
              <input
                id={id}
                readOnly
                value={url}
                style={{ flex: "1 1 20rem", minWidth: 0 }}
                onFocus={(e) => e.currentTarget.select()}
              />
              <CopyButton text={url} label={t("copyAddress", { format })} />
            </div>
          </div>
        );
      })}
    </div>
  );
}
