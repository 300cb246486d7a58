/** The address an invitation secret is shared as. */
export function inviteUrl(baseUrl: string, secret: string): string {
  return `${baseUrl.replace(/\/+$/, "")}/teams/join/${secret}`;
}
