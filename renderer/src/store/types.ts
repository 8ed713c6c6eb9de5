import type { StateCreator } from 'zustand';
import type { SessionSlice } from './session';
import type { SettingsSlice } from './settings';
import type { AccountsSlice } from './accounts';
import type { AuditSlice } from './audit';
import type { UiSlice } from './ui';
import type { DocumentsSlice } from './documents';
import type { DevicesSlice } from './devices';
import type { TransferSlice } from './transfer';
import type { BackupSlice } from './backup';

export type LedgerState = SessionSlice & SettingsSlice & AccountsSlice & AuditSlice & DocumentsSlice & DevicesSlice & TransferSlice & BackupSlice & UiSlice;

/** A slice sees (and may call into) the whole store, but contributes only its own part. */
export type SliceCreator<T> = StateCreator<LedgerState, [], [], T>;
