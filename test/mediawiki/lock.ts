/** The lock around the fixture's lifecycle: several test processes may call startWikis at once. */
import fs from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { WORK_DIR } from "./config";

const LOCK_DIR = path.join(WORK_DIR, ".lock");
let inProcess: Promise<unknown> = Promise.resolve();

/** Serializes lifecycle operations: in this process (promise queue) and across processes (lock dir). */
export function withLock<T>(fn: () => Promise<T>): Promise<T> {
  const run = inProcess.then(() => withDirLock(fn));
  inProcess = run.catch(() => undefined);
  return run;
}

async function withDirLock<T>(fn: () => Promise<T>): Promise<T> {
  fs.mkdirSync(WORK_DIR, { recursive: true });
  const deadline = Date.now() + 15 * 60_000;
  for (;;) {
    try {
      fs.mkdirSync(LOCK_DIR);
      fs.writeFileSync(path.join(LOCK_DIR, "owner"), String(process.pid));
      break;
    } catch (err: any) {
      if (err.code !== "EEXIST") throw err;
      let owner = 0;
      let age = 0;
      try {
        owner = Number(fs.readFileSync(path.join(LOCK_DIR, "owner"), "utf8").trim() || "0");
        age = Date.now() - fs.statSync(LOCK_DIR).mtimeMs;
      } catch {
        continue; // lock vanished meanwhile (or owner not written yet): retry
      }
      const stale = owner > 0 ? !isAlive(owner) || owner === process.pid : age > 5000;
      if (stale) {
        fs.rmSync(LOCK_DIR, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${LOCK_DIR} (held by pid ${owner})`);
      await sleep(300);
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(LOCK_DIR, { recursive: true, force: true });
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err: any) {
    return err.code === "EPERM";
  }
}
