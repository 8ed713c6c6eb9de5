// Drafts on screen (the drafts slice): a form's unsaved values and a view's state that come back after a lock.
import { useCallback, useEffect, useRef } from 'react';
import type { FormInstance } from 'antd';
import { useLedger } from '../../store';

export interface DraftForm {
  /** For the Form's onValuesChange: records what the user typed. */
  onValuesChange(): void;
  /** Whether the form holds input not saved yet. */
  dirty: boolean;
  /** After a save or an explicit 放弃. */
  drop(): void;
  /** Closes the form through the 放弃 / 继续编辑 question when it holds unsaved input; resolves whether it closed. */
  leave(go: () => void): Promise<boolean>;
}

/**
 * Keeps an antd form's values as a draft under `key` while it is on screen: restores them when it mounts again
 * (after a lock), records every change by the user, and tells the navigation guard it is there.
 */
export function useDraftForm<V>(key: string, form: FormInstance<V>): DraftForm {
  const dirty = useLedger((s) => key in s.drafts);
  const keepDraft = useLedger((s) => s.keepDraft);
  const dropDraft = useLedger((s) => s.dropDraft);
  const showForm = useLedger((s) => s.showForm);
  const leave = useLedger((s) => s.leave);

  useEffect(() => {
    // Mounted after its fields registered their initial values, so the draft wins over them.
    const draft = useLedger.getState().drafts[key];
    if (draft) form.setFieldsValue(draft as Parameters<FormInstance<V>['setFieldsValue']>[0]);
    showForm(key, true);
    return () => showForm(key, false);
  }, [key, form, showForm]);

  return {
    onValuesChange: useCallback(() => keepDraft(key, form.getFieldsValue(true)), [key, form, keepDraft]),
    dirty,
    drop: useCallback(() => dropDraft(key), [key, dropDraft]),
    leave: useCallback((go: () => void) => leave(go, [key]), [key, leave]),
  };
}

/** A useState kept in the drafts slice under `key`: which dialog is open comes back after a lock, and is gone once the screen is left. */
export function useKeptState<T>(key: string, initial: T): [T, (value: T) => void] {
  const initialRef = useRef(initial);
  const value = useLedger((s) => (key in s.drafts ? (s.drafts[key] as T) : initialRef.current));
  const keepDraft = useLedger((s) => s.keepDraft);
  const dropDraft = useLedger((s) => s.dropDraft);
  const setValue = useCallback((next: T) => (Object.is(next, initialRef.current) ? dropDraft(key) : keepDraft(key, next)), [key, keepDraft, dropDraft]);
  return [value, setValue];
}
