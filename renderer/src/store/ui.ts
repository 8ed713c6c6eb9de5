// UI slice: interface language, the page shown in the main layout, and what a page was opened with.
import { applyLanguage, storedLanguage, type Language } from '../i18n';
import type { DocumentFilters } from '../features/documents/store';
import type { DeviceKind, DeviceRegister } from '../features/devices/devices';
import type { PrintRequest } from '../../../preload/contract';
import type { LedgerState, SliceCreator } from './types';

export type BatchKind = 'return' | 'destroy';
export type DocumentOrigin = 'received' | 'produced';

export type Page =
  | 'overview'
  | 'documents'
  | 'document'
  | 'register-received'
  | 'register-produced'
  | 'batch-return'
  | 'batch-destroy'
  | 'locations'
  | DeviceRegister
  | 'device'
  | 'people'
  | 'import'
  | 'accounts'
  | 'audit'
  | 'approvals'
  | 'approval'
  | 'backup'
  | 'settings'
  | 'stocktakes'
  | 'stocktake';

export interface UiSlice {
  language: Language;
  page: Page;
  /** The item the item page shows. */
  documentId: number | null;
  /** Items a batch page starts with (chosen in the register). */
  batchSeed: number[];
  /** The device the device page shows. */
  deviceKind: DeviceKind;
  deviceId: number | null;
  /** The stocktake (清查) the stocktake screen shows. */
  stocktakeId: number | null;
  /** The printout the print preview shows (null: closed). */
  printRequest: PrintRequest | null;
  setLanguage(language: Language): void;
  /** Every change of screen goes through here: leaving unsaved input asks 放弃 / 继续编辑 first (the drafts slice). */
  navigate(to: Partial<LedgerState>): void;
  setPage(page: Page): void;
  /** The register, optionally with new filters (a reminder on the overview). */
  openDocuments(filters?: DocumentFilters): void;
  openDocument(id: number): void;
  openDocumentEntry(origin: DocumentOrigin): void;
  openBatch(kind: BatchKind, seed?: number[]): void;
  openDevice(kind: DeviceKind, id: number): void;
  /** The 清查 page: the list of stocktakes, where one is started. */
  openStocktakes(): void;
  /** One stocktake's screen (resumes an open one: all its state comes from the backend). */
  openStocktake(id: number): void;
  /** Opens the print preview, in the interface language. */
  openPrint(request: PrintRequest): void;
  closePrint(): void;
}

export const createUiSlice: SliceCreator<UiSlice> = (set, get) => {
  const navigate = (to: Partial<LedgerState>) => get().navigate(to);

  return {
    language: storedLanguage(),
    page: 'overview',
    documentId: null,
    batchSeed: [],
    deviceKind: 'computer',
    deviceId: null,
    stocktakeId: null,
    printRequest: null,

    setLanguage(language) {
      applyLanguage(language);
      set({ language });
    },

    navigate(to) {
      void get().leave(() => set(to));
    },

    setPage(page) {
      // The page shown already: nothing is left.
      if (page !== get().page) navigate({ page });
    },

    openDocuments(filters) {
      navigate({ page: 'documents', ...(filters ? { documentFilters: filters, documentPage: 1 } : {}) });
    },

    openDocument(id) {
      navigate({ page: 'document', documentId: id, document: null });
    },

    openDocumentEntry(origin) {
      navigate({ page: origin === 'received' ? 'register-received' : 'register-produced' });
    },

    openBatch(kind, seed = []) {
      navigate({ page: `batch-${kind}`, batchSeed: seed });
    },

    openDevice(kind, id) {
      navigate({ page: 'device', deviceKind: kind, deviceId: id, computer: null, medium: null });
    },

    openStocktakes() {
      get().setPage('stocktakes');
    },

    openStocktake(id) {
      navigate({ page: 'stocktake', stocktakeId: id });
    },

    openPrint(request) {
      set((s) => ({ printRequest: { ...request, language: s.language } }));
    },

    closePrint() {
      set({ printRequest: null });
    },
  };
};
