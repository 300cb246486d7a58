import { beforeAll, describe, expect, it } from "vitest";
import { registerUser } from "@/lib/accounts/registerUser";
import { accountFields, bumpSessionEpoch, findUserById } from "@/lib/accounts/users";
import { prisma } from "@/lib/db/postgres";
import { useTestDatabase } from "@/test/support/useTestDatabase";

// Every signed-in request reads its user through findUserById (a raw statement): it must answer as Prisma would.
let userId: string;

beforeAll(async () => {
  await useTestDatabase(import.meta.url);
  const result = await registerUser(
    { email: "find-by-id@example.org", password: "long enough password" },
    { registrationOpen: true },
  );
  if (!result.ok) throw new Error(result.failure.message);
  userId = result.value.id;
});

describe("findUserById", () => {
  it("gives the account fields Prisma gives, null ones included, and the current session epoch", async () => {
    const prismaView = () => prisma().user.findUnique({ where: { id: userId }, select: accountFields });
    expect(await findUserById(userId)).toEqual(await prismaView());
    await prisma().user.update({
      where: { id: userId },
      data: { name: "Ada", timeZone: "Europe/Berlin", locale: "de" },
    });
    await bumpSessionEpoch(userId);
    const found = await findUserById(userId);
    expect(found).toEqual(await prismaView());
    expect(found).toMatchObject({ name: "Ada", timeZone: "Europe/Berlin", locale: "de", sessionEpoch: 1 });
  });

  it("finds no one for an unknown id or one that is not a UUID", async () => {
    expect(await findUserById("00000000-0000-4000-8000-00000000dead")).toBeNull();
    expect(await findUserById("not-a-uuid")).toBeNull();
    expect(await findUserById("")).toBeNull();
  });
});
