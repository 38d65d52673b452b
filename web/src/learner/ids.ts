/**
 * Client-generated ids for idempotent requests (start, message, event). The server dedupes on
 * them, so a retried request never stores anything twice.
 */

/** A fresh id like `msg-1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed`. */
export function newClientId(prefix: string): string {
  // randomUUID needs a secure context; plain http on a LAN address is not one.
  if (typeof crypto.randomUUID === 'function') return `${prefix}-${crypto.randomUUID()}`;
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `${prefix}-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
