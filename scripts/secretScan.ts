/** A secret the test run handed out, by what it is (the label is safe to print, the value never). */
export interface KnownSecret {
  label: string;
  value: string;
}

export interface SecretFinding {
  label: string;
  file: string;
  line: number;
}

// MediaWiki session cookies (`<prefix>_session`, `<prefix>_BPsession`) and next-auth's session token.
const COOKIE_PATTERN = /([A-Za-z0-9._-]*(?:_session|_BPsession|session-token))=([A-Za-z0-9._%-]{16,})/g;

/** Where each known secret, or any session cookie value, appears in a log. Secrets under 8 characters are not searched. */
export function scanForSecrets(text: string, file: string, secrets: KnownSecret[]): SecretFinding[] {
  const searched = secrets.filter((s) => s.value.length >= 8);
  const findings: SecretFinding[] = [];
  text.split("\n").forEach((content, index) => {
    for (const secret of searched) {
      if (content.includes(secret.value)) findings.push({ label: secret.label, file, line: index + 1 });
    }
    for (const match of content.matchAll(COOKIE_PATTERN)) {
      findings.push({ label: `a session cookie value (${match[1]})`, file, line: index + 1 });
    }
  });
  return findings;
}

/** Reads `label<TAB>value` lines, as recordTestSecret writes them. */
export function parseSecretList(text: string): KnownSecret[] {
  return text
    .split("\n")
    .filter((line) => line.includes("\t"))
    .map((line) => {
      const tab = line.indexOf("\t");
      return { label: line.slice(0, tab), value: line.slice(tab + 1) };
    });
}
