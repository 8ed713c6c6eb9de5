import { useEffect } from 'react';
import { useLedger } from '../../store';

const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'wheel'] as const;

/** Tells the backend's idle lock that someone is at the keyboard (the store throttles the pings). */
export function useActivityPing(active: boolean): void {
  const touch = useLedger((s) => s.touch);
  useEffect(() => {
    if (!active) return;
    for (const type of ACTIVITY_EVENTS) window.addEventListener(type, touch, { capture: true, passive: true });
    return () => {
      for (const type of ACTIVITY_EVENTS) window.removeEventListener(type, touch, { capture: true });
    };
  }, [active, touch]);
}
