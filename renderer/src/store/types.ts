import type { StateCreator } from 'zustand';
import type { SessionSlice } from './session';
import type { SettingsSlice } from './settings';
import type { AccountsSlice } from './accounts';
import type { AuditSlice } from './audit';
import type { UiSlice } from './ui';

export type LedgerState = SessionSlice & SettingsSlice & AccountsSlice & AuditSlice & UiSlice;

/** A slice sees (and may call into) the whole store, but contributes only its own part. */
export type SliceCreator<T> = StateCreator<LedgerState, [], [], T>;
