// Keyboard-first: a screen just shown puts the cursor on its first field, so typing starts at once and focus never
// falls to the page body. A page without a field gets its heading focused instead (Tab goes on from there).
import { firstStop } from './hooks/useEnterNavigation';

const HEADINGS = 'h1, h2, h3, h4, h5, .ant-card-head-title';
/** Pages draw their fields after their data comes: look again for this long before settling for the heading. */
const WAIT_MS = 600;

function shown(el: HTMLElement): boolean {
  return el.getClientRects().length > 0;
}

/** The first stop Enter would go through (a form's own order), unless it is a row selector inside a table. */
function firstField(container: HTMLElement): HTMLElement | undefined {
  const stop = firstStop(container);
  return stop && !stop.closest('.ant-table') ? stop : undefined;
}

/** Whether the user (or the page itself, with autoFocus) already put the cursor somewhere that counts. */
function placed(container: HTMLElement): boolean {
  const active = document.activeElement;
  return (
    !!active && active !== document.body && (container.contains(active) || !!active.closest('.ant-modal-wrap, .ant-select-dropdown, .ant-picker-dropdown'))
  );
}

/** Focuses the container's first field (or its heading) once the page has drawn it; returns the cancel. */
export function focusFirstField(container: HTMLElement): () => void {
  const until = performance.now() + WAIT_MS;
  let frame = 0;
  const attempt = () => {
    if (placed(container)) return;
    const field = firstField(container);
    if (field) {
      field.focus();
      return;
    }
    if (performance.now() < until) {
      frame = requestAnimationFrame(attempt);
      return;
    }
    const heading = [...container.querySelectorAll<HTMLElement>(HEADINGS)].find(shown);
    if (heading) {
      // A heading is no Tab stop; -1 lets it hold the focus without adding one.
      if (!heading.hasAttribute('tabindex')) heading.tabIndex = -1;
      heading.focus();
    }
  };
  frame = requestAnimationFrame(attempt);
  return () => cancelAnimationFrame(frame);
}
