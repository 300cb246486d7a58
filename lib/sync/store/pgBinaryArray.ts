/**
 * A column of a poll as a one-dimensional Postgres array in the binary wire format (array_send), which
 * node-postgres sends as a binary parameter because it is a Buffer. Postgres then reads each element by its
 * length, where a text array literal ('{"a","b"}') is scanned character by character for quotes and
 * escapes, and timestamps arrive as numbers rather than text to parse. The element type must match the
 * parameter's cast in the statement ($2::text[] ↔ "text"), or Postgres refuses it.
 *
 * Kept over COPY after measuring it on 2026-12-07 (issue #26 7c): COPY … FROM STDIN BINARY (pg-copy-streams 7.0.0)
 * into a TEMP staging table (ON COMMIT DELETE ROWS), the same statements reading it, was slower in
 * `npm run bench -- ingest --runs=3` (medians, arrays vs COPY): write new changes 28,607 vs 20,981 changes/s,
 * Postgres CPU 29.9 vs 34.3 µs/change, node CPU 14.1 vs 16.6; end to end, one link, 22,031 vs 17,490 changes/s,
 * Postgres 38.9 vs 45.3, node 23.2 vs 25.4. Writing the rows to a table and reading them back costs Postgres more
 * than reading them from arrays; only storing again what is stored was a little faster by COPY (37,027 vs 34,251
 * changes/s), and several links at once were within the noise either way.
 */
export type PgElementType = "bool" | "int4" | "int8" | "text" | "timestamptz";

export type ElementOf<T extends PgElementType> = T extends "bool"
  ? boolean
  : T extends "text"
    ? string
    : T extends "timestamptz"
      ? Date
      : number;

const ELEMENT_OID: Record<PgElementType, number> = { bool: 16, int8: 20, int4: 23, text: 25, timestamptz: 1184 };
const FIXED_WIDTH: Record<Exclude<PgElementType, "text">, number> = { bool: 1, int4: 4, int8: 8, timestamptz: 8 };

// Postgres counts timestamps in microseconds from 2000-01-01 00:00 UTC.
const POSTGRES_EPOCH_MS = Date.UTC(2000, 0, 1);
const TWO_TO_32 = 2 ** 32;

export function pgBinaryArray<T extends PgElementType>(
  type: T,
  values: readonly (ElementOf<T> | null | undefined)[],
): Buffer {
  let size = 12;
  let hasNull = 0;
  if (values.length > 0) size += 8;
  for (const value of values) {
    size += 4;
    if (value === null || value === undefined) hasNull = 1;
    else
      size +=
        type === "text"
          ? Buffer.byteLength(value as string, "utf8")
          : FIXED_WIDTH[type as Exclude<PgElementType, "text">];
  }
  const out = Buffer.allocUnsafe(size);
  // An empty array has no dimensions.
  out.writeInt32BE(values.length > 0 ? 1 : 0, 0);
  out.writeInt32BE(hasNull, 4);
  out.writeInt32BE(ELEMENT_OID[type], 8);
  let at = 12;
  if (values.length > 0) {
    out.writeInt32BE(values.length, 12);
    out.writeInt32BE(1, 16);
    at = 20;
  }
  for (const value of values) {
    if (value === null || value === undefined) {
      at = out.writeInt32BE(-1, at);
      continue;
    }
    switch (type) {
      case "text": {
        const length = out.write(value as string, at + 4, "utf8");
        out.writeInt32BE(length, at);
        at += 4 + length;
        break;
      }
      case "bool":
        at = out.writeInt32BE(1, at);
        at = out.writeUInt8(value ? 1 : 0, at);
        break;
      case "int4":
        at = out.writeInt32BE(4, at);
        at = out.writeInt32BE(value as number, at);
        break;
      case "int8":
        at = out.writeInt32BE(8, at);
        at = writeInt64(out, checkedInteger(value as number), at);
        break;
      case "timestamptz":
        at = out.writeInt32BE(8, at);
        at = writeInt64(out, checkedInteger(((value as Date).getTime() - POSTGRES_EPOCH_MS) * 1000), at);
        break;
    }
  }
  return out;
}

function checkedInteger(value: number): number {
  if (!Number.isSafeInteger(value)) throw new RangeError(`not a safe integer for a Postgres int8: ${value}`);
  return value;
}

/** Big-endian two's complement of a safe integer, in two 32-bit halves (no BigInt per element). */
function writeInt64(out: Buffer, value: number, at: number): number {
  const high = Math.floor(value / TWO_TO_32);
  at = out.writeInt32BE(high, at);
  return out.writeUInt32BE(value - high * TWO_TO_32, at);
}
