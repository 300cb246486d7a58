import { get_dmmf } from "@prisma/prisma-schema-wasm";
import pg from "pg";

/**
 * Compares what schema.prisma declares (read through Prisma's own schema parser, the
 * wasm build the CLI uses) with what a migrated Postgres database actually has: tables,
 * columns, types, nullability, defaults, primary keys, unique and plain indexes, foreign
 * keys and enums. Returns human-readable differences; none means they agree.
 */

interface DmmfField {
  name: string;
  dbName?: string | null;
  kind: "scalar" | "object" | "enum" | "unsupported";
  isList: boolean;
  isRequired: boolean;
  isUpdatedAt: boolean;
  type: string;
  nativeType?: [string, string[]] | null;
  default?: unknown;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
}
interface DmmfModel {
  name: string;
  dbName: string | null;
  fields: DmmfField[];
}
interface DmmfIndex {
  model: string;
  type: "id" | "unique" | "normal" | "fulltext";
  fields: { name: string }[];
}
interface DmmfEnum {
  name: string;
  dbName?: string | null;
  values: { name: string; dbName?: string | null }[];
}
interface Dmmf {
  datamodel: { models: DmmfModel[]; enums: DmmfEnum[]; indexes: DmmfIndex[] };
}

export interface SchemaShape {
  columns: Set<string>;
  indexes: Set<string>;
  foreignKeys: Set<string>;
  enums: Set<string>;
}

const CLIENT_SIDE_DEFAULTS = new Set(["uuid", "cuid", "nanoid", "ulid"]);

function scalarType(field: DmmfField, enumDbName: (name: string) => string): string {
  const [native, args = []] = field.nativeType ?? [];
  const withArgs = (base: string) => (args.length ? `${base}(${args.join(",")})` : base);
  let type: string;
  if (field.kind === "enum") type = enumDbName(field.type);
  else if (native) {
    const natives: Record<string, string> = {
      Uuid: "uuid",
      Text: "text",
      Inet: "inet",
      Citext: "citext",
      Xml: "xml",
      Money: "money",
      SmallInt: "smallint",
      Integer: "integer",
      BigInt: "bigint",
      Real: "real",
      DoublePrecision: "double precision",
      Boolean: "boolean",
      Date: "date",
      Json: "json",
      JsonB: "jsonb",
      ByteA: "bytea",
      Oid: "oid",
    };
    const timed: Record<string, [string, string]> = {
      Timestamptz: ["timestamp", " with time zone"],
      Timestamp: ["timestamp", " without time zone"],
      Timetz: ["time", " with time zone"],
      Time: ["time", " without time zone"],
    };
    if (timed[native]) type = `${withArgs(timed[native][0])}${timed[native][1]}`;
    else if (native === "VarChar") type = withArgs("character varying");
    else if (native === "Char") type = withArgs("character");
    else if (native === "Decimal") type = withArgs("numeric");
    else type = natives[native] ?? native.toLowerCase();
  } else {
    const defaults: Record<string, string> = {
      String: "text",
      Int: "integer",
      BigInt: "bigint",
      Float: "double precision",
      Decimal: "numeric(65,30)",
      Boolean: "boolean",
      DateTime: "timestamp(3) without time zone",
      Json: "jsonb",
      Bytes: "bytea",
    };
    type = defaults[field.type] ?? `unknown:${field.type}`;
  }
  return field.isList ? `${type}[]` : type;
}

function hasDatabaseDefault(field: DmmfField): boolean {
  const d = field.default as { name?: string } | undefined;
  if (d === undefined) return false;
  if (typeof d === "object" && d !== null && "name" in d) return !CLIENT_SIDE_DEFAULTS.has(String(d.name));
  return true;
}

