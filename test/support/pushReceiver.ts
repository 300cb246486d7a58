import {
  createDecipheriv,
  createECDH,
  createPublicKey,
  type ECDH,
  hkdfSync,
  randomBytes,
  verify as verifySignature,
} from "node:crypto";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * Plays a browser's push service on loopback: takes the server's POST, checks its VAPID signature and decrypts
 * the aes128gcm body (RFC 8188 + 8291) with the fake browser's private key and auth secret, as the browser
 * would. Each subscription has its own path; a path can be told to answer with another status (410: gone).
 */

export interface FakeBrowser {
  endpoint: string;
  /** As PushSubscription.toJSON() gives them. */
  keys: { p256dh: string; auth: string };
  ecdh: ECDH;
  authSecret: Buffer;
}

export interface ReceivedPush {
  path: string;
  headers: IncomingHttpHeaders;
  /** The decrypted text the server sent. */
  plaintext: string;
  /** The VAPID JWT's claims, after its ES256 signature checked out against `k`. */
  vapid: { aud: string; exp: number; sub: string; publicKey: string };
}

export interface PushReceiver {
  origin: string;
  received: ReceivedPush[];
  /** Requests that could not be decrypted or verified, with why. */
  refused: string[];
  newBrowser(): FakeBrowser;
  answer(endpoint: string, status: number): void;
  close(): Promise<void>;
}

export async function startPushReceiver(): Promise<PushReceiver> {
  const browsers = new Map<string, FakeBrowser>();
  const statuses = new Map<string, number>();
  const received: ReceivedPush[] = [];
  const refused: string[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const path = request.url ?? "";
      const browser = browsers.get(path);
      try {
        if (!browser) throw new Error(`no subscription at ${path}`);
        if (request.headers["content-encoding"] !== "aes128gcm") throw new Error("not aes128gcm");
        const vapid = checkVapid(String(request.headers.authorization ?? ""));
        const plaintext = decryptAes128gcm(Buffer.concat(chunks), browser);
        received.push({ path, headers: request.headers, plaintext, vapid });
        response.writeHead(statuses.get(path) ?? 201).end();
      } catch (error) {
        refused.push(error instanceof Error ? error.message : String(error));
        response.writeHead(400).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    received,
    refused,
    newBrowser() {
      const ecdh = createECDH("prime256v1");
      ecdh.generateKeys();
      const authSecret = randomBytes(16);
      const path = `/push/${randomBytes(8).toString("hex")}`;
      const browser: FakeBrowser = {
        endpoint: `${origin}${path}`,
        keys: { p256dh: ecdh.getPublicKey().toString("base64url"), auth: authSecret.toString("base64url") },
        ecdh,
        authSecret,
      };
      browsers.set(path, browser);
      return browser;
    },
    answer(endpoint, status) {
      statuses.set(new URL(endpoint).pathname, status);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** RFC 8291 section 3.4 and RFC 8188: one record, padding delimiter 0x02. */
export function decryptAes128gcm(body: Buffer, browser: Pick<FakeBrowser, "ecdh" | "authSecret">): string {
  const salt = body.subarray(0, 16);
  const recordSize = body.readUInt32BE(16);
  const keyIdLength = body[20]!;
  const serverPublicKey = body.subarray(21, 21 + keyIdLength);
  const record = body.subarray(21 + keyIdLength);
  if (keyIdLength !== 65 || record.length > recordSize) throw new Error("unexpected aes128gcm header");
  const ecdhSecret = browser.ecdh.computeSecret(serverPublicKey);
  const keyInfo = Buffer.concat([Buffer.from("WebPush: info\0"), browser.ecdh.getPublicKey(), serverPublicKey]);
  const ikm = Buffer.from(hkdfSync("sha256", ecdhSecret, browser.authSecret, keyInfo, 32));
  const cek = Buffer.from(hkdfSync("sha256", ikm, salt, Buffer.from("Content-Encoding: aes128gcm\0"), 16));
  const nonce = Buffer.from(hkdfSync("sha256", ikm, salt, Buffer.from("Content-Encoding: nonce\0"), 12));
  const decipher = createDecipheriv("aes-128-gcm", cek, nonce);
  decipher.setAuthTag(record.subarray(record.length - 16));
  const padded = Buffer.concat([decipher.update(record.subarray(0, record.length - 16)), decipher.final()]);
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end--;
  if (padded[end] !== 2) throw new Error("missing the last record's padding delimiter");
  return padded.subarray(0, end).toString("utf8");
}

/** `vapid t=<JWT>, k=<public key>` (RFC 8292): the ES256 signature must verify under k. */
function checkVapid(authorization: string): ReceivedPush["vapid"] {
  const match = /^vapid t=([^,\s]+),\s*k=([A-Za-z0-9_-]+)$/.exec(authorization);
  if (!match) throw new Error(`not a VAPID Authorization header: ${authorization.slice(0, 20)}`);
  const [token, publicKey] = [match[1]!, match[2]!];
  const [header, claims, signature] = token.split(".");
  if (!header || !claims || !signature) throw new Error("malformed JWT");
  if (JSON.parse(Buffer.from(header, "base64url").toString()).alg !== "ES256") throw new Error("JWT is not ES256");
  const point = Buffer.from(publicKey, "base64url");
  const key = createPublicKey({
    key: {
      kty: "EC",
      crv: "P-256",
      x: point.subarray(1, 33).toString("base64url"),
      y: point.subarray(33).toString("base64url"),
    },
    format: "jwk",
  });
  const signed = verifySignature(
    "sha256",
    Buffer.from(`${header}.${claims}`),
    { key, dsaEncoding: "ieee-p1363" },
    Buffer.from(signature, "base64url"),
  );
  if (!signed) throw new Error("VAPID signature does not verify");
  return { ...JSON.parse(Buffer.from(claims, "base64url").toString()), publicKey };
}
