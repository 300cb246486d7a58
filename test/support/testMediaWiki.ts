import { MANIFEST_PATH } from "@/test/mediawiki/config";
import { startWikisForRun } from "@/test/mediawiki/lifecycle";

// gamma shares a global account with alpha and beta (meta=globaluserinfo); delta is a wiki without CentralAuth;
// aleph is the right-to-left (Hebrew) wiki.
const TEST_WIKIS = ["alpha", "beta", "gamma", "delta", "aleph"];

/**
 * The real MediaWiki wikis the integration and browser tests run against (see test/mediawiki/README.md).
 * Wikis that were already running (a developer's, another run's) are reused and left running.
 */
export async function startMediaWikiForTests(
  log: (line: string) => void,
): Promise<{ manifestPath: string; stop(): Promise<void> }> {
  const { stop } = await startWikisForRun({ wikis: TEST_WIKIS, log: (m) => log(`mediawiki: ${m}`) });
  return { manifestPath: MANIFEST_PATH, stop };
}
