// The domain's words in the three languages the app speaks (zh-CN default, zh-TW, en): what registers print,
// exports write and the screens show. Keep each word as printed: tests compare printouts and exports.
import type { ApprovalKind, ApprovalWay } from './approvals';
import type { Level } from './levels';
import { CONVEYANCE_EVENT_TERMS } from './conveyance';

export const LANGUAGES = ['zh-CN', 'zh-TW', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** One term in the three languages. */
export type Term = readonly [zhCN: string, zhTW: string, en: string];

/** What follows a name on paper and on screen: the full-width colon in Chinese (合计：), ': ' in English. */
export const colonOf = (language: Language): string => (language === 'en' ? ': ' : '：');

export function say(term: Term, language: Language): string {
  return term[LANGUAGES.indexOf(language)]!;
}

/** The list separator each language writes between names and levels. */
export function listOf(items: readonly string[], language: Language): string {
  return items.join(language === 'en' ? ', ' : '、');
}

export const LEVEL_TERMS: Record<Level, Term> = {
  top_secret: ['绝密', '絕密', 'Top secret'],
  secret: ['机密', '機密', 'Secret'],
  confidential: ['秘密', '秘密', 'Confidential'],
  internal: ['内部', '內部', 'Internal'],
  non_secret: ['非涉密', '非涉密', 'Non-classified'],
};

export const COPY_STATUS_TERMS: Record<'in_custody' | 'on_loan' | 'transmitted' | 'returned' | 'destroyed' | 'missing' | 'voided', Term> = {
  in_custody: ['在柜', '在櫃', 'In custody'],
  on_loan: ['借出', '借出', 'On loan'],
  transmitted: ['已传递', '已傳遞', 'Sent out'],
  returned: ['已清退', '已清退', 'Returned'],
  destroyed: ['已销毁', '已銷毀', 'Destroyed'],
  missing: ['缺失', '缺失', 'Missing'],
  voided: ['已作废', '已作廢', 'Voided'],
};

export const DEVICE_STATUS_TERMS: Record<'in_use' | 'stopped' | 'repair' | 'scrapped' | 'destroyed', Term> = {
  in_use: ['在用', '在用', 'In use'],
  stopped: ['停用', '停用', 'Stopped'],
  repair: ['维修', '維修', 'Under repair'],
  scrapped: ['报废', '報廢', 'Scrapped'],
  destroyed: ['已销毁', '已銷毀', 'Destroyed'],
};

export const NETWORK_TERMS: Record<'standalone' | 'classified_intranet' | 'egov_extranet' | 'internet', Term> = {
  standalone: ['单机', '單機', 'Standalone'],
  classified_intranet: ['涉密内网', '涉密內網', 'Classified intranet'],
  egov_extranet: ['电子政务外网', '電子政務外網', 'E-government extranet'],
  internet: ['互联网', '互聯網', 'Internet'],
};

export const MEDIUM_TYPE_TERMS: Record<'usb' | 'hdd' | 'disc' | 'card' | 'tape', Term> = {
  usb: ['U盘', 'U盤', 'USB stick'],
  hdd: ['移动硬盘', '移動硬盤', 'Portable hard disk'],
  disc: ['光盘', '光盤', 'Optical disc'],
  card: ['存储卡', '存儲卡', 'Memory card'],
  tape: ['磁带', '磁帶', 'Tape'],
};

export const CONDITION_TERMS: Record<'intact' | 'missing_pages' | 'damaged', Term> = {
  intact: ['完好', '完好', 'Intact'],
  missing_pages: ['缺页', '缺頁', 'Pages missing'],
  damaged: ['损坏', '損壞', 'Damaged'],
};

export const DESTROY_METHOD_TERMS: Record<'facility' | 'shredder', Term> = {
  facility: ['送销毁工作机构', '送銷毀工作機構', 'Official destruction facility'],
  shredder: ['符合保密标准的碎纸机', '符合保密標準的碎紙機', 'Compliant shredder'],
};

export const STATUS_FILTER_TERMS: Record<'held' | 'on_loan' | 'closed' | 'missing' | 'owed', Term> = {
  held: ['在管', '在管', 'Held'],
  on_loan: ['有借出', '有借出', 'With copies on loan'],
  closed: ['已办结', '已辦結', 'Closed'],
  missing: ['有缺失', '有缺失', 'With missing copies'],
  owed: ['待清退', '待清退', 'Owed to the issuer'],
};

export const REMINDER_TERMS: Record<
  | 'overdue'
  | 'returnDue'
  | 'secrecyEnding'
  | 'reviewDue'
  | 'loanOverdue'
  | 'loanDueSoon'
  | 'returnOverdue'
  | 'returnNear'
  | 'secrecyEnded'
  | 'secrecyEndingSoon'
  | 'receiptPending'
  | 'receiptOverdue'
  | 'missing'
  | 'publicationDue',
  Term
> = {
  overdue: ['逾期未还', '逾期未還', 'Overdue loans'],
  returnDue: ['清退期限将至或已过', '清退期限將至或已過', 'Return due'],
  secrecyEnding: ['保密期限即将届满', '保密期限即將屆滿', 'Secrecy period ending'],
  reviewDue: ['待年度定密审查', '待年度定密審查', 'Yearly review due'],
  loanOverdue: ['借阅逾期未还', '借閱逾期未還', 'Loans overdue'],
  loanDueSoon: ['借阅即将到期', '借閱即將到期', 'Loans due soon'],
  returnOverdue: ['清退期限已过', '清退期限已過', 'Return deadline passed'],
  returnNear: ['清退期限将至', '清退期限將至', 'Return deadline near'],
  secrecyEnded: ['保密期限已满，待审查', '保密期限已滿，待審查', 'Secrecy period ended: review due'],
  secrecyEndingSoon: ['保密期限即将届满', '保密期限即將屆滿', 'Secrecy period ending soon'],
  receiptPending: ['待回执', '待回執', 'Receipt pending'],
  receiptOverdue: ['回执逾期未到', '回執逾期未到', 'Receipt overdue'],
  missing: ['缺失待查', '缺失待查', 'Missing copies'],
  publicationDue: ['到期可公开', '到期可公開', 'Due for publication'],
};

/** The kinds of a document's timeline events. */
export const EVENT_TERMS: Record<string, Term> = {
  receive: ['收文', '收文', 'Received'],
  produce: ['制作', '製作', 'Produced'],
  lend: ['借阅', '借閱', 'Lent'],
  return_loan: ['归还', '歸還', 'Returned from loan'],
  transmit: ['传递', '傳遞', 'Sent'],
  forward: ['转发', '轉發', 'Forwarded'],
  receipt_confirmed: ['回执', '回執', 'Receipt confirmed'],
  move: ['移库', '移庫', 'Moved'],
  copy: ['复制', '複製', 'Copied'],
  return_to_issuer: ['清退', '清退', 'Returned to issuer'],
  destroy: ['销毁', '銷毀', 'Destroyed'],
  change_marking: ['变更', '變更', 'Marking changed'],
  declassify: ['解密', '解密', 'Declassified'],
  review: ['定密审查', '定密審查', 'Reviewed'],
  inventory: ['清查', '清查', 'Inventory'],
  handover: ['移交', '移交', 'Handed over'],
  found: ['找回', '找回', 'Found'],
  reported_lost: ['报失', '報失', 'Reported lost'],
  correct: ['更正', '更正', 'Corrected'],
  void: ['作废', '作廢', 'Voided'],
  ...CONVEYANCE_EVENT_TERMS,
};

/** A document's carrier (载体形式); 密码电报 / 级发电 (telegrams) are one of their own, kept apart and never copied. */
export const CARRIER_TERMS: Record<'paper' | 'disc' | 'other' | 'telegram', Term> = {
  paper: ['纸质', '紙質', 'Paper'],
  disc: ['光盘', '光碟', 'Disc'],
  other: ['其他', '其他', 'Other'],
  telegram: ['密码电报', '密碼電報', 'Telegram'],
};

/** What an approval allows (审批事项), as the 审批单 and the screens name it. */
export const APPROVAL_KIND_TERMS: Record<ApprovalKind, Term> = {
  copy: ['复制', '複製', 'Copy'],
  compile: ['汇编、摘录', '彙編、摘錄', 'Compilation or excerpt'],
  lend_outside_scope: ['知悉范围外借阅', '知悉範圍外借閱', 'Loan outside the need-to-know scope'],
  take_out: ['带出办公室', '帶出辦公室', 'Taking out of the office'],
  destroy: ['销毁', '銷毀', 'Destruction'],
  forward: ['转发', '轉發', 'Forwarding'],
  change_marking: ['变更密级或解密', '變更密級或解密', 'Change of marking or declassification'],
  media_downgrade: ['介质降低密级', '介質降低密級', "Lowering a medium's level"],
  offsite_repair: ['外送维修', '外送維修', 'Off-site repair'],
  correction: ['更正', '更正', 'Correction'],
  void: ['作废', '作廢', 'Voiding'],
};

/** How an approval was given, as registers print it beside the approver's name. */
export const APPROVAL_WAY_TERMS: Record<ApprovalWay, Term> = {
  in_app: ['系统内审批', '系統內審批', 'approved in the app'],
  paper: ['纸质审批单', '紙本審批單', 'paper approval form'],
  on_the_spot: ['当面审批', '當面審批', 'on the spot'],
  external: ['外部', '外部', 'External'],
};
