import { startMediaWikiForTests } from "./testMediaWiki";
import { startTestPostgres } from "./testPostgres";

export interface TestInfrastructure {
  pgServerUrl: string;
  templateDatabase: string;
  mediawikiManifestPath: string;
  /** Environment that hands this infrastructure to child processes (vitest, Playwright, the app). */
  env: Record<string, string>;
  stop(): Promise<void>;
}

const ENV_PG = "WATCHDECK_TEST_PG_SERVER_URL";
const ENV_TEMPLATE = "WATCHDECK_TEST_TEMPLATE_DB";
const ENV_MANIFEST = "WATCHDECK_TEST_MW_MANIFEST";

/** Starts Postgres and the MediaWiki wikis once per test run; reuses them when a parent process already did. */
export async function startTestInfrastructure(log: (line: string) => void): Promise<TestInfrastructure> {
  const inherited = process.env[ENV_PG] && process.env[ENV_TEMPLATE] && process.env[ENV_MANIFEST];
  if (inherited) {
    return infrastructure(
      process.env[ENV_PG]!,
      process.env[ENV_TEMPLATE]!,
      process.env[ENV_MANIFEST]!,
      async () => undefined,
    );
  }
  const [postgres, mediawiki] = await Promise.all([startTestPostgres(log), startMediaWikiForTests(log)]);
  return infrastructure(postgres.serverUrl, postgres.templateDatabase, mediawiki.manifestPath, async () => {
    await Promise.all([postgres.stop(), mediawiki.stop()]);
  });
}

function infrastructure(
  pgServerUrl: string,
  templateDatabase: string,
  manifestPath: string,
  stop: () => Promise<void>,
): TestInfrastructure {
  return {
    pgServerUrl,
    templateDatabase,
    mediawikiManifestPath: manifestPath,
    env: { [ENV_PG]: pgServerUrl, [ENV_TEMPLATE]: templateDatabase, [ENV_MANIFEST]: manifestPath },
    stop,
  };
}
