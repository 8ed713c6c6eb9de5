// The one store of the renderer, composed from typed slices; components read it through selectors.
import { create } from 'zustand';
import { onSessionLost } from '../api';
import type { Role } from '../../../preload/contract';
import { createAccountsSlice } from './accounts';
import { createAuditSlice } from './audit';
import { createDocumentsSlice } from './documents';
import { createDevicesSlice } from './devices';
import { createBackupSlice } from './backup';
import { createSessionSlice } from './session';
import { createSettingsSlice } from './settings';
import { createTransferSlice } from './transfer';
import type { LedgerState } from './types';
import { createUiSlice } from './ui';

export type { LedgerState } from './types';
export type { Page, BatchKind, RegisterOrigin } from './ui';
export type { DocumentFilters, SortOrder, SuggestField, DocumentCommand } from './documents';
export { DEFAULT_SORT, DOCUMENT_PAGE_SIZES } from './documents';
export type { AuditFilters } from './audit';
export { AUDIT_PAGE_SIZE } from './audit';
export type { ComputerDetail, MediumDetail, Holdings, DeviceCommand } from './devices';
export { DEVICE_PAGE_SIZE } from './devices';
export type { ImportInspection, ImportDryRun, ImportCheckInput, ImportRegisterName, ExportInput } from './transfer';
export type { BackupMedia, BackupResult, RestoreInput } from './backup';
export { BACKUP_PAGE_SIZE } from './backup';

export const useLedger = create<LedgerState>()((...a) => ({
  ...createSessionSlice(...a),
  ...createSettingsSlice(...a),
  ...createAccountsSlice(...a),
  ...createAuditSlice(...a),
  ...createDocumentsSlice(...a),
  ...createDevicesSlice(...a),
  ...createTransferSlice(...a),
  ...createBackupSlice(...a),
  ...createUiSlice(...a),
}));

onSessionLost(() => void useLedger.getState().refreshStatus());

const NO_ROLES: readonly Role[] = [];

export const selectSession = (s: LedgerState) => s.status?.session ?? null;
export const selectRoles = (s: LedgerState) => s.status?.session?.roles ?? NO_ROLES;
export const selectHasRole = (role: Role) => (s: LedgerState) => selectRoles(s).includes(role);
/** Who reads the registers; only the custodian writes (the backend enforces both). */
export const selectReadsRegisters = (s: LedgerState) => selectRoles(s).some((r) => r === 'custodian' || r === 'approver' || r === 'auditor');
export const selectIsCustodian = selectHasRole('custodian');
export const selectUnitName = (s: LedgerState) => s.settings?.unitName ?? s.status?.session?.unitName ?? '';
