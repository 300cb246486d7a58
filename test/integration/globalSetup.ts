import type { TestProject } from "vitest/node";
import { startTestInfrastructure } from "@/test/support/testInfrastructure";

declare module "vitest" {
  export interface ProvidedContext {
    pgServerUrl: string;
    templateDatabase: string;
    mediawikiManifestPath: string;
  }
}

/**
 * Reuses what `npm test` started (passed in env), or starts Postgres and the MediaWiki
 * fixture itself when vitest is run directly.
 */
export default async function setup(project: TestProject) {
  const infra = await startTestInfrastructure((line) => console.log(`[test-infra] ${line}`));
  project.provide("pgServerUrl", infra.pgServerUrl);
  project.provide("templateDatabase", infra.templateDatabase);
  project.provide("mediawikiManifestPath", infra.mediawikiManifestPath);
  return () => infra.stop();
}
