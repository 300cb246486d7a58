// Filled in once the MediaWiki fixture (e2e/mediawiki) exposes its start/stop API.
export async function startMediaWikiForTests(_log: (line: string) => void): Promise<{ manifestPath: string; stop(): Promise<void> }> {
  return { manifestPath: "", stop: async () => undefined };
}
