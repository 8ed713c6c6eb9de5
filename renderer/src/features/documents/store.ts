// Documents slice (custodian, approver, auditor): the register's filtered page, one item, storage locations,
// reminder counts, and the commands that change them. The backend pages, sorts and decides every rule.
import { send } from '../../api';
import type { CommandInput, CommandName, CommandOutput, DocumentDetail, DocumentListItem, LocationView, ReminderCounts } from '../../../../preload/contract';
import type { SortField } from './documents';
import type { DocumentColumn } from '../../../../db/domain/register-columns';
import type { SliceCreator } from '../../store/types';

type ListInput = CommandInput<'documents.list'>;
export type DocumentFilters = Omit<ListInput, 'sort' | 'order' | 'offset' | 'limit'>;
export type SortOrder = 'asc' | 'desc';
export type SuggestField = CommandInput<'documents.suggest'>['field'];
export type ReceiveInput = CommandInput<'documents.receive'>;
export type ProduceInput = CommandInput<'documents.produce'>;
/** The commands that change one item or a batch; each refreshes what is on screen afterwards. */
export type DocumentCommand = Exclude<
  Extract<CommandName, `documents.${string}`>,
  'documents.list' | 'documents.get' | 'documents.suggest' | 'documents.receive' | 'documents.produce' | 'documents.lookup'
>;

/** The commands that answer with the item as it now is: what the item page shows next comes with the reply. */
type DocumentReply = { [N in DocumentCommand]: CommandOutput<N> extends DocumentDetail ? N : never }[DocumentCommand];
const REPLIES_WITH_DOCUMENT: readonly DocumentReply[] = ['documents.lend', 'documents.returnLoan', 'documents.correct', 'documents.void'];

function repliesWithDocument(name: DocumentCommand, _out: unknown): _out is DocumentDetail {
  return (REPLIES_WITH_DOCUMENT as readonly DocumentCommand[]).includes(name);
}

const sameColumns = (a: readonly DocumentColumn[] | null, b: readonly DocumentColumn[] | null) =>
  a === b || (!!a && !!b && a.length === b.length && a.every((c, i) => c === b[i]));

export const DEFAULT_SORT: { sort: SortField; order: SortOrder } = { sort: 'receiptNo', order: 'desc' };
export const DOCUMENT_PAGE_SIZES = [50, 100, 200, 500] as const;

export interface DocumentsSlice {
  documentFilters: DocumentFilters;
  documentSort: { sort: SortField; order: SortOrder };
  /** 1-based, as antd's pagination counts. */
  documentPage: number;
  documentPageSize: number;
  documentTotal: number;
  documentRows: DocumentListItem[];
  /** The item shown on the item page. */
  document: DocumentDetail | null;
  locations: LocationView[];
  reminders: ReminderCounts | null;
  /** The register's columns this account chose (kept in the ledger); null: not chosen (the default ones) or not read yet. */
  documentColumns: DocumentColumn[] | null;
  /** Applies new filters and shows their first page. */
  searchDocuments(filters: DocumentFilters): Promise<void>;
  sortDocuments(sort: SortField, order: SortOrder): Promise<void>;
  loadDocumentPage(page: number, pageSize?: number): Promise<void>;
  loadDocument(id: number): Promise<void>;
  /** Fetches an item without showing it (batch pickers). */
  fetchDocument(id: number): Promise<DocumentDetail>;
  /** One page of the register for a picker, without touching the register's own page. */
  findDocuments(input: ListInput): Promise<CommandOutput<'documents.list'>>;
  /** The items a typed or scanned number names exactly (收文编号, 文号 in any form, 份号). */
  lookupDocuments(query: string): Promise<DocumentListItem[]>;
  loadDocumentColumns(): Promise<void>;
  /** Keeps the choice for this account (in the ledger, read again at the next sign-in). */
  chooseDocumentColumns(columns: DocumentColumn[]): Promise<void>;
  loadLocations(): Promise<void>;
  /** The list is read again; the new cabinet's id comes back (a form picks it). */
  createLocation(input: CommandInput<'locations.create'>): Promise<CommandOutput<'locations.create'>>;
  /** 更正 of a cabinet; the list is read again. */
  correctLocation(input: CommandInput<'locations.correct'>): Promise<void>;
  locationHistory(locationId: number): Promise<CommandOutput<'locations.history'>>;
  /** The counts until the session's first push brings them (it may come a tick after the overview opens); pushes keep them current. */
  loadReminders(): Promise<void>;
  setReminders(counts: ReminderCounts): void;
  suggest(field: SuggestField, prefix: string): Promise<string[]>;
  /** 收文 / 制作: registers an item and answers it as registered (with its new 收文编号). */
  registerDocument(registration: { origin: 'received'; input: ReceiveInput } | { origin: 'produced'; input: ProduceInput }): Promise<DocumentDetail>;
  runDocumentCommand<N extends DocumentCommand>(name: N, input: CommandInput<N>): Promise<CommandOutput<N>>;
}

