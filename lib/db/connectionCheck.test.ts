import { describe, expect, it } from "vitest";
import { describeDatabaseUrl } from "./connectionCheck";

describe("describeDatabaseUrl", () => {
  it("names database, host and port but never the password", () => {
    const text = describeDatabaseUrl("postgresql://app:s3cret@db.internal:6543/watchdeck");
    expect(text).toBe('database "watchdeck" on db.internal:6543');
    expect(text).not.toContain("s3cret");
  });
  it("defaults the port and copes with garbage", () => {
    expect(describeDatabaseUrl("postgres://db/x")).toBe('database "x" on db:5432');
    expect(describeDatabaseUrl("::::")).toBe("the database in DATABASE_URL (the URL could not be parsed)");
  });
});
