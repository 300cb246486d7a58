/** A time as the same text on the server and in the browser, whatever their time zones. */
export function utcMinute(iso: string): string {
  return `${iso.slice(0, 16).replace("T", " ")} UTC`;
}
