let zones: Set<string> | undefined;

/** The IANA zones this runtime knows, UTC first: what the account page offers. */
export function timeZoneChoices(): string[] {
  return ["UTC", ...Intl.supportedValuesOf("timeZone").filter((z) => z !== "UTC")];
}

export function isKnownTimeZone(zone: string): boolean {
  zones ??= new Set(timeZoneChoices());
  return zones.has(zone);
}
