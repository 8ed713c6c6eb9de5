import { useCallback, type KeyboardEvent } from 'react';

// Keyboard-first forms: the custodian registers dozens of items at a sitting without the mouse.
//  - Enter moves to the next field; Enter on the last field submits.
//  - Ctrl+Enter (or ⌘+Enter) submits from anywhere.
//  - Enter still does what a field needs it for: picking the highlighted suggestion, adding a typed tag,
//    finishing a Chinese input-method composition, a new line in a text area, pressing a button.

const FIELDS = 'input:not([type="hidden"]):not([type="file"]), textarea, button[role="switch"]';

/** The class of a tags field whose Enter on an empty box moves on (PeopleInput). */
export const NAMES_INPUT = 'names-input';

function visible(el: HTMLElement): boolean {
  return el.getClientRects().length > 0;
}

/** A radio or checkbox group is one stop: Enter leaves it, arrows and Space work inside it. */
function groupOf(el: Element): Element | null {
  return el.closest('.ant-radio-group, .ant-checkbox-group');
}

/** The stops in tab order as the user sees them: one per group, none for disabled or hidden fields. */
function stopsOf(container: HTMLElement): HTMLElement[] {
  const seen = new Set<Element>();
  const stops: HTMLElement[] = [];
  for (const el of container.querySelectorAll<HTMLElement>(FIELDS)) {
    if (el.tabIndex < 0 || (el as HTMLInputElement).disabled || !visible(el)) continue;
    const group = groupOf(el);
    if (group) {
      if (seen.has(group)) continue;
      seen.add(group);
      stops.push(group.querySelector<HTMLInputElement>('input:checked:not(:disabled)') ?? el);
    } else {
      stops.push(el);
    }
  }
  return stops;
}

/** Whether a select-like field wants this Enter for itself. */
function selectWantsEnter(input: HTMLInputElement): boolean {
  const select = input.closest('.ant-select');
  if (!select) return false;
  const open = input.getAttribute('aria-expanded') === 'true';
  if (select.classList.contains('ant-select-multiple')) {
    // Tags and multi-selects: Enter adds the typed text or picks the highlighted option. A list of names
    // (PeopleInput) offers suggestions on an empty box too: there an empty Enter moves on instead.
    if (select.classList.contains(NAMES_INPUT)) return input.value.trim() !== '';
    return input.value.trim() !== '' || (open && hasActiveOption(input));
  }
  if (select.classList.contains('ant-select-auto-complete')) {
    // Suggestions: Enter takes one only after the arrow keys highlighted it; otherwise what was typed stands.
    return open && hasActiveOption(input);
  }
  // A single select: Enter picks the highlighted option while its list is open.
  return open;
}

/** Where the cursor goes when a form opens: its first stop. */
export function firstStop(container: HTMLElement): HTMLElement | undefined {
  return stopsOf(container)[0];
}

function hasActiveOption(input: HTMLInputElement): boolean {
  const listId = input.getAttribute('aria-controls');
  const list = listId ? document.getElementById(listId) : null;
  const popup = list?.closest('.ant-select-dropdown') ?? null;
  return !!popup && !popup.classList.contains('ant-select-dropdown-hidden') && !!popup.querySelector('.ant-select-item-option-active');
}

/**
 * Returns the keydown handler (capture phase) for a form's container.
 * @param submit called for Ctrl+Enter and for Enter on the last field.
 */
export function useEnterNavigation(submit: () => void) {
  return useCallback(
    (e: KeyboardEvent<HTMLElement>) => {
      if (e.key !== 'Enter' || e.altKey || e.shiftKey || e.nativeEvent.isComposing || e.keyCode === 229) return;
      // A dialog opened from this form (a React portal: its keys pass here first) handles its own Enter.
      if (!e.currentTarget.contains(e.target as Node)) return;
      if (e.ctrlKey || e.metaKey) {
        e.preventDefault();
        e.stopPropagation();
        submit();
        return;
      }
      const target = e.target as HTMLElement;
      if (target instanceof HTMLTextAreaElement) return;
      if (target instanceof HTMLButtonElement && target.getAttribute('role') !== 'switch') return;
      if (target instanceof HTMLInputElement && selectWantsEnter(target)) return;
      const fields = stopsOf(e.currentTarget);
      const group = groupOf(target);
      const at = fields.findIndex((f) => f === target || f.contains(target) || (!!group && groupOf(f) === group));
      if (at < 0) return;
      e.preventDefault();
      e.stopPropagation();
      const next = fields[at + 1];
      if (next) {
        next.focus();
        if (next instanceof HTMLInputElement && !next.readOnly) next.select();
      } else {
        submit();
      }
    },
    [submit],
  );
}
