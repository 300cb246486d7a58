import { beforeAll, describe, expect, it } from "vitest";
import { registerUser } from "@/lib/accounts/registerUser";
import { attemptSignIn } from "@/lib/accounts/signIn";
import { FREE_FAILURES } from "@/lib/accounts/signInThrottle";
import { prisma } from "@/lib/db/postgres";
import { useTestDatabase } from "@/test/support/useTestDatabase";

beforeAll(async () => {
  await useTestDatabase(import.meta.url);
});

const PASSWORD = "the right password";
const register = (email: string) => registerUser({ email, password: PASSWORD }, { registrationOpen: true });
/** Lets every wait of the key pass, as time would. */
const waitOut = (key: string) =>
  prisma().signInThrottle.updateMany({ where: { key }, data: { blockedUntil: new Date(Date.now() - 1000) } });
const blockedSeconds = async (key: string) => {
  const row = await prisma().signInThrottle.findUniqueOrThrow({ where: { key } });
  return Math.round((row.blockedUntil!.getTime() - Date.now()) / 1000);
};

describe("sign-in throttling", () => {
  it("lets a few failures pass, then refuses the account, even the right password, with a wait that doubles", async () => {
    await register("guessed@example.org");
    for (let i = 0; i < FREE_FAILURES.account; i++) {
      expect(
        await attemptSignIn({ email: "guessed@example.org", password: `guess ${i}` }, `10.0.0.${i}`),
      ).toMatchObject({ ok: false, failure: { code: "wrong_credentials" } });
    }
    // The first failure past the free ones sets a wait, whatever address the next attempt comes from.
    expect(await attemptSignIn({ email: "guessed@example.org", password: "guess 5" }, "10.0.1.1")).toMatchObject({
      ok: false,
      failure: { code: "wrong_credentials" },
    });
    const refused = await attemptSignIn({ email: "Guessed@example.org", password: PASSWORD }, "10.0.1.2");
    expect(refused).toEqual({
      ok: false,
      failure: {
        kind: "transient",
        code: "throttled",
        message: "Too many sign-in attempts. Wait 1 second, then try again.",
        values: { seconds: 1 },
      },
    });

    await waitOut("account:guessed@example.org");
    await attemptSignIn({ email: "guessed@example.org", password: "guess 6" }, "10.0.1.3");
    expect(await blockedSeconds("account:guessed@example.org")).toBe(2);
    await waitOut("account:guessed@example.org");
    await attemptSignIn({ email: "guessed@example.org", password: "guess 7" }, "10.0.1.4");
    expect(await blockedSeconds("account:guessed@example.org")).toBe(4);

    await waitOut("account:guessed@example.org");
    expect(await attemptSignIn({ email: "guessed@example.org", password: PASSWORD }, "10.0.1.5")).toMatchObject({
      ok: true,
    });
    // The right password starts the account afresh.
    expect(await prisma().signInThrottle.count({ where: { key: "account:guessed@example.org" } })).toBe(0);
  });

  it("refuses an address that tried many accounts, for an account it never tried before", async () => {
    await register("sprayed@example.org");
    for (let i = 0; i <= FREE_FAILURES.address; i++) {
      await attemptSignIn({ email: `victim-${i}@example.org`, password: "password spray" }, "192.0.2.77");
    }
    const refused = await attemptSignIn({ email: "sprayed@example.org", password: PASSWORD }, "192.0.2.77");
    expect(refused).toMatchObject({ ok: false, failure: { code: "throttled" } });
    expect(await attemptSignIn({ email: "sprayed@example.org", password: PASSWORD }, "192.0.2.78")).toMatchObject({
      ok: true,
    });
  });

  it("counts failures that arrive at once, as from several server processes, every one", async () => {
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => attemptSignIn({ email: "burst@example.org", password: `burst ${i}` }, null)),
    );
    // An attempt that starts after the sixth failure set the wait is refused before its password is checked, and
    // is no failure: how many do depends on the machine's timing. Every attempt that was checked must count.
    const checked = results.filter((r) => !r.ok && r.failure.code === "wrong_credentials").length;
    expect(checked).toBeGreaterThan(FREE_FAILURES.account);
    const row = await prisma().signInThrottle.findUniqueOrThrow({ where: { key: "account:burst@example.org" } });
    expect(row.failures).toBe(checked);
    expect(row.blockedUntil!.getTime()).toBeGreaterThan(Date.now());
  });

  it("gives the waits a person reads", async () => {
    const { throttledMessage } = await import("@/lib/accounts/signInThrottle");
    expect(throttledMessage(1)).toBe("Too many sign-in attempts. Wait 1 second, then try again.");
    expect(throttledMessage(61)).toBe("Too many sign-in attempts. Wait 2 minutes, then try again.");
  });
});
