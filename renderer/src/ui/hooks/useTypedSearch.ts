// A search asked as it is typed. Every change of the text asks at once: the backend answers a register page in tens
// of milliseconds, where a pause after the last key (300 ms it was) was most of what a custodian waited. Only the
// newest question's answer may be shown (the store drops older answers), and its busy state and refusal are what
// the screen shows. An input method's composition (pinyin not yet turned into characters) asks nothing until it ends.
import { useCallback, useRef, useState, type CompositionEvent } from 'react';

/** Asks `ask` with the typed text, except while an input method is composing it; asks once with what it made. */
export function useTypedSearch(ask: (text: string) => void) {
  const composing = useRef(false);
  return {
    typed(text: string) {
      if (!composing.current) ask(text);
    },
    /** On the field or on any element around it (composition events bubble). */
    composition: {
      onCompositionStart() {
        composing.current = true;
      },
      onCompositionEnd(e: CompositionEvent<HTMLElement>) {
        composing.current = false;
        ask((e.target as HTMLInputElement).value);
      },
    },
  };
}

/**
 * Runs an action per question, the newest one winning: busy until the newest has its answer, and only its refusal
 * shown. (useAction keeps the first run instead: a second run while one is under way is ignored.) The action itself
 * must drop an older answer that comes after a newer one.
 */
export function useNewest<A extends unknown[]>(action: (...args: A) => Promise<void>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const newest = useRef(0);
  const ask = useCallback(
    async (...args: A): Promise<void> => {
      const mine = ++newest.current;
      setBusy(true);
      setError(null);
      try {
        await action(...args);
      } catch (err) {
        if (mine === newest.current) setError(err);
      } finally {
        if (mine === newest.current) setBusy(false);
      }
    },
    [action],
  );
  return { ask, busy, error };
}
