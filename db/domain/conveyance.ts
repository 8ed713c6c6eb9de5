// 传达 and 公开 of a document (seed §1 文件制发): the words of its conveyance plan and events and of its publication
// plan, in the three languages. Words only: the rules live in db/ledger/documents/conveyance.ts.
import type { Term } from './terms';

/** 会议传达 / 个别传达 / 阅件. */
export const CONVEYANCE_MANNERS = ['meeting', 'individual', 'reading'] as const;
export type ConveyanceManner = (typeof CONVEYANCE_MANNERS)[number];
export const CONVEYANCE_MANNER_TERMS: Record<ConveyanceManner, Term> = {
  meeting: ['会议传达', '會議傳達', 'At a meeting'],
  individual: ['个别传达', '個別傳達', 'Individually'],
  reading: ['阅件', '閱件', 'By reading'],
};

/** 可以部分公开 / 全文公开 (after a time). */
export const PUBLICATION_EXTENTS = ['part', 'whole'] as const;
export type PublicationExtent = (typeof PUBLICATION_EXTENTS)[number];
export const PUBLICATION_EXTENT_TERMS: Record<PublicationExtent, Term> = {
  part: ['部分公开', '部分公開', 'In part'],
  whole: ['全文公开', '全文公開', 'In whole'],
};

/** The timeline's names of these events (joined into EVENT_TERMS). */
export const CONVEYANCE_EVENT_TERMS: Record<'conveyance_plan' | 'convey' | 'publication_plan' | 'publication_done', Term> = {
  conveyance_plan: ['传达方案', '傳達方案', 'Conveyance plan'],
  convey: ['传达', '傳達', 'Conveyed'],
  publication_plan: ['公开方案', '公開方案', 'Publication plan'],
  publication_done: ['已公开', '已公開', 'Published'],
};

/** A person or a department a conveyance names: a person may be named with their department. */
export interface ConveyancePerson {
  name: string;
  department?: string | undefined;
}

/** 张三（办公室）, or the name alone. */
export function personText(p: ConveyancePerson, language: 'zh-CN' | 'zh-TW' | 'en'): string {
  if (!p.department) return p.name;
  return language === 'en' ? `${p.name} (${p.department})` : `${p.name}（${p.department}）`;
}

/** The audit log's words for these commands (joined into db/domain/audit.ts). */
export const CONVEYANCE_AUDIT_ACTION_TERMS: Record<string, Term> = {
  'documents.planConveyance': ['登记传达方案', '登記傳達方案', 'Record a conveyance plan'],
  'documents.convey': ['登记传达', '登記傳達', 'Record a conveyance'],
  'documents.planPublication': ['登记公开方案', '登記公開方案', 'Record a publication plan'],
  'documents.conveyance': ['查看传达与公开', '查看傳達與公開', 'View conveyance and publication'],
};

export const CONVEYANCE_AUDIT_FIELD_TERMS: Record<string, Term> = {
  range: ['传达范围', '傳達範圍', 'Range'],
  manner: ['传达方式', '傳達方式', 'Manner'],
  discipline: ['保密纪律要求', '保密紀律要求', 'Secrecy discipline'],
  conveyor: ['传达人', '傳達人', 'Conveyed by'],
  audience: ['传达对象', '傳達對象', 'Conveyed to'],
  attended: ['参加人数', '參加人數', 'Attended'],
  extent: ['公开程度', '公開程度', 'Extent'],
  content: ['可公开内容', '可公開內容', 'What may be published'],
  publishFrom: ['可公开日期', '可公開日期', 'Publishable from'],
  version: ['版本', '版本', 'Version'],
};

export const CONVEYANCE_AUDIT_VALUE_TERMS: Record<string, Readonly<Record<string, Term>>> = {
  manner: CONVEYANCE_MANNER_TERMS,
  extent: PUBLICATION_EXTENT_TERMS,
};

/** 涉密文件传达登记: the sheet's title and its column headings (joined into db/ledger/sheets/labels.ts). */
export const CONVEYANCES_SHEET_TITLE: Term = ['涉密文件传达登记', '涉密文件傳達登記', 'Register of conveyances'];
export const CONVEYANCE_COLUMN_TERMS = {
  conveyedAt: ['传达时间', '傳達時間', 'Conveyed on'],
  conveyanceRange: ['传达范围', '傳達範圍', 'Range'],
  conveyanceManner: ['传达方式', '傳達方式', 'Manner'],
  discipline: ['保密纪律要求', '保密紀律要求', 'Secrecy discipline'],
  conveyor: ['传达人', '傳達人', 'Conveyed by'],
  audience: ['传达对象', '傳達對象', 'Conveyed to'],
  attended: ['参加人数', '參加人數', 'Attended'],
} as const satisfies Record<string, Term>;

/** Field names of these events on the printed history (the 流转记录's details column). */
export const CONVEYANCE_HISTORY_TERMS = {
  version: ['第{{n}}版', '第{{n}}版', 'version {{n}}'],
  extent: ['公开程度', '公開程度', 'Extent'],
  content: ['可公开内容', '可公開內容', 'What may be published'],
  publishFrom: ['可公开日期', '可公開日期', 'From'],
  decisionDocNo: ['决定文号', '決定文號', 'Decision no.'],
  reference: ['公开依据', '公開依據', 'Reference'],
} as const satisfies Record<string, Term>;

/** What a form's entry says back as a person: 张三（办公室） or 张三(办公室) is 张三 of 办公室; anything else a name alone. */
export function parsePerson(text: string): ConveyancePerson {
  const m = /^(.+?)\s*[（(]\s*([^（()）]+?)\s*[)）]$/.exec(text.trim());
  return m ? { name: m[1]!.trim(), department: m[2]!.trim() } : { name: text.trim() };
}
