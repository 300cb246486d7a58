import type { Readable } from "node:stream";
import { NetError } from "./NetError";

/**
 * Reads a response body into memory, giving up (and destroying the stream, so
 * the server stops sending) as soon as it grows past `maxBytes`.
 */
export async function readCappedBody(body: Readable, maxBytes: number, host: string): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of body) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
    total += buffer.length;
    if (total > maxBytes) {
      discardBody(body);
      throw tooLargeError(host, maxBytes);
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks, total);
}

/** Stops a body mid-stream; undici reports that as an error nobody needs to hear about. */
export function discardBody(body: Readable): void {
  body.on("error", () => undefined);
  body.destroy();
}

export function tooLargeError(host: string, maxBytes: number): NetError {
  const megabytes = (maxBytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, "");
  return new NetError(
    "too_large",
    `${host} sent a response larger than ${megabytes} MB, so Watchdeck stopped reading it.`,
  );
}

export function decodeBody(bytes: Uint8Array, contentType: string | null): string {
  const charset = /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType ?? "")?.[1];
  try {
    return new TextDecoder(charset ?? "utf-8").decode(bytes);
  } catch {
    return new TextDecoder("utf-8").decode(bytes);
  }
}
