/** Loads one item by id with a stable loader function, tracking loading and error states. */
import { useEffect, useState } from 'react';

/** The state of a load: the value, or an error message, or neither while loading. */
export interface Loaded<T> {
  value: T | null;
  error: string | null;
}

/** Calls `load(id)` whenever `id` changes; ignores answers for an id no longer wanted. */
export function useLoaded<T>(load: (id: string) => Promise<T>, id: string): Loaded<T> {
  const [state, setState] = useState<Loaded<T> & { id: string | null }>({
    id: null,
    value: null,
    error: null,
  });
  useEffect(() => {
    let current = true;
    load(id).then(
      (value) => current && setState({ id, value, error: null }),
      (err: unknown) =>
        current &&
        setState({
          id,
          value: null,
          error: err instanceof Error ? err.message : 'Could not load this item.',
        }),
    );
    return () => {
      current = false;
    };
  }, [load, id]);
  return state.id === id ? state : { value: null, error: null };
}
