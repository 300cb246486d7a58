import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { verifyWebhookSignature } from "@/lib/alerts/webhook/webhookSignature";

export interface ReceivedWebhook {
  idempotencyKey: string;
  signatureValid: boolean;
  body: {
    delivery?: { id: string; kind: string; idempotencyKey: string };
    alert?: { id: string; name: string };
    changes?: { id: string; title: string; user: string | null; summary: string; diffUrl: string | null }[];
    text?: string;
    content?: string;
  };
  receivedAt: number;
}

/**
 * A local webhook receiver as a careful integrator writes one: checks the signature with the alert's secret,
 * counts deliveries, and answers `failNext` requests (or every one, while `failAll` is set) with `failStatus`.
 * `holdMs` delays each answer (the request is counted as it arrives), for kills mid-delivery.
 */
export interface WebhookReceiver {
  url: string;
  received: ReceivedWebhook[];
  secrets: Map<string, string>;
  failNext: number;
  failAll: boolean;
  failStatus: number;
  holdMs: number;
  distinctKeys(): Set<string>;
  close(): Promise<void>;
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  let server: Server | undefined;
  const receiver: WebhookReceiver = {
    url: "",
    received: [],
    secrets: new Map(),
    failNext: 0,
    failAll: false,
    failStatus: 503,
    holdMs: 0,
    distinctKeys: () => new Set(receiver.received.map((r) => r.idempotencyKey)),
    close: () => new Promise((resolve) => (server ? server.close(() => resolve()) : resolve())),
  };
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      const body = JSON.parse(raw) as ReceivedWebhook["body"];
      const alertId = body.alert?.id ?? new URL(request.url ?? "/", "http://x").searchParams.get("alert") ?? "";
      const secret = receiver.secrets.get(alertId);
      const signature = String(request.headers["x-watchdeck-signature"] ?? "");
      const timestamp = String(request.headers["x-watchdeck-timestamp"] ?? "");
      receiver.received.push({
        idempotencyKey: String(request.headers["idempotency-key"] ?? ""),
        signatureValid: secret !== undefined && verifyWebhookSignature(secret, timestamp, raw, signature),
        body,
        receivedAt: Date.now(),
      });
      const fail = receiver.failAll || receiver.failNext > 0;
      if (receiver.failNext > 0) receiver.failNext--;
      setTimeout(() => {
        response.writeHead(fail ? receiver.failStatus : 204).end();
      }, receiver.holdMs);
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  return receiver;
}
