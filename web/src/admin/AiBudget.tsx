/**
 * The organisation's monthly AI token budget: this month's usage and a field to set or clear
 * the cap. Learners' replies and gradings stop with a clear message once the budget is spent.
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { api, readJson } from '../api/client.ts';
import { parseBudgetField } from './budget-field.ts';

/** The budget view the API returns. */
export interface BudgetView {
  month: string;
  budget: number | null;
  inputTokens: number;
  cachedInputTokens: number;
  outputTokens: number;
  usedTokens: number;
  remainingTokens: number | null;
  exhausted: boolean;
}

const fmt = new Intl.NumberFormat('en-GB');

/** The AI budget form of the admin page. */
export function AiBudget() {
  const [view, setView] = useState<BudgetView | null>(null);
  const [field, setField] = useState('');
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const show = useCallback((v: BudgetView) => {
    setView(v);
    setField(v.budget === null ? '' : String(v.budget));
  }, []);
  useEffect(() => {
    void (async () => {
      try {
        show(await readJson<BudgetView>(await api.admin['llm-budget'].$get()));
      } catch (err) {
        setError(err instanceof Error ? err.message : 'Could not load the AI budget.');
      }
    })();
  }, [show]);

  async function save(e: FormEvent) {
    e.preventDefault();
    setStatus(null);
    setError(null);
    const parsed = parseBudgetField(field);
    if (!parsed) return setError('Enter a whole number of tokens above zero, or leave it empty.');
    try {
      show(await readJson<BudgetView>(await api.admin['llm-budget'].$put({ json: parsed })));
      setStatus(parsed.budget === null ? 'Budget removed: no monthly cap.' : 'Budget saved.');
    } catch (err) {
      setError(err instanceof Error ? err.message : 'Could not save the budget.');
    }
  }

  return (
    <form className="ai-budget" onSubmit={(e) => void save(e)}>
      <h2>AI budget</h2>
      {view && (
        <p>
          {view.month}: {fmt.format(view.usedTokens)} tokens used ({fmt.format(view.inputTokens)}{' '}
          in, of which {fmt.format(view.cachedInputTokens)} cached; {fmt.format(view.outputTokens)}{' '}
          out)
          {view.budget === null
            ? '. No monthly cap.'
            : ` of ${fmt.format(view.budget)}${view.exhausted ? ' — used up: replies and gradings that need the AI are paused.' : '.'}`}
        </p>
      )}
      <label htmlFor="ai-budget-tokens">Monthly token budget (empty for no cap)</label>
      <input
        id="ai-budget-tokens"
        inputMode="numeric"
        value={field}
        onChange={(e) => setField(e.target.value)}
      />
      <button type="submit">Save budget</button>
      <p role="status">{status}</p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </form>
  );
}
