// The columns of the documents register on screen: which there are, which a custodian scans by default (issue 15),
// and which always show. The screen draws them; the ledger keeps each account's choice (db/ledger/prefs).

export const DOCUMENT_COLUMNS = [
  'receiptNo',
  'registeredAt',
  'title',
  'docNumber',
  'originUnit',
  'marking',
  'issueDate',
  'secrecyEnd',
  /** 份数 with how many are in custody and how many out. */
  'copies',
  'copyNos',
  'inCustody',
  'onLoan',
  'returned',
  'destroyed',
  'returnBy',
  'flags',
] as const;
export type DocumentColumn = (typeof DOCUMENT_COLUMNS)[number];

/** What the custodian scans: 收文编号, 标题, 文号, 密级标志, 份数 in and out, 提示. */
export const DEFAULT_DOCUMENT_COLUMNS: readonly DocumentColumn[] = ['receiptNo', 'title', 'docNumber', 'marking', 'copies', 'flags'];

/** The column that names and opens an item: always shown. */
export const FIXED_DOCUMENT_COLUMN: DocumentColumn = 'receiptNo';
