import { useEffect, useReducer } from 'react';

/** Whole seconds left until `deadline` (epoch ms), re-rendering every second until it passes. */
export function useSecondsUntil(deadline: number): number {
  const [ticks, tick] = useReducer((n: number) => n + 1, 0);
  // Read the clock while rendering so a new deadline shows the right number at once.
  const left = Math.max(0, Math.ceil((deadline - Date.now()) / 1000));
  useEffect(() => {
    if (left === 0) return;
    // Wake up when the displayed number changes, i.e. when the time left crosses a whole second.
    const timer = setTimeout(tick, (deadline - Date.now()) % 1000 || 1000);
    return () => clearTimeout(timer);
  }, [deadline, left, ticks]);
  return left;
}
