import { beforeAll, describe, expect, it } from "vitest";
import { registerUser } from "@/lib/accounts/registerUser";
import { hashUrlSecret } from "@/lib/crypto/urlSecret";
import { prisma } from "@/lib/db/postgres";
import {
  createFeedToken,
  findFeedBySecret,
  listFeedTokens,
  regenerateFeedToken,
  revokeFeedToken,
} from "@/lib/feeds/feedTokens";
import { useTestDatabase } from "@/test/support/useTestDatabase";

let owner: string;
let stranger: string;

async function user(email: string) {
  const r = await registerUser({ email, password: "long enough password" }, { registrationOpen: true });
  if (!r.ok) throw new Error(r.failure.message);
  return r.value.id;
}

beforeAll(async () => {
  await useTestDatabase(import.meta.url);
  owner = await user("feeds-owner@example.org");
  stranger = await user("feeds-stranger@example.org");
});

describe("feed URLs", () => {
  it("store only a hash of the secret, and the secret opens the feed", async () => {
    const created = await createFeedToken(owner, { name: "Everything", filterQuery: "" });
    if (!created.ok) throw new Error(created.failure.message);
    expect(created.value.secret).toMatch(/^wdf_[A-Za-z0-9_-]{43}$/);
    const row = await prisma().feedToken.findUniqueOrThrow({ where: { id: created.value.id } });
    expect(row.secretHash).toBe(hashUrlSecret(created.value.secret));
    expect(JSON.stringify(row)).not.toContain(created.value.secret);
    expect(await findFeedBySecret(created.value.secret)).toMatchObject({
      id: created.value.id,
      userId: owner,
      name: "Everything",
      filterQuery: "",
    });
    expect((await prisma().feedToken.findUniqueOrThrow({ where: { id: created.value.id } })).lastUsedAt).not.toBeNull();
  });

  it("record when they were last read, to the minute, without a write on every read", async () => {
    const created = await createFeedToken(await user("feeds-polled@example.org"), {
      name: "Polled often",
      filterQuery: "",
    });
    if (!created.ok) throw new Error(created.failure.message);
    const lastUsed = async () =>
      (await prisma().feedToken.findUniqueOrThrow({ where: { id: created.value.id } })).lastUsedAt;
    const read = new Date("2026-12-05T10:00:00Z");
    expect(await findFeedBySecret(created.value.secret, read)).toMatchObject({ id: created.value.id });
    expect(await lastUsed()).toEqual(read);
    await findFeedBySecret(created.value.secret, new Date(read.getTime() + 59_000));
    expect(await lastUsed()).toEqual(read);
    await findFeedBySecret(created.value.secret, new Date(read.getTime() + 60_000));
    expect(await lastUsed()).toEqual(new Date(read.getTime() + 60_000));
  });

  it("keep the filters in canonical form and refuse nonsense filters and names", async () => {
    const created = await createFeedToken(owner, {
      name: "Talk, no bots",
      filterQuery: "ns=Talk&bot=hide&type=edit&type=new",
    });
    if (!created.ok) throw new Error(created.failure.message);
    expect((await findFeedBySecret(created.value.secret))?.filterQuery).toBe("ns=Talk&type=edit&type=new&bot=hide");
    expect(await createFeedToken(owner, { name: "Bad", filterQuery: "bot=sometimes" })).toMatchObject({ ok: false });
    expect(await createFeedToken(owner, { name: "  ", filterQuery: "" })).toEqual({
      ok: false,
      failure: { kind: "invalid", code: "bad_name", field: "name", message: "Give the feed a name." },
    });
  });

  it("are listed by name without secrets", async () => {
    const list = await listFeedTokens(owner);
    expect(list.map((f) => f.name)).toEqual(["Everything", "Talk, no bots"]);
    expect(Object.keys(list[0]!)).not.toContain("secretHash");
    expect(await listFeedTokens(stranger)).toEqual([]);
  });

  it("stop working when revoked or regenerated, and only their owner can do either", async () => {
    const created = await createFeedToken(owner, { name: "Temp", filterQuery: "" });
    if (!created.ok) throw new Error(created.failure.message);
    expect(await regenerateFeedToken(stranger, created.value.id)).toBeNull();
    expect(await revokeFeedToken(stranger, created.value.id)).toBe(false);
    const fresh = await regenerateFeedToken(owner, created.value.id);
    expect(fresh).not.toBeNull();
    expect(await findFeedBySecret(created.value.secret)).toBeNull();
    expect(await findFeedBySecret(fresh!)).toMatchObject({ id: created.value.id });
    expect(await revokeFeedToken(owner, created.value.id)).toBe(true);
    expect(await findFeedBySecret(fresh!)).toBeNull();
  });

  it("open nothing for unknown, malformed or hostile secrets", async () => {
    for (const secret of ["", "wdf_", `wdf_${"A".repeat(43)}`, "'; DROP TABLE feed_tokens; --", "x".repeat(10_000)]) {
      expect(await findFeedBySecret(secret)).toBeNull();
    }
  });
});
