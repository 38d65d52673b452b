/** A description list of label → value pairs (values are plain text or small elements). */
import type { ReactNode } from 'react';

export function Facts({ items }: { items: Array<[string, ReactNode]> }) {
  return (
    <dl className="facts">
      {items.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** A bulleted list of strings, or a dash when empty. */
export function TextList({ items }: { items: string[] }) {
  if (items.length === 0) return <p className="hint">None.</p>;
  return (
    <ul>
      {items.map((item, i) => (
        <li key={i}>{item}</li>
      ))}
    </ul>
  );
}
