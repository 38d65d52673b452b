/**
 * The knowledge base: a search box filtering the scenario's articles in the browser (each
 * settled search is logged as `kb_search` with the query) and articles that open in place
 * (logged as `kb_open`).
 */
import { useEffect, useRef, useState } from 'react';
import type { AttemptView } from './learner-api.ts';
import type { SystemLogger } from './SystemsPanel.tsx';

/** How long typing must pause before a search is logged. */
export const KB_SEARCH_DEBOUNCE_MS = 700;

type Article = AttemptView['systems']['knowledgeBase'][number];

/** Articles whose title, body or tags contain every word of the query. */
export function matchArticles(articles: Article[], query: string): Article[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return articles.filter((a) => {
    const haystack = `${a.title} ${a.body} ${a.tags.join(' ')}`.toLowerCase();
    return words.every((w) => haystack.includes(w));
  });
}

export function KnowledgeBasePanel({
  articles,
  open,
  log,
}: {
  articles: Article[];
  open: boolean;
  log: SystemLogger;
}) {
  const [query, setQuery] = useState('');
  const [expanded, setExpanded] = useState<string | null>(null);
  const lastLogged = useRef('');
  const shown = matchArticles(articles, query);

  useEffect(() => {
    const q = query.trim().slice(0, 200);
    if (!open || !q || q === lastLogged.current) return;
    const timer = setTimeout(() => {
      lastLogged.current = q;
      void log('kb_search', 'kb', q);
    }, KB_SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [query, open, log]);

  function toggle(id: string) {
    const opening = expanded !== id;
    setExpanded(opening ? id : null);
    if (opening && open) void log('kb_open', id);
  }

  return (
    <div>
      <label htmlFor="kb-search">Search articles</label>
      <input
        id="kb-search"
        type="search"
        value={query}
        maxLength={200}
        onChange={(e) => setQuery(e.target.value)}
      />
      <p className="hint" aria-live="polite">
        {shown.length === 1 ? '1 article' : `${shown.length} articles`} of {articles.length}.
      </p>
      <ul className="kb-list">
        {shown.map((a) => (
          <li key={a.id}>
            <button
              type="button"
              className="link-button"
              aria-expanded={expanded === a.id}
              aria-controls={`kb-${a.id}`}
              onClick={() => toggle(a.id)}
            >
              {a.title}
            </button>
            <div id={`kb-${a.id}`} hidden={expanded !== a.id} className="kb-body prose">
              {a.body}
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
