import { beforeAll, expect, it } from "vitest";
import { registerUser } from "@/lib/accounts/registerUser";
import { useTestDatabase } from "@/test/support/useTestDatabase";

beforeAll(async () => {
  await useTestDatabase(import.meta.url);
});

it("lets the first user register even when registration is closed, and makes them admin", async () => {
  const result = await registerUser(
    { email: "owner@example.org", password: "long enough pw" },
    { registrationOpen: false },
  );
  expect(result).toMatchObject({ ok: true, value: { email: "owner@example.org", isAdmin: true } });
});
