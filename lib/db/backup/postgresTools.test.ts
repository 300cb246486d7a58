import { describe, expect, it } from "vitest";
import { describeDatabase, describeFound, libpqEnvironment, parseToolMajor } from "./postgresTools";

describe("PostgreSQL client tools", () => {
  it("reads the major version from --version output", () => {
    expect(parseToolMajor("pg_dump (PostgreSQL) 15.14 (Debian 15.14-0+deb12u1)\n")).toBe(15);
    expect(parseToolMajor("pg_restore (PostgreSQL) 18.4\n")).toBe(18);
    expect(parseToolMajor("something else 3.1")).toBeUndefined();
  });

  it("hands the connection to libpq through the environment, password included, with URL escapes undone", () => {
    expect(libpqEnvironment("postgresql://post%40gres:p%3Ass%2Fw@127.0.0.1:54329/watchdeck?sslmode=require")).toEqual({
      PGHOST: "127.0.0.1",
      PGPORT: "54329",
      PGDATABASE: "watchdeck",
      PGUSER: "post@gres",
      PGPASSWORD: "p:ss/w",
      PGSSLMODE: "require",
    });
    expect(libpqEnvironment("postgresql://postgres@localhost/app")).toEqual({
      PGHOST: "localhost",
      PGPORT: "5432",
      PGDATABASE: "app",
      PGUSER: "postgres",
    });
  });

  it("describes a database without its password", () => {
    const text = describeDatabase("postgresql://postgres:hunter2@db.example.org:6543/watchdeck");
    expect(text).toBe("database watchdeck on db.example.org:6543");
    expect(text).not.toContain("hunter2");
  });

  it("says which versions it found when none fits", () => {
    expect(describeFound("pg_dump", [])).toBe("no pg_dump was found");
    expect(describeFound("pg_dump", [{ path: "/usr/bin/pg_dump", major: 15 }])).toBe("found 15 at /usr/bin/pg_dump");
  });
});
