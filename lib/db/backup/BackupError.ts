/** A backup or restore that cannot go on; the message says what to do and never holds a password. */
export class BackupError extends Error {
  override name = "BackupError";
}
