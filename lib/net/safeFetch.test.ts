import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ResolveAllAddresses } from "./guardedLookup";
import { NetError, type NetErrorKind } from "./NetError";
import { createSafeFetch, type SafeFetch } from "./safeFetch";

type Handler = (request: IncomingMessage, body: string, response: ServerResponse) => void;

const routes = new Map<string, Handler>();
let server: Server;
let origin: string;
let port: number;

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => {
      const handler = routes.get(new URL(request.url ?? "/", "http://x").pathname);
      if (handler) handler(request, body, response);
      else response.writeHead(404).end("not found");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;

  routes.set("/hello", (request, _body, response) => {
    response.writeHead(200, { "content-type": "text/plain; charset=utf-8", "set-cookie": ["a=1", "b=2"] });
    response.end(`héllo ${request.headers["user-agent"] ?? ""}`);
  });
  routes.set("/echo", (request, body, response) => {
    response.writeHead(200, { "content-type": "application/json" });
    response.end(JSON.stringify({ method: request.method, body, cookie: request.headers.cookie ?? null }));
  });
  for (let hop = 1; hop <= 6; hop++) {
    routes.set(`/chain/${hop}`, (_request, _body, response) => {
      response.writeHead(302, { location: hop === 6 ? "/hello" : `/chain/${hop + 1}` }).end();
    });
  }
  routes.set("/to-echo-303", (_q, _b, response) => response.writeHead(303, { location: "/echo" }).end());
  routes.set("/to-echo-307", (_q, _b, response) => response.writeHead(307, { location: "/echo" }).end());
  routes.set("/to-ftp", (_q, _b, response) => response.writeHead(302, { location: "ftp://example.org/" }).end());
  routes.set("/to-irc-port", (_q, _b, response) =>
    response.writeHead(302, { location: "http://127.0.0.1:6667/" }).end(),
  );
  routes.set("/to-metadata", (_q, _b, response) =>
    response.writeHead(302, { location: "http://169.254.169.254/latest/meta-data/" }).end(),
  );
  routes.set("/to-other-origin", (_q, _b, response) =>
    response.writeHead(302, { location: `http://other.test:${port}/echo` }).end(),
  );
  routes.set("/declared-huge", (_q, _b, response) => {
    response.writeHead(200, { "content-length": String(10_000) });
    response.end("x".repeat(10_000));
  });
  routes.set("/streamed-huge", (_q, _b, response) => {
    response.writeHead(200, { "content-type": "text/plain" });
    const chunk = "x".repeat(1000);
    let sent = 0;
    const timer = setInterval(() => {
      if (sent++ >= 50 || response.destroyed) {
        clearInterval(timer);
        response.end();
        return;
      }
      response.write(chunk);
    }, 1);
  });
  routes.set("/exactly-cap", (_q, _b, response) => response.writeHead(200).end("y".repeat(2000)));
  routes.set("/never-answers", () => undefined);
  routes.set("/headers-then-stall", (_q, _b, response) => {
    response.writeHead(200, { "content-type": "text/plain" });
    response.write("partial");
  });
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const fakeDns =
  (answers: Record<string, string[]>): ResolveAllAddresses =>
  (hostname, _options, callback) => {
    const addresses = answers[hostname];
    if (!addresses) {
      const error: NodeJS.ErrnoException = new Error(`getaddrinfo ENOTFOUND ${hostname}`);
      error.code = "ENOTFOUND";
      return callback(error, []);
    }
    callback(
      null,
      addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 })),
    );
  };

const loopbackAllowed = (overrides = {}, answers: Record<string, string[]> = {}): SafeFetch =>
  createSafeFetch({ allowPrivateNetworks: true, ...overrides }, { resolveAll: fakeDns(answers) });

async function failure(promise: Promise<unknown>): Promise<NetError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof NetError) return error;
    throw error;
  }
  throw new Error("expected the request to fail");
}

async function expectKind(promise: Promise<unknown>, kind: NetErrorKind): Promise<NetError> {
  const error = await failure(promise);
  expect(error.kind).toBe(kind);
  return error;
}

