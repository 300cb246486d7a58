import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closePgPool, pgPool } from "@/lib/db/postgres";
import { pgBinaryArray } from "@/lib/sync/store/pgBinaryArray";
import { useTestDatabase } from "@/test/support/useTestDatabase";

beforeAll(async () => {
  await useTestDatabase(import.meta.url);
});

afterAll(async () => {
  await closePgPool();
});

/** What Postgres reads from the binary array, sent back as text so no client-side parsing is trusted. */
async function roundTrip(cast: string, param: Buffer): Promise<{ items: (string | null)[]; dims: string | null }> {
  const { rows } = await pgPool().query<{ items: (string | null)[]; dims: string | null }>(
    `SELECT ARRAY(SELECT x::text FROM unnest($1::${cast}[]) WITH ORDINALITY AS u(x, n) ORDER BY n) AS items,
            array_dims($1::${cast}[]) AS dims`,
    [param],
  );
  return rows[0]!;
}

describe("pgBinaryArray, read by a real Postgres", () => {
  it("keeps text exactly: quotes, backslashes, braces, commas, NULL-looking words, unicode and NULLs", async () => {
    const values = [
      '"quoted"',
      "back\\slash",
      "{braces}",
      "a,b",
      "NULL",
      "",
      " padded ",
      "tab\tnew\nline",
      "Zürich 日本 🦉",
      "‮rtl",
      null,
    ];
    const { items, dims } = await roundTrip("text", pgBinaryArray("text", values));
    expect(items).toEqual(values);
    expect(dims).toBe(`[1:${values.length}]`);
  });

  it("sends a lone surrogate as U+FFFD, as node-postgres does for a text parameter", async () => {
    const { items } = await roundTrip("text", pgBinaryArray("text", ["a\ud800b"]));
    expect(items).toEqual(["a\ufffdb"]);
  });

  it("keeps integers across the whole safe range, negative ones too", async () => {
    const int8 = [
      0,
      1,
      -1,
      2 ** 31,
      2 ** 32,
      2 ** 32 + 5,
      -(2 ** 32) - 5,
      Number.MAX_SAFE_INTEGER,
      Number.MIN_SAFE_INTEGER,
      null,
    ];
    expect((await roundTrip("int8", pgBinaryArray("int8", int8))).items).toEqual(
      int8.map((v) => (v === null ? null : String(v))),
    );
    const int4 = [0, 7, -7, 2 ** 31 - 1, -(2 ** 31), null];
    expect((await roundTrip("int4", pgBinaryArray("int4", int4))).items).toEqual(
      int4.map((v) => (v === null ? null : String(v))),
    );
  });

  it("keeps booleans and NULLs", async () => {
    expect((await roundTrip("bool", pgBinaryArray("bool", [true, false, null]))).items).toEqual([
      "true",
      "false",
      null,
    ]);
  });

  it("keeps instants to the millisecond, before and after 2000", async () => {
    const dates = [
      new Date("2026-11-23T19:04:18.123Z"),
      new Date("1999-12-31T23:59:59.999Z"),
      new Date("2000-01-01T00:00:00Z"),
      new Date("1970-01-01T00:00:00Z"),
    ];
    const { rows } = await pgPool().query<{ ms: string[] }>(
      `SELECT ARRAY(SELECT (extract(epoch FROM x) * 1000)::bigint::text FROM unnest($1::timestamptz[]) WITH ORDINALITY AS u(x, n) ORDER BY n) AS ms`,
      [pgBinaryArray("timestamptz", [...dates, null])],
    );
    expect(rows[0]!.ms).toEqual([...dates.map((d) => String(d.getTime())), null]);
  });

  it("sends an empty array as one with no dimensions", async () => {
    expect(await roundTrip("text", pgBinaryArray("text", []))).toEqual({ items: [], dims: null });
  });

  it("is refused by Postgres when the element type differs from the statement's cast", async () => {
    await expect(roundTrip("int8", pgBinaryArray("int4", [1]))).rejects.toThrow(/element type/);
  });

  it("refuses numbers that are no safe integer rather than sending a rounded one", () => {
    expect(() => pgBinaryArray("int8", [2 ** 53])).toThrow(RangeError);
    expect(() => pgBinaryArray("int8", [1.5])).toThrow(RangeError);
    expect(() => pgBinaryArray("timestamptz", [new Date(Number.NaN)])).toThrow(RangeError);
  });
});
