// UI slice: interface language, the page shown in the main layout, and what a page was opened with.
import { applyLanguage, storedLanguage, type Language } from '../i18n';
import type { DocumentFilters } from '../features/documents/store';
import type { DeviceKind, DeviceRegister } from '../features/devices/devices';
import type { CommandInput, ComputerView, PrintRequest } from '../../../preload/contract';
import type { FindingStatus } from '../../../db/domain/findings';
import type { LedgerState, SliceCreator } from './types';

type DeviceStatus = ComputerView['status'];

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
  | 'stocktake'
  | 'statistics'
  | 'findings'
  | 'publication';

/** 统计: the dates and filters chosen, and the figure (or cell of it) whose items are listed. */
export interface StatisticsQuery {
  range: CommandInput<'statistics.figures'>;
  items: Pick<CommandInput<'statistics.items'>, 'figure' | 'level' | 'group' | 'month'> | null;
}

/** A ledger document sent to 信息公开审查 from its 公开方案: the review is opened linked to it (its publication carries the plan out). */
export interface PublicationSeed {
  documentId: number;
  receiptNo: string;
  title: string;
}

/** A finding as a computer check found it: the computer, the check it came from, what was found and when. */
export interface FindingSeed {
  computerId: number;
  computerCheckId: number;
  description: string;
  foundOn: string;
}

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
  /** The status a device register was opened with (a number on the overview), taken by the register as its filter. */
  deviceStatus: DeviceStatus | null;
  /** The stocktake (清查) the stocktake screen shows. */
  stocktakeId: number | null;
  /** What a computer check found, for the findings page to register as a finding (null: a finding typed afresh). */
  findingSeed: FindingSeed | null;
  /** 问题整改's filter, kept while other pages are visited (as the register's are); set by a number on the overview. */
  findingStatus: FindingStatus | null;
  setFindingStatus(status: FindingStatus | null): void;
  /** The document the 信息公开保密审查 page opens 送审登记 for (null: a review typed afresh). */
  publicationSeed: PublicationSeed | null;
  /** The printout the print preview shows (null: closed). */
  printRequest: PrintRequest | null;
  /** What 统计 shows, kept while an item opened from its lists is read (null: this year, nothing listed). */
  statisticsQuery: StatisticsQuery | null;
  setStatisticsQuery(query: StatisticsQuery): void;
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
  /** A device register, optionally filtered to one status. */
  openDevices(register: DeviceRegister, status?: DeviceStatus): void;
  /** The 清查 page: the list of stocktakes, where one is started. */
  openStocktakes(): void;
  /** One stocktake's screen (resumes an open one: all its state comes from the backend). */
  openStocktake(id: number): void;
  /** 问题整改: opening its 登记问题 with what a computer check found, or filtered to a status, when given. */
  openFindings(from?: { seed?: FindingSeed; status?: FindingStatus }): void;
  /** The findings page took the seed (its dialog closed): a later visit registers afresh. */
  clearFindingSeed(): void;
  /** 信息公开保密审查, opening its 送审登记 for a ledger document when given. */
  openPublication(seed?: PublicationSeed): void;
  /** The publication page took the seed (its dialog closed). */
  clearPublicationSeed(): void;
  /** Opens the print preview, in the interface language. */
  openPrint(request: PrintRequest): void;
  closePrint(): void;
}

export const createUiSlice: SliceCreator<UiSlice> = (set, get, session) => {
  const navigate = (to: Partial<LedgerState>) => get().navigate(to);
  // The next one to sign in starts 统计 afresh, and never with a finding or a review the last one began elsewhere.
  session.clearsOnEnd({ statisticsQuery: null, findingSeed: null, findingStatus: null, publicationSeed: null });

  return {
    language: storedLanguage(),
    page: 'overview',
    documentId: null,
    batchSeed: [],
    deviceKind: 'computer',
    deviceId: null,
    deviceStatus: null,
    stocktakeId: null,
    findingSeed: null,
    findingStatus: null,
    publicationSeed: null,
    printRequest: null,
    statisticsQuery: null,

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

    openDevices(register, status) {
      navigate({ page: register, deviceStatus: status ?? null });
    },

    openFindings(from) {
      navigate({ page: 'findings', findingSeed: from?.seed ?? null, findingStatus: from?.status ?? null });
    },

    clearFindingSeed() {
      set({ findingSeed: null });
    },

    setFindingStatus(status) {
      set({ findingStatus: status });
    },

    openPublication(seed) {
      navigate({ page: 'publication', publicationSeed: seed ?? null });
    },

    clearPublicationSeed() {
      set({ publicationSeed: null });
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

    setStatisticsQuery(query) {
      set({ statisticsQuery: query });
    },
  };
};
