/**
 * Loads a value for a key, and loads it again every `intervalMs` while `again(value)` holds
 * (a run still going). Answers for an old key are ignored; polling stops on unmount.
 */
import { useEffect, useState } from 'react';
import type { Loaded } from './useLoaded.ts';

export function usePolled<T>(
  load: (key: string) => Promise<T>,
  key: string,
  again: (value: T) => boolean,
  intervalMs = 1000,
): Loaded<T> {
  const [state, setState] = useState<Loaded<T> & { key: string | null }>({
    key: null,
    value: null,
    error: null,
  });
  useEffect(() => {
    let current = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = () =>
      load(key).then(
        (value) => {
          if (!current) return;
          setState({ key, value, error: null });
          if (again(value)) timer = setTimeout(tick, intervalMs);
        },
        (err: unknown) =>
          current &&
          setState({
            key,
            value: null,
            error: err instanceof Error ? err.message : 'Could not load this item.',
          }),
      );
    void tick();
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [load, key, again, intervalMs]);
  return state.key === key ? state : { value: null, error: null };
}
