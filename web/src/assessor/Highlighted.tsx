/** Text with quoted passages marked; everything is rendered as text, never as HTML. */
import type { ReactNode } from 'react';

/** Splits `text` around each occurrence of the quotes and wraps matches in <mark>. */
export function Highlighted({ text, quotes }: { text: string; quotes: string[] }) {
  const wanted = quotes.filter((q) => q.length > 0);
  if (wanted.length === 0) return <>{text}</>;
  const parts: ReactNode[] = [];
  let rest = text;
  let key = 0;
  while (rest.length > 0) {
    let best: { at: number; q: string } | null = null;
    for (const q of wanted) {
      const at = rest.indexOf(q);
      if (at !== -1 && (!best || at < best.at)) best = { at, q };
    }
    if (!best) {
      parts.push(rest);
      break;
    }
    if (best.at > 0) parts.push(rest.slice(0, best.at));
    parts.push(<mark key={key++}>{best.q}</mark>);
    rest = rest.slice(best.at + best.q.length);
  }
  return <>{parts}</>;
}
