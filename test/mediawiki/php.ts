/** Running PHP for a wiki: MediaWiki's maintenance scripts and the fixture's own tool (php/watchdeckTool.php). */
import { execFile, spawnSync } from "node:child_process";
import path from "node:path";
import { recordTestSecret } from "../support/testSecrets";
import { FIXTURE_DIR, MW_DIR, PHP_BIN, TOOL_SCRIPT } from "./config";
import { settingsPath } from "./workDir";

export function phpEnv(key: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    MW_INSTALL_PATH: MW_DIR,
    MW_CONFIG_FILE: settingsPath(key),
  };
}

/** Run a PHP script (maintenance or fixture tool) for one wiki. */
export function runPhp(
  key: string | null,
  args: string[],
  opts: { input?: string; timeoutMs?: number } = {},
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      PHP_BIN,
      args,
      {
        cwd: MW_DIR,
        env: key ? phpEnv(key) : { ...process.env, MW_INSTALL_PATH: MW_DIR },
        timeout: opts.timeoutMs ?? 300_000,
        maxBuffer: 64 * 1024 * 1024,
      },
      (err, stdout, stderr) => {
        if (err) {
          reject(new Error(`php ${args.join(" ")} failed: ${err.message}\n${stdout}\n${stderr}`.trim()));
        } else resolve(stdout);
      },
    );
    if (opts.input !== undefined) child.stdin?.end(opts.input);
  });
}

export function maint(script: string): string {
  return path.join(MW_DIR, "maintenance", script);
}

/** Run the fixture's PHP tool (php/watchdeckTool.php) with a list of ops. */
export async function runTool(key: string, ops: object[]): Promise<unknown[]> {
  for (const op of ops as Array<Record<string, unknown>>) {
    if (op.op === "setBotPassword" && typeof op.password === "string")
      recordTestSecret(`bot password ${op.user}@${op.appId} on ${key}`, op.password);
    if (op.op === "setOption" && op.option === "watchlisttoken" && typeof op.value === "string")
      recordTestSecret(`watchlist token of ${op.user} on ${key}`, op.value);
  }
  const out = await runPhp(key, [TOOL_SCRIPT, "--ops", "-"], { input: JSON.stringify(ops) });
  const line = out.trim().split("\n").pop() ?? "";
  return (JSON.parse(line) as { results: unknown[] }).results;
}

/** Drain the wiki's job queue (categorize changes, link updates, ...). */
export async function runJobs(key: string): Promise<void> {
  await runPhp(key, [maint("runJobs.php"), "--quiet"]);
}

/** Runs install.sh (a quick no-op when MediaWiki + PHP are present). */
export function ensureInstalled(): void {
  const script = path.join(FIXTURE_DIR, "install.sh");
  const r = spawnSync("bash", [script], { stdio: ["ignore", "inherit", "inherit"] });
  if (r.status !== 0) throw new Error(`${script} failed (exit ${r.status})`);
}
