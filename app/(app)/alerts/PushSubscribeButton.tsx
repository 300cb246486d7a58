"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { FormMessage } from "../wikis/FormMessage";
import { removePushSubscriptionAction, savePushSubscriptionAction } from "./channelActions";

type PushState = "checking" | "unsupported" | "off" | "on" | "busy";

const WORKER = "/push-worker.js";
/** Without a reachable push service some browsers never settle subscribe(); the person must still hear why. */
const SUBSCRIBE_TIMEOUT_MS = 20_000;

function applicationServerKey(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = base64url.replace(/-/g, "+").replace(/_/g, "/");
  const binary = atob(base64 + "=".repeat((4 - (base64.length % 4)) % 4));
  const bytes = new Uint8Array(new ArrayBuffer(binary.length));
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

const BROWSERS: Array<[RegExp, string]> = [
  [/Firefox\//, "Firefox"],
  [/Edg\//, "Edge"],
  [/Chrome\/|Chromium\//, "Chrome"],
  [/Safari\//, "Safari"],
];
const SYSTEMS: Array<[RegExp, string]> = [
  [/Android/, "Android"],
  [/iPhone|iPad/, "iOS"],
  [/Mac OS X/, "macOS"],
  [/Windows/, "Windows"],
  [/Linux/, "Linux"],
];

type T = ReturnType<typeof useTranslations<"alerts.channels">>;

/** "Firefox on Linux", for the list of subscribed browsers (stored as written, in the subscriber's language). */
function browserLabel(t: T): string {
  const ua = navigator.userAgent;
  const browser = BROWSERS.find(([pattern]) => pattern.test(ua))?.[1] ?? t("aBrowser");
  const system = SYSTEMS.find(([pattern]) => pattern.test(ua))?.[1] ?? t("anotherSystem");
  return t("browserLabel", { browser, system });
}

/** Turns Web Push notifications on or off for the browser the page is open in. */
export function PushSubscribeButton({ publicKey }: { publicKey: string }) {
  const [state, setState] = useState<PushState>("checking");
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const t = useTranslations("alerts.channels");

  useEffect(() => {
    if (!("serviceWorker" in navigator) || !("PushManager" in window) || !("Notification" in window)) {
      setState("unsupported");
      return;
    }
    navigator.serviceWorker
      .getRegistration(WORKER)
      .then((registration) => registration?.pushManager.getSubscription() ?? null)
      .then((subscription) => setState(subscription ? "on" : "off"))
      .catch(() => setState("off"));
  }, []);

  function failWith(text: string) {
    setMessage({ ok: false, text });
    setState("off");
  }

  async function turnOn() {
    setState("busy");
    setMessage(null);
    try {
      const permission = await Notification.requestPermission();
      if (permission !== "granted") {
        failWith(t("pushBlocked"));
        return;
      }
      await navigator.serviceWorker.register(WORKER);
      const registration = await navigator.serviceWorker.ready;
      let subscription: PushSubscription;
      try {
        subscription = await Promise.race([
          registration.pushManager.subscribe({
            userVisibleOnly: true,
            applicationServerKey: applicationServerKey(publicKey),
          }),
          new Promise<never>((_, reject) =>
            setTimeout(() => reject(new Error("no answer within 20 seconds")), SUBSCRIBE_TIMEOUT_MS),
          ),
        ]);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        failWith(t("pushNoService", { reason }));
        return;
      }
      const saved = await savePushSubscriptionAction({ ...subscription.toJSON(), label: browserLabel(t) });
      if (!saved.ok) await subscription.unsubscribe();
      setMessage({ ok: saved.ok, text: saved.message ?? "" });
      setState(saved.ok ? "on" : "off");
    } catch (error) {
      failWith(t("pushFailed", { reason: error instanceof Error ? error.message : String(error) }));
    }
  }

  async function turnOff() {
    setState("busy");
    const registration = await navigator.serviceWorker.getRegistration(WORKER);
    const subscription = await registration?.pushManager.getSubscription();
    if (subscription) {
      await removePushSubscriptionAction(subscription.endpoint);
      await subscription.unsubscribe();
    }
    setMessage({ ok: true, text: t("pushNowOff") });
    setState("off");
  }

  return (
    <div>
      {state === "unsupported" ? (
        <p role="status">{t("pushUnsupported")}</p>
      ) : state === "on" ? (
        <button type="button" onClick={turnOff}>
          {t("pushOff")}
        </button>
      ) : (
        <button type="button" onClick={turnOn} disabled={state !== "off"}>
          {t("pushOn")}
        </button>
      )}
      <FormMessage ok={message?.ok ?? false} message={message?.text} />
    </div>
  );
}
