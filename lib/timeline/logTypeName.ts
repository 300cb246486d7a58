/**
 * The log types whose names the `rows.logType` message knows (MediaWiki's own names, "Move log", "Registro de
 * traslados"): core's logs and those of extensions common on Wikimedia wikis. Any other type shows its internal
 * name.
 */
export const NAMED_LOG_TYPES = [
  "block",
  "contentmodel",
  "create",
  "delete",
  "import",
  "managetags",
  "merge",
  "move",
  "newusers",
  "patrol",
  "protect",
  "renameuser",
  "rights",
  "suppress",
  "tag",
  "upload",
] as const;

/**
 * The ICU values of `rows.logType` for a row's type label ("log: move/move_redir"): `log`, the type the message
 * selects a name by, and `name`, the internal name ("move/move_redir") shown for a type it has no name for.
 */
export function logTypeValues(typeLabel: string): { log: string; name: string } {
  const name = typeLabel.replace(/^log: /, "");
  const type = name.split("/")[0] ?? "";
  // ICU select keys are identifiers; anything else (never sent by MediaWiki) takes the `other` branch.
  return { log: /^[a-z]+$/.test(type) ? type : "other", name };
}
