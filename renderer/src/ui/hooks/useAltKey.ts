import { useEffect, useRef } from 'react';

/**
 * A page's own access key, Alt+<letter> (e.g. Alt+N for a register's 新登记), from anywhere on the page but not from
 * inside a dialog, which has its own keys. `code` is the physical key (KeyboardEvent.code, 'KeyN'): Alt+N types
 * another character on some layouts.
 */
export function useAltKey(code: string, enabled: boolean, action: () => void): void {
  const latest = useRef(action);
  useEffect(() => {
    latest.current = action;
  });
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      const inDialog = e.target instanceof HTMLElement && !!e.target.closest('.ant-modal-wrap');
      if (e.altKey && !e.ctrlKey && !e.metaKey && e.code === code && !inDialog) {
        e.preventDefault();
        latest.current();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [code, enabled]);
}
