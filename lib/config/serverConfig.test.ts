import { mkdtemp, readFile, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildServerConfig, ConfigurationError } from "./serverConfig";

async function tempDir() {
  return mkdtemp(path.join(os.tmpdir(), "watchdeck-config-"));
}

describe("server configuration", () => {
  it("generates the auth secret and encryption key once, keeps them in a private file, and says so", async () => {
    const dataDir = await tempDir();
    const said: string[] = [];
    const first = buildServerConfig({ WATCHDECK_DATA_DIR: dataDir }, (m) => said.push(m));
    const second = buildServerConfig({ WATCHDECK_DATA_DIR: dataDir }, (m) => said.push(m));
    expect(first.authSecret).toHaveLength(43);
    expect(Buffer.from(first.encryptionKey, "base64")).toHaveLength(32);
    expect(second.authSecret).toBe(first.authSecret);
    expect(second.encryptionKey).toBe(first.encryptionKey);
    expect(said).toHaveLength(1);
    expect(said[0]).toContain(path.join(dataDir, "secrets.json"));
    expect((await stat(path.join(dataDir, "secrets.json"))).mode & 0o077).toBe(0);
  });

  it("uses secrets from the environment and then writes no file", async () => {
    const dataDir = await tempDir();
    const config = buildServerConfig(
      {
        WATCHDECK_DATA_DIR: dataDir,
        AUTH_SECRET: "x".repeat(40),
        WATCHDECK_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"),
      },
      () => undefined,
    );
    expect(config.authSecret).toBe("x".repeat(40));
    await expect(readFile(path.join(dataDir, "secrets.json"))).rejects.toThrow(/ENOENT/);
  });

  it("explains invalid settings by name", () => {
    expect(() => buildServerConfig({ WATCHDECK_REGISTRATION: "maybe", AUTH_SECRET: "short" }, () => undefined)).toThrow(
      /Invalid configuration: AUTH_SECRET: AUTH_SECRET must be at least 32 characters; WATCHDECK_REGISTRATION/,
    );
  });

  it("reads registration and private-network settings", async () => {
    const config = buildServerConfig(
      {
        WATCHDECK_DATA_DIR: await tempDir(),
        WATCHDECK_REGISTRATION: "closed",
        WATCHDECK_ALLOW_PRIVATE_NETWORKS: "true",
      },
      () => undefined,
    );
    expect(config.registrationOpen).toBe(false);
    expect(config.allowPrivateNetworks).toBe(true);
  });

  describe("the operator's contact (WATCHDECK_CONTACT)", () => {
    const secrets = { AUTH_SECRET: "x".repeat(40), WATCHDECK_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64") };
    const build = (env: Record<string, string>) => buildServerConfig({ ...secrets, ...env }, () => undefined);

    it("takes an email address or an http(s) URL", () => {
      expect(build({ WATCHDECK_CONTACT: "ops@wiki-tools.example" }).contact).toBe("ops@wiki-tools.example");
      expect(build({ WATCHDECK_CONTACT: "https://wiki-tools.example/about" }).contact).toBe(
        "https://wiki-tools.example/about",
      );
      expect(() => build({ WATCHDECK_CONTACT: "call me" })).toThrow(
        /Invalid configuration: WATCHDECK_CONTACT: WATCHDECK_CONTACT must be an email address or an http\(s\) URL/,
      );
      expect(() => build({ WATCHDECK_CONTACT: "ftp://wiki-tools.example" })).toThrow(/WATCHDECK_CONTACT/);
    });

    it("may be left out on localhost, which then says so", () => {
      for (const url of ["http://localhost:3000", "http://127.0.0.1:8080", "http://watchdeck.localhost"]) {
        expect(build({ WATCHDECK_URL: url }).contact).toBe("localhost instance");
      }
      expect(build({}).contact).toBe("localhost instance");
    });

    it("is required on a public address, with a message that says what to set and why", () => {
      const error = (() => {
        try {
          build({ WATCHDECK_URL: "https://watchdeck.example.org" });
        } catch (caught) {
          return caught;
        }
        throw new Error("started without a contact");
      })();
      expect(error).toBeInstanceOf(ConfigurationError);
      expect((error as Error).message).toMatch(
        /^WATCHDECK_CONTACT is not set\. Watchdeck runs at https:\/\/watchdeck\.example\.org/,
      );
      expect((error as Error).message).toContain("User-Agent policy");
    });

    it("is still read from its earlier name, WATCHDECK_CONTACT_URL", () => {
      const config = build({
        WATCHDECK_URL: "https://watchdeck.example.org",
        WATCHDECK_CONTACT_URL: "https://a.example/",
      });
      expect(config.contact).toBe("https://a.example/");
    });
  });
});
