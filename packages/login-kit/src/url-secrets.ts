/**
 * A connection URL (Redis's) as it may be shown, and its password taken out
 * of a message that quotes it: what the serve commands print and what the
 * Redis stores put in their errors.
 *
 * @module
 */

/** `url` as it may be shown: its password replaced by `***`, or `invalid` when it is no URL at all. */
export function maskUrlPassword(url: string, invalid: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return invalid;
  }
  if (parsed.password !== '') parsed.password = '***';
  return parsed.href;
}

/** The password of `url`, as written and as decoded, for `scrubSecrets`. */
export function urlSecrets(url: string): string[] {
  try {
    const { password } = new URL(url);
    return password ? [...new Set([password, decodeURIComponent(password)])] : [];
  } catch {
    // Not a URL (or a password that does not decode): nothing to take out.
    return [];
  }
}

/** `message` with every one of `secrets` replaced by `***`. */
export function scrubSecrets(message: string, secrets: readonly string[]): string {
  return secrets.reduce((m, secret) => m.split(secret).join('***'), message);
}
