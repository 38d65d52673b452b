/** Reading the admin page's monthly token budget field. */

/**
 * Parses the field: empty means no cap; digits (spaces, commas and underscores as thousands
 * separators allowed) give a positive whole number; anything else is null (not valid).
 */
export function parseBudgetField(text: string): { budget: number | null } | null {
  const t = text.replace(/[\s,_]/g, '');
  if (t === '') return { budget: null };
  if (!/^\d+$/.test(t)) return null;
  const n = Number(t);
  return Number.isSafeInteger(n) && n > 0 ? { budget: n } : null;
}
