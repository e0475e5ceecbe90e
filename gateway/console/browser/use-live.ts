import { useEffect, useState } from 'react';
import { gql, subscribe, type ApiError } from './api.js';

/** A query's answer, reloaded when `deps` change; `reload` asks again. */
export function useQuery<T>(query: string, variables: Record<string, unknown>, deps: unknown[]) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let live = true;
    gql<T>(query, variables).then(
      (answer) => {
        if (!live) return;
        setData(answer);
        setError(null);
      },
      (failure: ApiError) => live && setError(failure),
    );
    return () => {
      live = false;
    };
    // The caller names what the query depends on (`deps`).
  }, [...deps, version]);
  return { data, error, setData, reload: () => setVersion((v) => v + 1) };
}

/** Follows a subscription while mounted (and `enabled`), handing each event to `onData`. */
export function useSubscription<T>(query: string, variables: Record<string, unknown>, deps: unknown[], onData: (data: T) => void, enabled = true) {
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    if (!enabled) return;
    setError(null);
    return subscribe<T>(query, variables, onData, setError);
    // The caller names what the subscription depends on (`deps`).
  }, [...deps, enabled]);
  return error;
}
