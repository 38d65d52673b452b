/** Escaping for the XML and HTML reports: transcripts hold hostile text, so every value goes through here. */

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Control characters (other than tab, newline, return) and U+FFFE/FFFF are not allowed in XML. */
const XML_FORBIDDEN = (code: number): boolean =>
  (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) ||
  code === 0xfffe ||
  code === 0xffff;

/** Escapes text for an HTML/XML text node or a quoted attribute, and drops characters XML forbids. */
export function escapeMarkup(value: unknown): string {
  return [...String(value)]
    .filter((c) => !XML_FORBIDDEN(c.codePointAt(0) ?? 0))
    .join('')
    .replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}
