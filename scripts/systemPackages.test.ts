import { describe, expect, it } from "vitest";
import { ensureSystemPackages, type Installer, type SystemPackage } from "./systemPackages";

function fakeSystem(opts: { isRoot: boolean; canSudo: boolean; installWorks: boolean }) {
  const installed = new Set<string>();
  const commands: string[] = [];
  const installer: Installer = {
    isRoot: opts.isRoot,
    canSudo: () => opts.canSudo,
    run: (command, args) => {
      commands.push([command, ...args].join(" "));
      if (opts.installWorks && args.includes("install"))
        for (const name of args.filter((a) => !a.startsWith("-") && a !== "install" && a !== "apt-get"))
          installed.add(name);
      return true;
    },
  };
  const packages: SystemPackage[] = [
    { debian: "chromium", purpose: "the browser", suites: ["e2e"], present: () => installed.has("chromium") },
    {
      debian: "libxml2-utils",
      purpose: "xmllint",
      suites: ["unit", "integration"],
      present: () => installed.has("libxml2-utils"),
    },
  ];
  return { installer, packages, commands };
}
const quiet = () => {};

describe("ensureSystemPackages", () => {
  it("installs what the suites lack with apt as root", () => {
    const system = fakeSystem({ isRoot: true, canSudo: false, installWorks: true });
    expect(ensureSystemPackages(["e2e"], quiet, system.installer, system.packages)).toEqual({ ok: true });
    expect(system.commands).toEqual(["apt-get update -qq", "apt-get install -y -qq --no-install-recommends chromium"]);
  });

  it("installs through sudo when it runs without a password", () => {
    const system = fakeSystem({ isRoot: false, canSudo: true, installWorks: true });
    expect(ensureSystemPackages(["unit", "e2e"], quiet, system.installer, system.packages)).toEqual({ ok: true });
    expect(system.commands[1]).toBe("sudo -n apt-get install -y -qq --no-install-recommends chromium libxml2-utils");
  });

  it("otherwise names the packages and installs nothing", () => {
    const system = fakeSystem({ isRoot: false, canSudo: false, installWorks: true });
    const result = ensureSystemPackages(["e2e"], quiet, system.installer, system.packages);
    expect(result).toEqual({
      ok: false,
      message:
        "the tests need Debian packages that are missing: chromium (the browser). Install them (apt-get install chromium) and run again.",
    });
    expect(system.commands).toEqual([]);
  });

  it("fails when the install leaves a package missing, and asks for nothing a run does not need", () => {
    const broken = fakeSystem({ isRoot: true, canSudo: false, installWorks: false });
    expect(ensureSystemPackages(["unit"], quiet, broken.installer, broken.packages)).toMatchObject({ ok: false });
    const unitOnly = fakeSystem({ isRoot: false, canSudo: false, installWorks: false });
    unitOnly.packages[1]!.present = () => true;
    expect(ensureSystemPackages(["unit", "integration"], quiet, unitOnly.installer, unitOnly.packages)).toEqual({
      ok: true,
    });
  });
});
