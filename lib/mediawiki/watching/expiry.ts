/** The wiki's answer: "infinity" (or none) means the watch does not expire. */
export function expiryFromWiki(value: string | undefined): Date | null {
  if (!value || value === "infinity" || value === "infinite") return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}
