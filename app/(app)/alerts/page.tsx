import type { Metadata } from "next";
import Link from "next/link";
import { alertLog } from "@/lib/alerts/alerts";
import { loadChannelChoices } from "@/lib/alerts/channelTargets";
import { loadAlertsScreen } from "@/lib/alerts/loadAlertsScreen";
import { requireUser } from "@/lib/auth/currentUser";
import { exactTime, usableTimeZone } from "@/lib/timeline/timeText";
import { AlertChannelsSection } from "./AlertChannelsSection";
import { AlertControls } from "./AlertControls";

export const metadata: Metadata = { title: "Alerts" };

export default async function AlertsPage() {
  const user = await requireUser();
  const timeZone = usableTimeZone(user.timeZone);
  const screen = await loadAlertsScreen(user.id);
  const logs = await Promise.all(screen.alerts.map((alert) => alertLog(user.id, alert.id)));
  const channels = await loadChannelChoices(user.id);
  const destination = (alert: (typeof screen.alerts)[number]): string => {
    if (alert.channel === "email") {
      const address = channels.addresses.find((a) => a.id === alert.emailAddressId);
      return address ? `by email to ${address.address}` : "by email to an address since removed";
    }
    if (alert.channel === "push") {
      const browser = channels.browsers.find((b) => b.id === alert.pushSubscriptionId);
      return browser ? `as a notification in ${browser.label}` : "as a notification in a browser since unsubscribed";
    }
    return `to a ${alert.webhookFormat === "json" ? "JSON" : alert.webhookFormat} webhook at ${alert.webhookHost}`;
  };
  return (
    <main>
      <h1>Alerts</h1>
      <p>
        An alert sends the changes of a timeline view, at once or as a digest, to a webhook (Slack, Discord or your own
        receiver), by email, or as a browser notification. Open a filtered timeline and choose “Create alert from this
        view”, or start from <Link href="/alerts/new">a new alert</Link>.
      </p>
      {screen.alerts.length === 0 ? <p>No alerts yet.</p> : null}
      {screen.alerts.map((alert, index) => (
        <section key={alert.id} className="card" aria-labelledby={`alert-${alert.id}`}>
          <h2 id={`alert-${alert.id}`}>{alert.name}</h2>
          <dl>
            <dt>Watches</dt>
            <dd>
              {alert.teamName ? `Team “${alert.teamName}”: ` : ""}
              {alert.filtersLabel}
            </dd>
            <dt>Sends</dt>
            <dd>
              {alert.rhythmLabel}, {destination(alert)}
            </dd>
            <dt>Status</dt>
            <dd>
              {alert.pausedAt
                ? `Paused since ${exactTime(alert.pausedAt, timeZone)}${alert.pauseReason ? `. ${alert.pauseReason}` : ""}`
                : `Active${alert.pending > 0 ? `, ${alert.pending} waiting to be sent` : ""}`}
            </dd>
          </dl>
          <AlertControls alertId={alert.id} name={alert.name} paused={alert.pausedAt !== null} />
          <details>
            <summary>Delivery log ({logs[index]?.length ?? 0})</summary>
            {logs[index]?.length ? (
              <table aria-label={`Delivery log of ${alert.name}`}>
                <thead>
                  <tr>
                    <th scope="col">Time</th>
                    <th scope="col">Kind</th>
                    <th scope="col">Changes</th>
                    <th scope="col">Status</th>
                    <th scope="col">Error</th>
                  </tr>
                </thead>
                <tbody>
                  {logs[index]?.map((attempt) => (
                    <tr key={attempt.id}>
                      <td>{exactTime(attempt.at, timeZone)}</td>
                      <td>{attempt.kind}</td>
                      <td>{attempt.changes}</td>
                      <td>
                        {attempt.ok ? "Delivered" : "Failed"}
                        {attempt.httpStatus !== null ? ` (HTTP ${attempt.httpStatus})` : ""}
                      </td>
                      <td>{attempt.error ?? ""}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : (
              <p>Nothing sent yet.</p>
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
    </main>
  );
}
