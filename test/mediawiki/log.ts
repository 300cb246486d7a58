/** Where the fixture's progress lines go: stderr unless WATCHDECK_MW_QUIET=1, or a caller's logger. */
let sink: (msg: string) => void = (msg) => {
  if (process.env.WATCHDECK_MW_QUIET !== "1") process.stderr.write(`[mediawiki] ${msg}\n`);
};

export function setFixtureLog(log: (msg: string) => void): void {
  sink = log;
}

export function fixtureLog(msg: string): void {
  sink(msg);
}
