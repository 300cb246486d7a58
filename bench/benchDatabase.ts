import { createTestDatabase, startTestPostgres, type TestPostgres } from "@/test/support/testPostgres";

/** The bench's Postgres, started the way the tests start theirs (TEST_DATABASE_URL or embedded), one database per section. */
export interface BenchDatabase {
  fresh(name: string): Promise<string>;
  stop(): Promise<void>;
}

export async function startBenchDatabase(log: (line: string) => void): Promise<BenchDatabase> {
  const postgres: TestPostgres = await startTestPostgres(log);
  return {
    fresh: (name) => createTestDatabase(postgres.serverUrl, postgres.templateDatabase, `bench_${name}`),
    stop: () => postgres.stop(),
  };
}
