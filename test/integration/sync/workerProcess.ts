import { type ChildProcess, spawn } from "node:child_process";

/** A real `scripts/worker.ts` process on the test's database. */
export interface WorkerProcess {
  child: ChildProcess;
  output: string[];
  ready: Promise<void>;
  kill(signal: NodeJS.Signals): Promise<void>;
}

export function startWorkerProcess(env: Record<string, string>): WorkerProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], {
    cwd: process.cwd(),
    env: {
      ...process.env,
      WATCHDECK_ALLOW_PRIVATE_NETWORKS: "1",
      WATCHDECK_SYNC_SWEEP_SECONDS: "0.5",
      WATCHDECK_SYNC_BUSY_RETRY_SECONDS: "0.2",
      WATCHDECK_SYNC_RETRY_BASE_SECONDS: "0.5",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  let onReady: () => void = () => undefined;
  let onFail: (error: Error) => void = () => undefined;
  const ready = new Promise<void>((resolve, reject) => {
    onReady = resolve;
    onFail = reject;
  });
  const collect = (chunk: Buffer) => {
    const text = chunk.toString("utf8");
    output.push(text);
    if (text.includes("[worker] ready")) onReady();
  };
  child.stdout!.on("data", collect);
  child.stderr!.on("data", collect);
  child.once("exit", (code) => onFail(new Error(`worker exited (${code}) before it was ready:\n${output.join("")}`)));
  return {
    child,
    output,
    ready,
    kill(signal) {
      if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
      const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      child.kill(signal);
      return exited;
    },
  };
}

export async function waitFor<T>(
  probe: () => Promise<T | null | undefined | false>,
  what: string,
  timeoutMs = 60_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
