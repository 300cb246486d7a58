// `npx tsx bench/load/summariseCpuProfile.ts <file.cpuprofile>...`: self time per module and per function of a
// `node --cpu-prof` profile, as tables (npm run load prints the app server's when LOAD_CPU_PROF=1).
import { readFile } from "node:fs/promises";
import { formatTable } from "../table";
import { type CpuProfile, cpuProfileTables } from "./cpuProfileSummary";

async function main(files: string[]): Promise<void> {
  for (const file of files) {
    const profile = JSON.parse(await readFile(file, "utf8")) as CpuProfile;
    for (const table of cpuProfileTables(profile, file)) console.log(formatTable(table));
  }
}

void main(process.argv.slice(2));
