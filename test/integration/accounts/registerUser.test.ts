import { beforeAll, describe, expect, it } from "vitest";
import { registerUser } from "@/lib/accounts/registerUser";
import { verifyCredentials } from "@/lib/accounts/verifyCredentials";
import { prisma } from "@/lib/db/postgres";
import { useTestDatabase } from "@/test/support/useTestDatabase";

beforeAll(async () => {
  await useTestDatabase(import.meta.url);
});

const open = { registrationOpen: true };

describe("registration", () => {
  it("makes exactly one admin when several people register the first accounts at the same time", async () => {
    const results = await Promise.all(
      ["a", "b", "c", "d"].map((n) =>
        registerUser({ email: `${n}@first.example`, password: "correct horse battery" }, open),
      ),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    const admins = await prisma().user.count({ where: { isAdmin: true } });
    expect(admins).toBe(1);
  });

  it("stores a slow argon2id hash, never the password", async () => {
    const result = await registerUser({ email: "Hash@Example.org ", password: "a very secret pass" }, open);
    expect(result.ok).toBe(true);
    const row = await prisma().user.findUniqueOrThrow({ where: { email: "hash@example.org" } });
    expect(row.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
    expect(row.passwordHash).not.toContain("a very secret pass");
  });

  it("refuses an email that already has an account, ignoring case and spaces", async () => {
    await registerUser({ email: "taken@example.org", password: "long enough pw" }, open);
    const again = await registerUser({ email: "  TAKEN@example.org", password: "another long pw" }, open);
    expect(again).toEqual({
      ok: false,
      failure: {
        kind: "conflict",
        code: "email_registered",
        field: "email",
        message: "An account with this email already exists. Sign in instead.",
      },
    });
  });

  it("refuses a short password with a message naming the minimum", async () => {
    const result = await registerUser({ email: "short@example.org", password: "short" }, open);
    expect(result).toEqual({
      ok: false,
      failure: {
        kind: "invalid",
        code: "invalid_input",
        field: "password",
        message: "Use at least 10 characters for the password.",
      },
    });
    expect(await prisma().user.findUnique({ where: { email: "short@example.org" } })).toBeNull();
  });

  it("refuses a password from the common-password list, whatever its case, and one made of a single repeated character", async () => {
    const common = await registerUser({ email: "common@example.org", password: "QwertyUIOP" }, open);
    expect(common).toEqual({
      ok: false,
      failure: {
        kind: "invalid",
        code: "invalid_input",
        field: "password",
        message: "This password is on the list of the most common ones, which are guessed first. Choose another.",
      },
    });
    const repeated = await registerUser({ email: "repeated@example.org", password: "xxxxxxxxxxxxxxx" }, open);
    expect(repeated).toEqual({
      ok: false,
      failure: {
        kind: "invalid",
        code: "invalid_input",
        field: "password",
        message: "A password of one repeated character is guessed at once. Choose another.",
      },
    });
    expect(
      await prisma().user.count({ where: { email: { in: ["common@example.org", "repeated@example.org"] } } }),
    ).toBe(0);
  });

  it("refuses an invalid email", async () => {
    const result = await registerUser({ email: "not-an-email", password: "long enough pw" }, open);
    expect(result).toEqual({
      ok: false,
      failure: { kind: "invalid", code: "invalid_input", field: "email", message: "Enter a valid email address." },
    });
  });

  it("refuses a name with a NUL, which Postgres cannot store, with a message", async () => {
    const result = await registerUser(
      { email: "nul-name@example.org", name: "Ada\u0000Lovelace", password: "long enough pw" },
      open,
    );
    expect(result).toEqual({
      ok: false,
      failure: {
        kind: "invalid",
        code: "invalid_input",
        field: "name",
        message: "The name cannot contain control characters.",
      },
    });
    expect(await prisma().user.findUnique({ where: { email: "nul-name@example.org" } })).toBeNull();
  });

  it("refuses new accounts when registration is closed", async () => {
    const result = await registerUser(
      { email: "late@example.org", password: "long enough pw" },
      { registrationOpen: false },
    );
    expect(result).toEqual({
      ok: false,
      failure: {
        kind: "forbidden",
        code: "registration_closed",
        message: "Registration is closed on this Watchdeck. Ask its administrator for an account.",
      },
    });
  });
});

describe("sign-in credentials", () => {
  it("accept the right password and refuse a wrong one or an unknown email alike", async () => {
    await registerUser({ email: "signin@example.org", password: "the right password" }, open);
    expect(await verifyCredentials({ email: "SignIn@example.org", password: "the right password" })).toMatchObject({
      email: "signin@example.org",
    });
    expect(await verifyCredentials({ email: "signin@example.org", password: "the wrong password" })).toBeNull();
    expect(await verifyCredentials({ email: "nobody@example.org", password: "the right password" })).toBeNull();
    expect(await verifyCredentials({ email: 42, password: null })).toBeNull();
  });
});
