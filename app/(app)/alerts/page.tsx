import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/app/i18n/ClientMessages";
import { alertLog } from "@/lib/alerts/alerts";
import { loadChannelChoices } from "@/lib/alerts/channelTargets";
import { loadAlertsScreen } from "@/lib/alerts/loadAlertsScreen";
import { requireUser } from "@/lib/auth/currentUser";
import { filterSetWords } from "../filterSetWords";
import { AlertChannelsSection } from "./AlertChannelsSection";
import { AlertControls } from "./AlertControls";
import { rhythmWords } from "./alertWords";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("alerts");
  return { title: t("title") };
}

const EXACT = { dateStyle: "medium", timeStyle: "long" } as const;

export default async function AlertsPage() {
  const user = await requireUser();
  const [t, tFilters, format, locale] = await Promise.all([
    getTranslations("alerts"),
    getTranslations("filterSets"),
    getFormatter(),
    getLocale(),
  ]);
  const screen = await loadAlertsScreen(user.id);
  const logs = await Promise.all(screen.alerts.map((alert) => alertLog(user.id, alert.id)));
  const channels = await loadChannelChoices(user.id);
  const destination = (alert: (typeof screen.alerts)[number]): string => {
    if (alert.channel === "email") {
      const address = channels.addresses.find((a) => a.id === alert.emailAddressId);
      return address ? t("destination.email", { address: address.address }) : t("destination.emailRemoved");
    }
    if (alert.channel === "push") {
      const browser = channels.browsers.find((b) => b.id === alert.pushSubscriptionId);
      return browser ? t("destination.push", { browser: browser.label }) : t("destination.pushGone");
    }
    return t("destination.webhook", { format: alert.webhookFormat ?? "json", host: alert.webhookHost ?? "" });
  };
  return (
    <main>
      <h1>{t("title")}</h1>
      <p>{t.rich("intro", { new: (chunks) => <Link href="/alerts/new">{chunks}</Link> })}</p>
      {screen.alerts.length === 0 ? <p>{t("none")}</p> : null}
      <ClientMessages namespaces={["alerts"]}>
        {screen.alerts.map((alert, index) => (
          <section key={alert.id} className="card" aria-labelledby={`alert-${alert.id}`}>
            <h2 id={`alert-${alert.id}`}>{alert.name}</h2>
            <dl>
              <dt>{t("watches")}</dt>
              <dd>
                {alert.teamName ? t("teamPrefix", { team: alert.teamName }) : ""}
                {filterSetWords(tFilters, alert.filters)}
              </dd>
              <dt>{t("sends")}</dt>
              <dd>{t("sendsTo", { rhythm: rhythmWords(t, alert.rhythm, locale), destination: destination(alert) })}</dd>
              <dt>{t("status")}</dt>
              <dd>
                {alert.pausedAt
                  ? alert.pauseReason
                    ? t("pausedBecause", { since: format.dateTime(alert.pausedAt, EXACT), reason: alert.pauseReason })
                    : t("paused", { since: format.dateTime(alert.pausedAt, EXACT) })
                  : t("active", { pending: alert.pending })}
              </dd>
            </dl>
            <AlertControls alertId={alert.id} name={alert.name} paused={alert.pausedAt !== null} />
            <details>
              <summary>{t("log.summary", { count: logs[index]?.length ?? 0 })}</summary>
              {logs[index]?.length ? (
                <table aria-label={t("log.label", { name: alert.name })}>
                  <thead>
                    <tr>
                      <th scope="col">{t("log.time")}</th>
                      <th scope="col">{t("log.kind")}</th>
                      <th scope="col">{t("log.changes")}</th>
                      <th scope="col">{t("log.status")}</th>
                      <th scope="col">{t("log.error")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {logs[index]?.map((attempt) => {
                      const outcome = attempt.ok ? t("log.delivered") : t("log.failed");
                      return (
                        <tr key={attempt.id}>
                          <td>{format.dateTime(attempt.at, EXACT)}</td>
                          <td>{t("log.kindName", { kind: attempt.kind.replaceAll("-", "_") })}</td>
                          <td>{format.number(attempt.changes)}</td>
                          <td>
                            {attempt.httpStatus !== null
                              ? t("log.http", { outcome, status: attempt.httpStatus })
                              : outcome}
                          </td>
                          <td>{attempt.error ?? ""}</td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              ) : (
                <p>{t("log.empty")}</p>
              )}
            </details>
          </section>
        ))}
        <AlertChannelsSection
          email={channels.email}
          addresses={channels.addresses}
          pushPublicKey={channels.pushPublicKey}
          browsers={channels.browsers}
        />
      </ClientMessages>
    </main>
  );
}
