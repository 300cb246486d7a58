/** The fixture's work dir: each wiki's folder and the files in it, and its state.json. */
import fs from "node:fs";
import path from "node:path";
import { WORK_DIR } from "./config";
import type { SeedResult } from "./seed";

/** What a build left in `<wiki>/state.json`: whether it is complete, for which seed, on which port. */
export interface WikiState {
  fixtureVersion: number;
  planHash: string;
  complete: boolean;
  port: number;
  seededAt: string;
  buildMs?: number;
  seed?: SeedResult;
  siteinfo?: { articlePath: string; mwVersion: string; namespaces: Record<string, string> };
}

export function wikiDir(key: string): string {
  return path.join(WORK_DIR, key);
}
export const statePath = (key: string) => path.join(wikiDir(key), "state.json");
export const pidPath = (key: string) => path.join(wikiDir(key), "server.pid");
export const logPath = (key: string) => path.join(wikiDir(key), "server.log");
export const settingsPath = (key: string) => path.join(wikiDir(key), "LocalSettings.php");
export const botPasswordOverridesPath = (key: string) => path.join(wikiDir(key), "botpasswords.json");

export function readJson<T>(file: string): T | null {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as T;
  } catch {
    return null;
  }
}

export function writeJsonAtomic(file: string, data: unknown): void {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, `${JSON.stringify(data, null, 2)}\n`);
  fs.renameSync(tmp, file);
}

export function readState(key: string): WikiState | null {
  return readJson<WikiState>(statePath(key));
}
