import { describe, expect, it } from "vitest";
import { WebProcessesError, webProcessCount } from "./webProcesses";

describe("webProcessCount", () => {
  it("runs one process per core by default", () => {
    expect(webProcessCount({ env: undefined, dev: false, cores: 2 })).toBe(2);
    expect(webProcessCount({ env: "", dev: false, cores: 8 })).toBe(8);
  });

  it("takes WATCHDECK_WEB_PROCESSES when given", () => {
    expect(webProcessCount({ env: "3", dev: false, cores: 2 })).toBe(3);
    expect(webProcessCount({ env: " 1 ", dev: false, cores: 2 })).toBe(1);
  });

  it("runs one process in dev whatever the setting", () => {
    expect(webProcessCount({ env: "4", dev: true, cores: 2 })).toBe(1);
    expect(webProcessCount({ env: undefined, dev: true, cores: 8 })).toBe(1);
  });

  it("refuses a count that is not a whole number from 1 to 64", () => {
    for (const bad of ["0", "-1", "1.5", "two", "65"])
      expect(() => webProcessCount({ env: bad, dev: false, cores: 2 })).toThrow(WebProcessesError);
  });
});
