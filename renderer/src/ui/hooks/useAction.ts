import { useCallback, useEffect, useState } from 'react';

/** Runs an async action and keeps what a form shows about it: busy while running, the last error. */
export function useAction<A extends unknown[]>(action: (...args: A) => Promise<void>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = useCallback(
    async (...args: A): Promise<boolean> => {
      setBusy(true);
      setError(null);
      try {
        await action(...args);
        return true;
      } catch (err) {
        setError(err);
        return false;
      } finally {
        setBusy(false);
      }
    },
    [action],
  );
  const clearError = useCallback(() => setError(null), []);
  return { run, busy, error, clearError };
}

/** useAction run once on mount: for a page's initial data. */
export function useLoad(load: () => Promise<void>) {
  const action = useAction(load);
  const { run } = action;
  useEffect(() => {
    void run();
  }, [run]);
  return action;
}