export function expectedShape(prismaSchema: string): SchemaShape {
  const dmmf = JSON.parse(get_dmmf(JSON.stringify({ prismaSchema: [["schema.prisma", prismaSchema]] }))) as Dmmf;
  const { models, enums, indexes } = dmmf.datamodel;
  const enumDbName = (name: string) => {
    const e = enums.find((x) => x.name === name);
    return `"${e?.dbName ?? name}"`.replace(/^"([a-z_][a-z0-9_]*)"$/, "$1");
  };
  const table = (m: DmmfModel) => m.dbName ?? m.name;
  const column = (m: DmmfModel, fieldName: string) => {
    const f = m.fields.find((x) => x.name === fieldName);
    return f?.dbName ?? fieldName;
  };
  const byName = new Map(models.map((m) => [m.name, m]));
  const shape: SchemaShape = { columns: new Set(), indexes: new Set(), foreignKeys: new Set(), enums: new Set() };

  for (const model of models) {
    for (const field of model.fields) {
      if (field.kind === "object") {
        if (field.relationFromFields?.length) {
          const target = byName.get(field.type)!;
          const required = field.relationFromFields.every((n) => model.fields.find((f) => f.name === n)?.isRequired);
          const onDelete = field.relationOnDelete ?? (required ? "Restrict" : "SetNull");
          shape.foreignKeys.add(
            `${table(model)}(${field.relationFromFields.map((n) => column(model, n)).join(",")}) -> ` +
              `${table(target)}(${(field.relationToFields ?? []).map((n) => column(target, n)).join(",")}) on delete ${onDelete}`,
          );
        }
        continue;
      }
      const nullable = field.isRequired ? "not null" : "null";
      const dflt = hasDatabaseDefault(field) ? "default" : "no default";
      shape.columns.add(
        `${table(model)}.${field.dbName ?? field.name}: ${scalarType(field, enumDbName)} ${nullable} ${dflt}`,
      );
    }
  }
  for (const index of indexes) {
    const model = byName.get(index.model)!;
    const kind = index.type === "id" ? "primary key" : index.type === "unique" ? "unique" : "index";
    shape.indexes.add(`${table(model)} ${kind} (${index.fields.map((f) => column(model, f.name)).join(",")})`);
  }
  for (const e of enums) {
    shape.enums.add(`${e.dbName ?? e.name} {${e.values.map((v) => v.dbName ?? v.name).join(",")}}`);
  }
  return shape;
}

const ON_DELETE: Record<string, string> = { a: "NoAction", r: "Restrict", c: "Cascade", n: "SetNull", d: "SetDefault" };

export async function actualShape(databaseUrl: string): Promise<SchemaShape> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const shape: SchemaShape = { columns: new Set(), indexes: new Set(), foreignKeys: new Set(), enums: new Set() };
    const columns = await client.query<{
      tbl: string;
      col: string;
      type: string;
      notnull: boolean;
      hasdefault: boolean;
    }>(`
      SELECT c.relname::text AS tbl, a.attname::text AS col, format_type(a.atttypid, a.atttypmod) AS type,
             a.attnotnull AS notnull, a.atthasdef AS hasdefault
      FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
        AND c.relname <> '_prisma_migrations'`);
    for (const r of columns.rows) {
      shape.columns.add(
        `${r.tbl}.${r.col}: ${r.type} ${r.notnull ? "not null" : "null"} ${r.hasdefault ? "default" : "no default"}`,
      );
    }
    const indexes = await client.query<{ tbl: string; primary: boolean; unique: boolean; cols: string[] }>(`
      SELECT t.relname AS tbl, i.indisprimary AS primary, i.indisunique AS unique,
             array(SELECT a.attname FROM unnest(i.indkey) WITH ORDINALITY k(attnum, ord)
                   JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum ORDER BY k.ord)::text[] AS cols
      FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE n.nspname = 'public' AND t.relname <> '_prisma_migrations'`);
    for (const r of indexes.rows) {
      const kind = r.primary ? "primary key" : r.unique ? "unique" : "index";
      shape.indexes.add(`${r.tbl} ${kind} (${r.cols.join(",")})`);
    }
    const fks = await client.query<{ tbl: string; cols: string[]; ref: string; refcols: string[]; del: string }>(`
      SELECT t.relname AS tbl, rt.relname AS ref, con.confdeltype AS del,
             array(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY k(attnum, ord)
                   JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum ORDER BY k.ord)::text[] AS cols,
             array(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY k(attnum, ord)
                   JOIN pg_attribute a ON a.attrelid = rt.oid AND a.attnum = k.attnum ORDER BY k.ord)::text[] AS refcols
      FROM pg_constraint con JOIN pg_class t ON t.oid = con.conrelid JOIN pg_class rt ON rt.oid = con.confrelid
      JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE con.contype = 'f' AND n.nspname = 'public'`);
    for (const r of fks.rows) {
      shape.foreignKeys.add(
        `${r.tbl}(${r.cols.join(",")}) -> ${r.ref}(${r.refcols.join(",")}) on delete ${ON_DELETE[r.del]}`,
      );
    }
    const enums = await client.query<{ name: string; values: string[] }>(`
      SELECT t.typname AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS values
      FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = 'public' GROUP BY t.typname`);
    for (const r of enums.rows) shape.enums.add(`${r.name} {${r.values.join(",")}}`);
    return shape;
  } finally {
    await client.end();
  }
}

export function shapeDifferences(expected: SchemaShape, actual: SchemaShape): string[] {
  const differences: string[] = [];
  for (const key of ["columns", "indexes", "foreignKeys", "enums"] as const) {
    for (const item of expected[key])
      if (!actual[key].has(item)) differences.push(`schema.prisma has, database lacks: ${item}`);
    for (const item of actual[key])
      if (!expected[key].has(item)) differences.push(`database has, schema.prisma lacks: ${item}`);
  }
  return differences.sort();
}