export const initialDocuments = {
  documentFilters: {},
  documentSort: DEFAULT_SORT,
  documentPage: 1,
  documentPageSize: 100,
  documentTotal: 0,
  documentRows: [],
  document: null,
  locations: [],
  reminders: null,
  documentColumns: null,
} satisfies Partial<DocumentsSlice>;

export const createDocumentsSlice: SliceCreator<DocumentsSlice> = (set, get, session) => {
  session.clearsOnEnd(initialDocuments);
  // Typing in the search box sends a query per key: only the newest answer may fill the table.
  let listRequest = 0;

  // Reminder counts are not fetched after a change: the backend pushes them when a write changed them.
  async function refreshAfterChange(): Promise<void> {
    const shown = get().document;
    if (shown) await get().loadDocument(shown.id);
  }

  return {
    ...initialDocuments,

    async searchDocuments(filters) {
      set({ documentFilters: filters });
      await get().loadDocumentPage(1);
    },

    async sortDocuments(sort, order) {
      set({ documentSort: { sort, order } });
      await get().loadDocumentPage(1);
    },

    async loadDocumentPage(page, pageSize = get().documentPageSize) {
      const request = ++listRequest;
      const { documentFilters, documentSort } = get();
      const { total, rows } = await send('documents.list', { ...documentFilters, ...documentSort, offset: (page - 1) * pageSize, limit: pageSize });
      if (request !== listRequest) return;
      const shown = get();
      // The register opened again on what it showed before (its rows stay in the store): the same answer draws nothing.
      const same =
        shown.documentPage === page &&
        shown.documentPageSize === pageSize &&
        shown.documentTotal === total &&
        JSON.stringify(shown.documentRows) === JSON.stringify(rows);
      if (!same) set({ documentPage: page, documentPageSize: pageSize, documentTotal: total, documentRows: rows });
    },

    async loadDocument(id) {
      const document = await send('documents.get', { id });
      set({ document });
    },

    fetchDocument(id) {
      return send('documents.get', { id });
    },

    findDocuments(input) {
      return send('documents.list', input);
    },

    lookupDocuments(query) {
      return send('documents.lookup', { query });
    },

    async loadDocumentColumns() {
      const { documentColumns } = await send('account.prefs', {});
      // Read at each opening of the register: the same choice again must not draw the table again.
      if (!sameColumns(documentColumns, get().documentColumns)) set({ documentColumns });
    },

    async chooseDocumentColumns(columns) {
      // Shown at once; what the ledger kept comes back with the reply.
      set({ documentColumns: columns });
      set({ documentColumns: (await send('account.setPrefs', { documentColumns: columns })).documentColumns });
    },

    async loadLocations() {
      set({ locations: await send('locations.list', {}) });
    },

    async createLocation(input) {
      const created = await send('locations.create', input);
      await get().loadLocations();
      return created;
    },

    async correctLocation(input) {
      await send('locations.correct', input);
      await get().loadLocations();
    },

    locationHistory: (locationId) => send('locations.history', { locationId }),

    async loadReminders() {
      if (get().reminders) return;
      set({ reminders: await send('reminders.get', {}) });
    },

    setReminders(counts) {
      set({ reminders: counts });
    },

    suggest(field, prefix) {
      return send('documents.suggest', { field, prefix });
    },

    registerDocument(registration) {
      return registration.origin === 'received' ? send('documents.receive', registration.input) : send('documents.produce', registration.input);
    },

    async runDocumentCommand(name, input) {
      const out = await send(name, input);
      if (repliesWithDocument(name, out)) {
        if (get().document?.id === out.id) set({ document: out });
      } else {
        // The change is made; a failed refresh must not report it as refused.
        await refreshAfterChange().catch(() => undefined);
      }
      return out;
    },
  };
};
