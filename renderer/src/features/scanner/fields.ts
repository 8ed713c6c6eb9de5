// What a burst did to the focused field, undone or completed. React keeps a controlled input's value in its state:
// a value is set with the native setter and announced by an input event, so that React's onChange sees it.

type TextField = HTMLInputElement | HTMLTextAreaElement;

const TEXT_INPUTS = new Set(['text', 'search', 'password', 'email', 'tel', 'url', 'number', '']);

function textField(el: Element | null): TextField | null {
  if (el instanceof HTMLTextAreaElement) return el.readOnly || el.disabled ? null : el;
  if (el instanceof HTMLInputElement && TEXT_INPUTS.has(el.type)) return el.readOnly || el.disabled ? null : el;
  return null;
}

function setValue(el: TextField, value: string, caret: number | null): void {
  const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(el, value);
  el.dispatchEvent(new Event('input', { bubbles: true }));
  try {
    if (caret !== null) el.setSelectionRange(caret, caret);
  } catch {
    // An input type without a caret (number): the value is what matters.
  }
}

/** The focused field as it was before a burst's first key. */
export interface FieldSnapshot {
  field: TextField;
  value: string;
  caret: number | null;
}

export function snapshotOfFocus(): FieldSnapshot | null {
  const field = textField(document.activeElement);
  return field && { field, value: field.value, caret: field.selectionStart };
}

/** A scan: the keys that reached the field before it was recognised are taken back. */
export function restoreField(snapshot: FieldSnapshot | null): void {
  if (!snapshot?.field.isConnected || snapshot.field.value === snapshot.value) return;
  setValue(snapshot.field, snapshot.value, snapshot.caret);
}

/** Held keys of a burst that was typing after all: typed into the focused field, at the caret. */
export function typeIntoFocus(text: string): void {
  const field = textField(document.activeElement);
  if (!field || !text) return;
  // The browser's own typing (maxLength, undo); the setter where the command is refused.
  if (document.execCommand('insertText', false, text)) return;
  const start = field.selectionStart ?? field.value.length;
  const end = field.selectionEnd ?? start;
  setValue(field, field.value.slice(0, start) + text + field.value.slice(end), start + text.length);
}
