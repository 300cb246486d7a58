import { spawn } from "node:child_process";
import { BackupError } from "./BackupError";
import { type FoundTool, libpqEnvironment } from "./postgresTools";

/** pg_dump's custom format: one consistent snapshot of the whole database, compressed. */
export function runPgDump(tool: FoundTool, databaseUrl: string, file: string): Promise<void> {
  return runTool(tool, ["--format=custom", "--no-password", `--file=${file}`], databaseUrl);
}

/**
 * Into the same database or a fresh one: objects of the dump are dropped first when present,
 * ownership is left to whoever restores, and the whole restore is one transaction.
 */
export function runPgRestore(tool: FoundTool, databaseUrl: string, file: string): Promise<void> {
  const { PGDATABASE } = libpqEnvironment(databaseUrl);
  return runTool(
    tool,
    [
      "--clean",
      "--if-exists",
      "--no-owner",
      "--no-privileges",
      "--single-transaction",
      "--exit-on-error",
      "--no-password",
      `--dbname=${PGDATABASE}`,
      file,
    ],
    databaseUrl,
  );
}

function runTool(tool: FoundTool, args: string[], databaseUrl: string): Promise<void> {
  const connection = libpqEnvironment(databaseUrl);
  return new Promise((resolve, reject) => {
    const child = spawn(tool.path, args, {
      env: { ...process.env, ...connection },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    child.on("error", (error) => reject(new BackupError(`${tool.path} could not be run: ${error.message}`)));
    child.on("close", (code) => {
      if (code === 0) return resolve();
      reject(
        new BackupError(
          `${tool.path} failed (exit ${code}): ${redact(stderr.trim(), connection.PGPASSWORD) || "no message"}`,
        ),
      );
    });
  });
}

function redact(text: string, password: string | undefined): string {
  return password ? text.split(password).join("***") : text;
}
