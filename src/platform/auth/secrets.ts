/**
 * Secrets we hand out (API keys, webhook secrets, storage vouchers) are shown once, when created.
 * Whatever is kept afterwards for people to read (the notice log, lists) shows them masked.
 */

/** `••••` and the last 2 characters: enough to tell two apart, not enough to use one. */
export function maskSecret(secret: string): string {
  return `••••${secret.slice(-2)}`;
}

/** `text` with every occurrence of each secret (in any letter case) masked. */
export function maskSecrets(text: string, secrets: readonly string[]): string;
export function maskSecrets(text: string | null, secrets: readonly string[]): string | null;
export function maskSecrets(text: string | null, secrets: readonly string[]): string | null {
  if (text === null) return null;
  let out = text;
  for (const s of secrets) {
    // Short values would mask ordinary words; no secret we hand out is that short.
    if (s.length < 6) continue;
    out = out.replace(new RegExp(s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi'), maskSecret(s));
  }
  return out;
}
