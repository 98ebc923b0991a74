/**
 * Secrets we hand out (API keys, webhook secrets, storage vouchers) are shown once, when created.
 * Whatever is kept afterwards for people to read (the notice log, lists) shows them masked.
 */

/** `••••` and the last 2 characters: enough to tell two apart, not enough to use one. */
export function maskSecret(secret: string): string {
  return `••••${secret.slice(-2)}`;
}

/**
 * A secret among a message's variables (a voucher in a notice): the one reader that must see it
 * asks `reveal()`; printed, interpolated or serialised it is its mask, so whatever forgets to
 * reveal it shows the mask, never the secret.
 */
export class Secret {
  readonly #value: string;
  constructor(value: string) {
    this.#value = value;
  }
  reveal(): string {
    return this.#value;
  }
  toString(): string {
    return maskSecret(this.#value);
  }
  toJSON(): string {
    return maskSecret(this.#value);
  }
}

/**
 * `data` with every `Secret` in it (in plain objects and arrays, at any depth) replaced by
 * `show(secret)`: its value for the message sent, its mask for the log. Whatever a template then
 * does to the value (lower-cases it, spaces it out), the log's rendering never had it.
 */
export function withSecretsAs(data: unknown, show: (s: Secret) => string): unknown {
  if (data instanceof Secret) return show(data);
  if (Array.isArray(data)) return data.map((v) => withSecretsAs(v, show));
  if (data !== null && typeof data === 'object' && [Object.prototype, null].includes(Object.getPrototypeOf(data))) {
    return Object.fromEntries(Object.entries(data).map(([k, v]) => [k, withSecretsAs(v, show)]));
  }
  return data;
}
