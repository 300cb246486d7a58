/**
 * CLI for the MediaWiki test fixture.
 *
 *   npx tsx test/mediawiki/cli.ts up [--wikis alpha,beta] [--extra N] [--base-port P] [--force]
 *   npx tsx test/mediawiki/cli.ts down [--wikis alpha]
 *   npx tsx test/mediawiki/cli.ts status
 *   npx tsx test/mediawiki/cli.ts manifest        (prints the manifest JSON)
 */
import { MANIFEST_PATH } from "./config";
import { startWikis, status, stopWikis } from "./lifecycle";
import { readManifest } from "./manifest";

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  if (i < 0) return undefined;
  return process.argv[i + 1];
}

async function main(): Promise<void> {
  const cmd = process.argv[2] ?? "status";
  const wikis = arg("--wikis")
    ?.split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  switch (cmd) {
    case "up": {
      const t0 = Date.now();
      const m = await startWikis({
        wikis,
        extraWikis: arg("--extra") ? Number(arg("--extra")) : undefined,
        basePort: arg("--base-port") ? Number(arg("--base-port")) : undefined,
        forceReseed: process.argv.includes("--force"),
      });
      for (const w of Object.values(m.wikis)) {
        console.log(
          `${w.key.padEnd(8)} ${w.running ? "up  " : "down"} ${w.apiUrl}  (${w.sitename}, ${w.lang}) rows(Alice, allrev)=${w.seed.counts.aliceAllrev}`,
        );
      }
      console.log(`manifest: ${MANIFEST_PATH}  (${Date.now() - t0} ms)`);
      break;
    }
    case "down":
      await stopWikis(wikis);
      break;
    case "status": {
      const s = await status();
      if (!s.length) console.log("no wikis built");
      for (const w of s) {
        console.log(
          `${w.key.padEnd(8)} ${w.running ? (w.healthy ? "up" : "UNHEALTHY") : "down"}\tport=${w.port}\tpid=${w.pid ?? "-"}\tseeded=${w.seededAt}`,
        );
      }
      break;
    }
    case "manifest":
      console.log(JSON.stringify(readManifest(), null, 2));
      break;
    default:
      console.error(
        "usage: cli.ts up [--wikis a,b] [--extra N] [--base-port P] [--force] | down [--wikis a] | status | manifest",
      );
      process.exit(2);
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exit(1);
});