describe("safeFetch with loopback allowed", () => {
  it("returns status, headers (every Set-Cookie), decoded body and final URL", async () => {
    const response = await loopbackAllowed()(`${origin}/hello`, { headers: { "user-agent": "Watchdeck-test" } });
    expect(response.status).toBe(200);
    expect(response.bodyText).toBe("héllo Watchdeck-test");
    expect(response.headers.getSetCookie()).toEqual(["a=1", "b=2"]);
    expect(response.url).toBe(`${origin}/hello`);
  });

  it("returns non-2xx answers instead of throwing", async () => {
    const response = await loopbackAllowed()(`${origin}/missing`);
    expect(response.status).toBe(404);
  });

  it("follows five redirects and reports the final URL", async () => {
    const response = await loopbackAllowed()(`${origin}/chain/2`);
    expect(response.status).toBe(200);
    expect(response.url).toBe(`${origin}/hello`);
  });

  it("gives up after five redirects", async () => {
    await expectKind(loopbackAllowed()(`${origin}/chain/1`), "too_many_redirects");
  });

  it("turns a POST into a GET without body on 303", async () => {
    const response = await loopbackAllowed()(`${origin}/to-echo-303`, {
      method: "POST",
      body: "a=1",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(JSON.parse(response.bodyText)).toMatchObject({ method: "GET", body: "" });
  });

  it("keeps the method and body on 307", async () => {
    const response = await loopbackAllowed()(`${origin}/to-echo-307`, {
      method: "POST",
      body: "a=1",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(JSON.parse(response.bodyText)).toMatchObject({ method: "POST", body: "a=1" });
  });

  it("does not carry cookies to another origin on redirect", async () => {
    const fetch = loopbackAllowed({}, { "other.test": ["127.0.0.1"] });
    const response = await fetch(`${origin}/to-other-origin`, { headers: { cookie: "session=secret" } });
    expect(response.url).toBe(`http://other.test:${port}/echo`);
    expect(JSON.parse(response.bodyText)).toMatchObject({ cookie: null });
  });

  it("refuses a redirect to a non-http scheme", async () => {
    await expectKind(loopbackAllowed()(`${origin}/to-ftp`), "bad_url");
  });

  it("re-checks each hop: a redirect to another protocol's port is refused before connecting", async () => {
    // Nothing listens there: a connection would have failed as unreachable, not as a bad URL.
    const error = await expectKind(loopbackAllowed()(`${origin}/to-irc-port`), "bad_url");
    expect(error.message).toMatch(/^Port 6667 /);
  });

  it("re-checks each hop: a redirect to the metadata address is refused", async () => {
    await expectKind(loopbackAllowed()(`${origin}/to-metadata`), "blocked_address");
  });

  it("connects to the address it checked for a host name", async () => {
    const fetch = loopbackAllowed({}, { "wiki.test": ["127.0.0.1"] });
    const response = await fetch(`http://wiki.test:${port}/hello`);
    expect(response.status).toBe(200);
  });

  it("refuses a declared Content-Length over the cap before reading", async () => {
    const error = await expectKind(loopbackAllowed({ maxBytes: 5000 })(`${origin}/declared-huge`), "too_large");
    expect(error.message).toContain("larger than");
  });

  it("aborts a streamed body once it passes the cap", async () => {
    await expectKind(loopbackAllowed({ maxBytes: 5000 })(`${origin}/streamed-huge`), "too_large");
  });

  it("accepts a body exactly at the cap", async () => {
    const response = await loopbackAllowed({ maxBytes: 2000 })(`${origin}/exactly-cap`);
    expect(response.bodyText).toHaveLength(2000);
  });

  it("times out when the server never answers", async () => {
    await expectKind(loopbackAllowed({ timeoutMs: 200 })(`${origin}/never-answers`), "timeout");
  });

  it("times out when the body stalls after the headers", async () => {
    await expectKind(loopbackAllowed({ timeoutMs: 200 })(`${origin}/headers-then-stall`), "timeout");
  });

  it("passes the caller's own abort through unchanged", async () => {
    const controller = new AbortController();
    const reason = new Error("user went away");
    setTimeout(() => controller.abort(reason), 50);
    await expect(loopbackAllowed()(`${origin}/never-answers`, { signal: controller.signal })).rejects.toBe(reason);
  });

  it("reports a refused connection as unreachable, saying that nothing answers on the port", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const error = await expectKind(loopbackAllowed()(`http://127.0.0.1:${closedPort}/`), "unreachable");
    expect(error.message).toContain(`refused the connection: no web server answers on port ${closedPort}`);
    expect(error.message).not.toContain("try again later");
  });

  it("reports an unknown host name as unreachable", async () => {
    const error = await expectKind(loopbackAllowed()("http://no-such-wiki.test/"), "unreachable");
    expect(error.message).toContain("could not be found");
  });

  it("names a Unicode host as it was typed, not as punycode", async () => {
    const error = await expectKind(loopbackAllowed()("http://bücher-wiki.test/"), "unreachable");
    expect(error.message).toContain("bücher-wiki.test");
    expect(error.message).not.toContain("xn--");
  });
});

describe("safeFetch with private networks denied", () => {
  const denying = (answers: Record<string, string[]> = {}) =>
    createSafeFetch({ allowPrivateNetworks: false }, { resolveAll: fakeDns(answers) });

  it("refuses the loopback server by IP literal", async () => {
    await expectKind(denying()(`${origin}/hello`), "blocked_address");
  });

  it("refuses the loopback server by decimal IP literal", async () => {
    await expectKind(denying()(`http://2130706433:${port}/hello`), "blocked_address");
  });

  it("refuses localhost via the system resolver", async () => {
    const fetch = createSafeFetch({ allowPrivateNetworks: false });
    await expectKind(fetch(`http://localhost:${port}/hello`), "blocked_address");
  });

  it("refuses a host name whose DNS answer is private", async () => {
    const error = await expectKind(
      denying({ "intranet.test": ["10.0.0.7"] })(`http://intranet.test/`),
      "blocked_address",
    );
    expect(error.message).toBe("intranet.test is on a private network; Watchdeck is not allowed to reach it.");
  });

  it("refuses a host name when any one of its addresses is private", async () => {
    const fetch = denying({ "mixed.test": ["93.184.216.34", "127.0.0.1"] });
    await expectKind(fetch(`http://mixed.test/`), "blocked_address");
  });

  it("refuses a host name that resolves to an IPv4-mapped IPv6 loopback", async () => {
    await expectKind(denying({ "mapped.test": ["::ffff:127.0.0.1"] })(`http://mapped.test/`), "blocked_address");
  });
});
