import { mkdtemp, readFile, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildServerConfig } from "./serverConfig";

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
});
