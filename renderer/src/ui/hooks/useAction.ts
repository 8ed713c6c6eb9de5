import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * Runs an async action and keeps what a form shows about it: busy while running, the last error. A second run
 * while one is under way (Enter, then a click on 保存) is ignored: it resolves false and leaves the first one's
 * outcome, success or refusal, as what the form shows.
 */
export function useAction<A extends unknown[]>(action: (...args: A) => Promise<void>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const running = useRef(false);
  const run = useCallback(
    async (...args: A): Promise<boolean> => {
      if (running.current) return false;
      running.current = true;
      setBusy(true);
      setError(null);
      try {
        await action(...args);
        return true;
      } catch (err) {
        setError(err);
        return false;
      } finally {
        running.current = false;
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
