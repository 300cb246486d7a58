// The Debian packages the tests need beyond npm's, installed before any test starts (as the MediaWiki
// fixture's install.sh does for MediaWiki and PHP): a missing one would otherwise surface as every
// browser test failing with "executable doesn't exist", with no word of what to install.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import type { Suite } from "./testPlan";

export interface SystemPackage {
  /** The Debian package to install. */
  debian: string;
  /** What the tests use it for, for the message. */
  purpose: string;
  suites: Suite[];
  present(): boolean;
}

function onPath(command: string): boolean {
  return (process.env.PATH ?? "").split(path.delimiter).some((dir) => dir && existsSync(path.join(dir, command)));
}

export const SYSTEM_PACKAGES: SystemPackage[] = [
  {
    debian: "chromium",
    purpose: "the browser the e2e tests drive",
    suites: ["e2e"],
    present: () => existsSync(process.env.WATCHDECK_CHROMIUM ?? "/usr/bin/chromium"),
  },
  {
    debian: "libxml2-utils",
    purpose: "xmllint, the feed tests' independent XML check",
    suites: ["unit", "integration"],
    present: () => onPath("xmllint"),
  },
];

export interface Installer {
  isRoot: boolean;
  /** True when sudo can run without asking for a password. */
  canSudo(): boolean;
  /** Runs a command with its output shown; true when it exited 0. */
  run(command: string, args: string[]): boolean;
}

export const systemInstaller: Installer = {
  isRoot: process.getuid?.() === 0,
  canSudo: () => onPath("sudo") && spawnSync("sudo", ["-n", "true"], { stdio: "ignore" }).status === 0,
  run: (command, args) =>
    spawnSync(command, args, {
      stdio: ["ignore", "inherit", "inherit"],
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    }).status === 0,
};

/**
 * Installs what the given suites lack, with apt as root or through sudo; otherwise, or when the install
 * leaves something missing, the one line to print before exiting with no test started.
 */
export function ensureSystemPackages(
  suites: Suite[],
  log: (line: string) => void,
  installer: Installer = systemInstaller,
  packages: SystemPackage[] = SYSTEM_PACKAGES,
): { ok: true } | { ok: false; message: string } {
  const missing = () => packages.filter((p) => p.suites.some((s) => suites.includes(s)) && !p.present());
  const needed = missing();
  if (needed.length === 0) return { ok: true };
  const names = needed.map((p) => p.debian);
  const why = needed.map((p) => `${p.debian} (${p.purpose})`).join(", ");
  const prefix = installer.isRoot ? [] : installer.canSudo() ? ["sudo", "-n"] : undefined;
  if (!prefix)
    return {
      ok: false,
      message: `the tests need Debian packages that are missing: ${why}. Install them (apt-get install ${names.join(" ")}) and run again.`,
    };
  log(`installing Debian packages the tests need: ${why}`);
  const apt = (args: string[]) =>
    prefix.length
      ? installer.run(prefix[0]!, [...prefix.slice(1), "apt-get", ...args])
      : installer.run("apt-get", args);
  apt(["update", "-qq"]);
  apt(["install", "-y", "-qq", "--no-install-recommends", ...names]);
  const still = missing();
  if (still.length)
    return {
      ok: false,
      message: `installing ${names.join(" ")} left these missing: ${still.map((p) => p.debian).join(", ")}. Install them and run again.`,
    };
  return { ok: true };
}
