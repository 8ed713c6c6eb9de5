import type { StoreApi } from 'zustand';
import type { SessionSlice } from '../features/session/store';
import type { SettingsSlice } from '../features/settings/store';
import type { AccountsSlice } from '../features/accounts/store';
import type { AuditSlice } from '../features/audit/store';
import type { ApprovalsSlice } from '../features/approvals/store';
import type { UiSlice } from './ui';
import type { DraftsSlice } from './drafts';
import type { DocumentsSlice } from '../features/documents/store';
import type { DevicesSlice } from '../features/devices/store';
import type { PeopleSlice } from '../features/people/store';
import type { TransferSlice } from '../features/import/store';
import type { BackupSlice } from '../features/backup/store';
import type { StocktakeSlice } from '../features/stocktake/store';

export type LedgerState = SessionSlice &
  SettingsSlice &
  AccountsSlice &
  AuditSlice &
  ApprovalsSlice &
  DocumentsSlice &
  DevicesSlice &
  PeopleSlice &
  TransferSlice &
  BackupSlice &
  StocktakeSlice &
  UiSlice &
  DraftsSlice;

/**
 * What a session loaded must not outlive it: each slice registers the state it returns to when the session ends
 * (lock, logout, session lost), and the session slice applies all of them in the same update as the new status.
 */
export interface SessionScope {
  clearsOnEnd(initial: Partial<LedgerState>): void;
  /** Every registered slice's initial state, merged. */
  endState(): Partial<LedgerState>;
}

export function createSessionScope(): SessionScope {
  const cleared: Partial<LedgerState>[] = [];
  return {
    clearsOnEnd: (initial) => void cleared.push(initial),
    endState: () => Object.assign({}, ...cleared) as Partial<LedgerState>,
  };
}

/** A slice sees (and may call into) the whole store, but contributes only its own part. */
export type SliceCreator<T> = (set: StoreApi<LedgerState>['setState'], get: StoreApi<LedgerState>['getState'], session: SessionScope) => T;
