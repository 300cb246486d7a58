export function FormMessage({ ok, message }: { ok: boolean; message?: string }) {
  if (!message) return null;
  return ok ? (
    <p className="notice" role="status">
      {message}
    </p>
  ) : (
    <p className="error" role="alert">
      {message}
    </p>
  );
}
