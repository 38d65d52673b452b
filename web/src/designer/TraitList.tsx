/** Persona traits as small labelled chips (text, not colour, carries the meaning). */
export function TraitList({ traits }: { traits: string[] }) {
  return (
    <ul className="chips" aria-label="Traits">
      {traits.map((t) => (
        <li key={t} className="chip">
          {t}
        </li>
      ))}
    </ul>
  );
}
