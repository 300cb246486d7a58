import { describe, expect, it } from "vitest";
import { missingExtensionsMessage } from "./requiredExtensions";

describe("missingExtensionsMessage", () => {
  it("says nothing when the server offers pg_trgm", () => {
    expect(missingExtensionsMessage(["plpgsql", "pg_trgm"], 'database "w" on db:5432')).toBeNull();
  });

  it("names the missing extension, the server and how to install it", () => {
    const message = missingExtensionsMessage(["plpgsql"], 'database "w" on db:5432');
    expect(message).toContain('Cannot use database "w" on db:5432');
    expect(message).toContain("extension pg_trgm is not installed");
    expect(message).toContain("apt install postgresql-contrib");
  });
});
