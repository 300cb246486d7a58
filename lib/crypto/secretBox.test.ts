import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createKeyring, keyIdFor, keyringFromEnv } from "./keyring";
import { SecretBoxError } from "./SecretBoxError";
import { createSecretBox } from "./secretBox";

const keyA = randomBytes(32);
const keyB = randomBytes(32);
const context = "wiki_link:42:bot_password";

function thrown(action: () => unknown): SecretBoxError {
  try {
    action();
  } catch (error) {
    if (error instanceof SecretBoxError) return error;
    throw error;
  }
  throw new Error("expected a SecretBoxError");
}

describe("secretBox", () => {
  const box = createSecretBox(createKeyring({ id: "a", key: keyA }));

  it("opens what it sealed, including unicode and empty strings", () => {
    for (const plaintext of ["hunter2", "pässwörd ✓ 🔑", "", "x".repeat(10_000)]) {
      expect(box.open(box.seal(plaintext, context), context)).toBe(plaintext);
    }
  });

  it("writes v1:<keyId>:<iv>:<ciphertext+tag> without the plaintext in it", () => {
    const sealed = box.seal("hunter2", context);
    expect(sealed).toMatch(/^v1:a:[A-Za-z0-9_-]{16}:[A-Za-z0-9_-]+$/);
    expect(sealed).not.toContain("hunter2");
  });

  it("uses a fresh IV each time", () => {
    expect(box.seal("same", context)).not.toBe(box.seal("same", context));
  });

  it("detects a flipped bit in the ciphertext", () => {
    const [version, keyId, iv, ciphertext] = box.seal("hunter2", context).split(":") as [
      string,
      string,
      string,
      string,
    ];
    const bytes = Buffer.from(ciphertext, "base64url");
    bytes[0] = (bytes[0] ?? 0) ^ 1;
    const tampered = [version, keyId, iv, bytes.toString("base64url")].join(":");
    expect(thrown(() => box.open(tampered, context)).code).toBe("tampered");
  });

  it("detects a changed IV", () => {
    const [version, keyId, , ciphertext] = box.seal("hunter2", context).split(":") as [string, string, string, string];
    const otherIv = randomBytes(12).toString("base64url");
    expect(thrown(() => box.open([version, keyId, otherIv, ciphertext].join(":"), context)).code).toBe("tampered");
  });

  it("refuses to open a secret moved to another row", () => {
    const sealed = box.seal("hunter2", "wiki_link:42:bot_password");
    const error = thrown(() => box.open(sealed, "wiki_link:43:bot_password"));
    expect(error.code).toBe("tampered");
    expect(error.message).not.toContain("hunter2");
  });

  it("refuses a relabelled key id even when that key exists", () => {
    const both = createSecretBox(createKeyring({ id: "b", key: keyB }, [{ id: "a", key: keyA }]));
    const sealed = both.seal("hunter2", context).replace(/^v1:b:/, "v1:a:");
    expect(thrown(() => both.open(sealed, context)).code).toBe("tampered");
  });

  it.each(["", "hunter2", "v2:a:AAAA:BBBB", "v1:a:AAAA", "v1:a:AAAA:BBBB", "v1::AAAAAAAAAAAAAAAA:BBBB"])(
    "rejects %j as not a sealed secret",
    (sealed) => {
      expect(thrown(() => box.open(sealed, context)).code).toBe("bad_format");
    },
  );

  it("opens secrets sealed with an old key after rotation and flags them for re-sealing", () => {
    const before = createSecretBox(createKeyring({ id: "a", key: keyA }));
    const sealedWithA = before.seal("hunter2", context);

    const after = createSecretBox(createKeyring({ id: "b", key: keyB }, [{ id: "a", key: keyA }]));
    expect(after.needsRotation(sealedWithA)).toBe(true);
    expect(after.open(sealedWithA, context)).toBe("hunter2");

    const resealed = after.seal(after.open(sealedWithA, context), context);
    expect(after.needsRotation(resealed)).toBe(false);
    expect(resealed.startsWith("v1:b:")).toBe(true);
  });

  it("names the missing key id and how to fix it", () => {
    const sealed = createSecretBox(createKeyring({ id: "retired", key: keyA })).seal("hunter2", context);
    const error = thrown(() => box.open(sealed, context));
    expect(error.code).toBe("unknown_key");
    expect(error.message).toContain('"retired"');
    expect(error.message).toContain("WATCHDECK_ENCRYPTION_KEYS_OLD");
  });
});

describe("keyringFromEnv", () => {
  it("derives the current key id from the key when none is given", () => {
    const keyring = keyringFromEnv({ WATCHDECK_ENCRYPTION_KEY: keyA.toString("base64") });
    expect(keyring.currentKeyId).toBe(keyIdFor(keyA));
    expect(keyring.keys.size).toBe(1);
  });

  it("reads an explicit id and the old keys", () => {
    const keyring = keyringFromEnv({
      WATCHDECK_ENCRYPTION_KEY: `2025b:${keyB.toString("base64")}`,
      WATCHDECK_ENCRYPTION_KEYS_OLD: ` 2024a:${keyA.toString("base64")} , ${keyIdFor(keyB)}:${keyB.toString("base64url")}`,
    });
    expect(keyring.currentKeyId).toBe("2025b");
    expect([...keyring.keys.keys()].sort()).toEqual(["2024a", "2025b", keyIdFor(keyB)].sort());
  });

  it("opens a secret sealed under the derived id once that key moves to the old list", () => {
    const sealed = createSecretBox(keyringFromEnv({ WATCHDECK_ENCRYPTION_KEY: keyA.toString("base64") })).seal(
      "s",
      context,
    );
    const rotated = keyringFromEnv({
      WATCHDECK_ENCRYPTION_KEY: keyB.toString("base64"),
      WATCHDECK_ENCRYPTION_KEYS_OLD: `${keyIdFor(keyA)}:${keyA.toString("base64")}`,
    });
    expect(createSecretBox(rotated).open(sealed, context)).toBe("s");
  });

  it.each([
    [{}, "is not set"],
    [{ WATCHDECK_ENCRYPTION_KEY: Buffer.alloc(16).toString("base64") }, "exactly 32 bytes"],
    [{ WATCHDECK_ENCRYPTION_KEY: "not base64!!" }, "not valid base64"],
    [
      { WATCHDECK_ENCRYPTION_KEY: keyA.toString("base64"), WATCHDECK_ENCRYPTION_KEYS_OLD: keyB.toString("base64") },
      "id:base64key",
    ],
    [{ WATCHDECK_ENCRYPTION_KEY: `bad id:${keyA.toString("base64")}` }, "key ids may use only"],
  ])("explains a bad configuration (%#) without echoing the key", (env, expected) => {
    const error = thrown(() => keyringFromEnv(env));
    expect(error.code).toBe("bad_key");
    expect(error.message).toContain(expected);
    expect(error.message).not.toContain(keyA.toString("base64"));
  });
});
