// The one store of the renderer, composed from typed slices; components read it through selectors.
import { create } from 'zustand';
import { onSessionLost } from '../api';
import type { Role } from '../../../preload/contract';
import { createAccountsSlice } from '../features/accounts/store';
import { createAuditSlice } from '../features/audit/store';
import { createApprovalsSlice } from '../features/approvals/store';
import { createDocumentsSlice } from '../features/documents/store';
import { createDevicesSlice } from '../features/devices/store';
import { createBackupSlice } from '../features/backup/store';
import { createSessionSlice } from '../features/session/store';
import { createSettingsSlice } from '../features/settings/store';
import { createTransferSlice } from '../features/import/store';
import { createPeopleSlice } from '../features/people/store';
import { createStocktakeSlice } from '../features/stocktake/store';
import { createSessionScope, type LedgerState } from './types';
import { createUiSlice } from './ui';
import { createDraftsSlice } from './drafts';

export type { LedgerState } from './types';
export type { Page, BatchKind, DocumentOrigin, FindingSeed, PublicationSeed } from './ui';
export type { DocumentFilters, SuggestField } from '../features/documents/store';
export { DEFAULT_SORT, DOCUMENT_PAGE_SIZES } from '../features/documents/store';
export type { AuditFilters } from '../features/audit/store';
export { AUDIT_PAGE_SIZE } from '../features/audit/store';
export type { ComputerDetail, MediumDetail } from '../features/devices/store';
export type { Holdings } from '../features/people/store';
export { DEVICE_PAGE_SIZE } from '../features/devices/store';
export type { ImportInspection, ImportDryRun, ImportRegisterName, ExportInput } from '../features/import/store';
export type { BackupResult } from '../features/backup/store';
export { BACKUP_PAGE_SIZE } from '../features/backup/store';

/** A new store: the app has one (useLedger); tests make their own. */
export function createLedgerStore() {
  return create<LedgerState>()((set, get) => {
    const session = createSessionScope();
    return {
      ...createSessionSlice(set, get, session),
      ...createSettingsSlice(set, get, session),
      ...createAccountsSlice(set, get, session),
      ...createAuditSlice(set, get, session),
      ...createApprovalsSlice(set, get, session),
      ...createDocumentsSlice(set, get, session),
      ...createDevicesSlice(set, get, session),
      ...createPeopleSlice(set, get, session),
      ...createTransferSlice(set, get, session),
      ...createBackupSlice(set, get, session),
      ...createStocktakeSlice(set, get, session),
      ...createUiSlice(set, get, session),
      ...createDraftsSlice(set, get, session),
    };
  });
}

export const useLedger = createLedgerStore();

onSessionLost(() => void useLedger.getState().refreshStatus());

const NO_ROLES: readonly Role[] = [];

export const selectSession = (s: LedgerState) => s.status?.session ?? null;
const selectRoles = (s: LedgerState) => s.status?.session?.roles ?? NO_ROLES;
export const selectHasRole = (role: Role) => (s: LedgerState) => selectRoles(s).includes(role);
/** Who reads the registers; only the custodian writes (the backend enforces both). */
export const selectReadsRegisters = (s: LedgerState) => selectRoles(s).some((r) => r === 'custodian' || r === 'approver' || r === 'auditor');
export const selectIsCustodian = selectHasRole('custodian');
export const selectUnitName = (s: LedgerState) => s.settings?.unitName ?? s.status?.session?.unitName ?? '';
