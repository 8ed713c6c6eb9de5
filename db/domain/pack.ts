// 年度台账 / 自查材料 (issue 17): the words of the annual pack — its sections shaped as the annual 保密工作台账, the
// points an inspection checks and their verdicts, the one-page summary — in the three languages. The backend builds
// the pack (db/ledger/statistics/pack.ts); the print view and the Word document say these words as given.
import { FINDING_COLUMN_TERMS } from './findings';
import { PUBLICATION_COLUMN_TERMS } from './publication';
import type { Term } from './terms';

export const PACK_TITLE: Term = ['保密工作台账（载体和设备部分）', '保密工作台帳（載體和設備部分）', 'Secrecy work ledger (carriers and devices)'];
/** The running number: 2026年度. */
export const PACK_YEAR: Term = ['{year}年度', '{year}年度', '{year}'];

/** The pack's parts, in order: the summary first (one page), then the ledger's sections, then the check list. */
export const PACK_PART_TERMS = {
  summary: ['一、概要', '一、概要', '1. Summary'],
  sections: ['二、台账', '二、台帳', '2. The registers'],
  checks: ['三、自查要点', '三、自查要點', '3. Self-inspection points'],
} as const satisfies Record<string, Term>;

export const PACK_SECTIONS = [
  'received',
  'produced',
  'copied',
  'lent',
  'returned',
  'disposed',
  'computers',
  'media',
  'repairs',
  'reviews',
  'findings',
] as const;
export type PackSection = (typeof PACK_SECTIONS)[number];

export const PACK_SECTION_TERMS: Record<PackSection, Term> = {
  received: ['收到密件', '收到密件', 'Classified documents received'],
  produced: ['制作', '製作', 'Documents produced'],
  copied: ['复制', '複製', 'Copies made'],
  lent: ['借阅', '借閱', 'Loans'],
  returned: ['清退', '清退', 'Returned to the issuer'],
  disposed: ['销毁 / 报废', '銷毀 / 報廢', 'Destroyed / scrapped'],
  computers: ['涉密计算机', '涉密計算機', 'Classified computers'],
  media: ['涉密存储介质', '涉密存儲介質', 'Classified storage media'],
  repairs: ['维修', '維修', 'Repairs'],
  reviews: ['信息公开保密审查', '信息公開保密審查', 'Secrecy reviews before publication'],
  findings: ['问题及整改', '問題及整改', 'Findings and rectification'],
};

/** Each section's table, named as its register is. */
export const PACK_TABLE_TERMS: Record<PackSection, Term> = {
  received: ['收到密件（按密级、载体形式）', '收到密件（按密級、載體形式）', 'Received, by level and carrier'],
  produced: ['制作登记', '製作登記', 'Documents produced'],
  copied: ['复制登记', '複製登記', 'Copies made'],
  lent: ['借阅登记', '借閱登記', 'Loans'],
  returned: ['清退登记', '清退登記', 'Returns to the issuer'],
  disposed: ['销毁、报废登记', '銷毀、報廢登記', 'Destructions and disposals'],
  computers: ['涉密计算机登记备案', '涉密計算機登記備案', 'Classified computers registered'],
  media: ['涉密存储介质登记备案', '涉密存儲介質登記備案', 'Classified storage media registered'],
  repairs: ['维修登记', '維修登記', 'Repairs'],
  reviews: ['信息公开保密审查登记', '信息公開保密審查登記', 'Publication reviews'],
  findings: ['问题整改登记', '問題整改登記', 'Findings and their rectification'],
};

/** Every column label of the pack's tables, by key. */
export const PACK_COLUMN_TERMS = {
  no: ['序号', '序號', 'No.'],
  level: ['密级', '密級', 'Level'],
  total: ['合计', '合計', 'Total'],
  figure: ['项目', '項目', 'Item'],
  items: ['件数', '件數', 'Items'],
  copies: ['份数', '份數', 'Copies'],
  date: ['日期', '日期', 'Date'],
  receiptNo: ['收文编号', '收文編號', 'Receipt no.'],
  title: ['标题', '標題', 'Title'],
  classifiedBy: ['定密责任人', '定密責任人', 'Classified by'],
  producedBy: ['制作人', '製作人', 'Produced by'],
  sourceCopyNo: ['原份号', '原份號', 'From copy'],
  copyNos: ['份号', '份號', 'Copy nos.'],
  approver: ['批准人', '批准人', 'Approved by'],
  borrower: ['借阅人', '借閱人', 'Borrower'],
  department: ['部门', '部門', 'Department'],
  threeInOne: ['三合一', '三合一', '3-in-1'],
  monitoring: ['违规外联监控', '違規外聯監控', 'Outbound monitoring'],
  dueAt: ['应还日期', '應還日期', 'Due'],
  loanApprover: ['审批人', '審批人', 'Approved by'],
  returnedAt: ['归还时间', '歸還時間', 'Returned'],
  batchNo: ['单号', '單號', 'Slip no.'],
  toUnit: ['接收单位', '接收單位', 'Returned to'],
  carrier: ['载体形式', '載體形式', 'Carrier'],
  content: ['内容', '內容', 'Content'],
  quantity: ['数量', '數量', 'Quantity'],
  destination: ['流向', '流向', 'Where it went'],
  handledBy: ['经办人', '經辦人', 'Handled by'],
  witnesses: ['监销人', '監銷人', 'Witnesses'],
  code: ['编号', '編號', 'No.'],
  responsible: ['责任人', '責任人', 'Responsible'],
  model: ['机型', '機型', 'Model'],
  diskSerial: ['硬盘序列号', '硬盤序列號', 'Disk serial'],
  place: ['部门 / 部位', '部門 / 部位', 'Department / place'],
  network: ['网络', '網絡', 'Network'],
  status: ['状态', '狀態', 'Status'],
  type: ['类型', '類型', 'Type'],
  serial: ['序列号', '序列號', 'Serial'],
  device: ['设备', '設備', 'Device'],
  reason: ['原因', '原因', 'Reason'],
  sentAt: ['送修时间', '送修時間', 'Sent'],
  repairer: ['维修单位', '維修單位', 'Repaired by'],
  escort: ['监修人', '監修人', 'Escort'],
  approval: ['审批', '審批', 'Approval'],
  point: ['检查要点', '檢查要點', 'Point'],
  checked: ['核查数', '核查數', 'Checked'],
  exceptions: ['例外', '例外', 'Exceptions'],
  verdict: ['结论', '結論', 'Verdict'],
  // The publication reviews and the findings (issue 19): their registers' headings.
  ...PUBLICATION_COLUMN_TERMS,
  ...FINDING_COLUMN_TERMS,
} as const satisfies Record<string, Term>;
export type PackColumn = keyof typeof PACK_COLUMN_TERMS;

/** The device rows of 销毁 / 报废: where a device went and what it was. */
export const PACK_DISPOSAL_TERMS = {
  scrap: ['报废', '報廢', 'Scrapped'],
  destroy: ['销毁', '銷毀', 'Destroyed'],
  /** A destruction taken over from an old register: its record says no more than that it happened. */
  imported: ['（导入的历史记录）', '（導入的歷史記錄）', '(imported history)'],
} as const satisfies Record<string, Term>;

/** The points an inspection asks about carriers, computers and media, in the order of the published checklists. */
export const PACK_CHECKS = [
  'registration',
  'storage',
  'copying',
  'lending',
  'returning',
  'destruction',
  'network',
  'plainProcessing',
  'crossUse',
  'inventory',
  'monitoring',
  'rectification',
] as const;
export type PackCheck = (typeof PACK_CHECKS)[number];

export const PACK_CHECK_TERMS: Record<PackCheck, Term> = {
  registration: [
    '收发登记手续清楚（名称、文号、密级、份数、签收人、签收时间）',
    '收發登記手續清楚（名稱、文號、密級、份數、簽收人、簽收時間）',
    'Receipts registered in full (title, reference, level, copies, signed by, when)',
  ],
  storage: ['在管载体存放于相应密级的保密柜', '在管載體存放於相應密級的保密櫃', 'Carriers held are stored in a cabinet of their level'],
  copying: ['复制有审批', '複製有審批', 'Every copy approved'],
  lending: ['借阅按期归还', '借閱按期歸還', 'Loans returned on time'],
  returning: ['按期清退', '按期清退', 'Returned to the issuer on time'],
  destruction: ['销毁有审批和两人监销', '銷毀有審批和兩人監銷', 'Destruction approved and witnessed by two people'],
  network: ['涉密计算机不联网（互联网、电子政务外网）', '涉密計算機不聯網（互聯網、電子政務外網）', 'No classified computer on the internet or extranet'],
  plainProcessing: ['非涉密计算机不处理涉密信息', '非涉密計算機不處理涉密信息', 'No non-classified computer processes secrets'],
  crossUse: ['移动存储介质不交叉使用', '移動存儲介質不交叉使用', 'No cross-use of removable media'],
  inventory: ['账物一致（清查）', '賬物一致（清查）', 'Register and holdings agree (stocktake)'],
  monitoring: ['涉密计算机安装三合一、违规外联监控', '涉密計算機安裝三合一、違規外聯監控', 'Classified computers run the 3-in-1 and outbound monitoring'],
  rectification: ['发现的问题按期整改并经确认', '發現的問題按期整改並經確認', 'Findings rectified by their deadline and confirmed'],
};

/** What the count of each point counts. */
export const PACK_CHECK_SCOPE_TERMS: Record<PackCheck, Term> = {
  registration: ['本年度收文登记 {n} 件', '本年度收文登記 {n} 件', '{n} receipts this year'],
  storage: ['在管载体 {n} 份', '在管載體 {n} 份', '{n} copies held'],
  copying: ['本年度复制 {n} 次', '本年度複製 {n} 次', '{n} copies made this year'],
  lending: ['本年度借阅 {n} 份次', '本年度借閱 {n} 份次', '{n} copies lent this year'],
  returning: ['本年度应清退 {n} 件', '本年度應清退 {n} 件', '{n} items due back this year'],
  destruction: ['本年度销毁、报废 {n} 次', '本年度銷毀、報廢 {n} 次', '{n} destructions and disposals this year'],
  network: ['涉密计算机 {n} 台', '涉密計算機 {n} 台', '{n} classified computers'],
  plainProcessing: [
    '本年度在非涉密计算机上的介质使用 {n} 条',
    '本年度在非涉密計算機上的介質使用 {n} 條',
    '{n} media uses on non-classified computers this year',
  ],
  crossUse: ['本年度介质使用登记 {n} 条', '本年度介質使用登記 {n} 條', '{n} media uses this year'],
  inventory: ['本年度清查 {n} 次', '本年度清查 {n} 次', '{n} stocktakes this year'],
  rectification: ['本年度问题 {n} 项', '本年度問題 {n} 項', '{n} findings this year'],
  monitoring: ['涉密计算机 {n} 台', '涉密計算機 {n} 台', '{n} classified computers'],
};

/** Why an item is an exception to its point (said after its number). */
export const PACK_EXCEPTION_TERMS = {
  noDocNumber: ['无文号', '無文號', 'no reference'],
  noSigner: ['无签收人', '無簽收人', 'no signature'],
  noCabinet: ['无存放位置', '無存放位置', 'no cabinet'],
  cabinetBelow: ['保密柜密级低于载体', '保密櫃密級低於載體', 'cabinet below its level'],
  noApproval: ['无审批记录', '無審批記錄', 'no approval record'],
  returnedLate: ['逾期 {n} 天归还', '逾期 {n} 天歸還', 'back {n} days late'],
  stillOut: ['逾期未还', '逾期未還', 'overdue, not back'],
  returnLate: ['逾期清退', '逾期清退', 'returned late'],
  notReturned: ['逾期未清退', '逾期未清退', 'overdue, not returned'],
  fewWitnesses: ['销毁人和监销人不足两人', '銷毀人和監銷人不足兩人', 'fewer than two people'],
  onNetwork: ['接入{network}', '接入{network}', 'on the {network}'],
  secretsOnPlain: ['处理{level}信息', '處理{level}信息', '{level} data'],
  crossUse: ['交叉使用', '交叉使用', 'cross-use'],
  stillMissing: ['清查缺失，尚未找回', '清查缺失，尚未找回', 'missing, not found'],
  findingOverdue: ['逾期未整改', '逾期未整改', 'overdue, not rectified'],
  findingLate: ['逾期 {n} 天整改', '逾期 {n} 天整改', 'rectified {n} days late'],
} as const satisfies Record<string, Term>;

export const PACK_VERDICTS = ['conforms', 'exceptions', 'nothing', 'notAssessed'] as const;
export type PackVerdict = (typeof PACK_VERDICTS)[number];

export const PACK_VERDICT_TERMS: Record<PackVerdict, Term> = {
  conforms: ['符合', '符合', 'Conforms'],
  exceptions: ['有例外', '有例外', 'Exceptions'],
  /** Nothing of the kind this year: nothing to be right or wrong. */
  nothing: ['本年度无此事项', '本年度無此事項', 'None this year'],
  /** The ledger records nothing that could back a verdict: none is claimed. */
  notAssessed: ['未评估（台账无此记录）', '未評估（台帳無此記錄）', 'Not assessed (not in the ledger)'],
};

export const PACK_SUMMARY_TERMS = {
  period: [
    '统计期间：{from} 至 {to}；逾期以 {asOf} 计（台账最后一条记录之日）。',
    '統計期間：{from} 至 {to}；逾期以 {asOf} 計（台帳最後一條記錄之日）。',
    'Period: {from} to {to}; overdue as of {asOf} (the day of the ledger’s last entry).',
  ],
  figures: ['主要数字', '主要數字', 'Key figures'],
  checks: [
    '自查要点 {total} 项：符合 {conforms} 项，有例外 {exceptions} 项，本年度无此事项 {nothing} 项，未评估 {notAssessed} 项。',
    '自查要點 {total} 項：符合 {conforms} 項，有例外 {exceptions} 項，本年度無此事項 {nothing} 項，未評估 {notAssessed} 項。',
    '{total} points: {conforms} conform, {exceptions} with exceptions, {nothing} none this year, {notAssessed} not assessed.',
  ],
  computers: ['涉密计算机', '涉密計算機', 'Classified computers'],
  media: ['涉密存储介质', '涉密存儲介質', 'Classified storage media'],
  /** The one line the digest leaves out: when, by whom and at which audit head the pack was built. */
  head: ['生成：{by} {at} · 审计链 #{seq} {hash}', '生成：{by} {at} · 審計鏈 #{seq} {hash}', 'Built by {by} at {at} · audit chain #{seq} {hash}'],
  none: ['无', '無', 'None'],
  /** Under a list cut at its limit: the count is all of them, the rest is in the register. */
  more: [
    '共 {total} 条，此处列出前 {shown} 条；全部条目请在“统计”中打开该项数字，打印或导出其明细。',
    '共 {total} 條，此處列出前 {shown} 條；全部條目請在「統計」中打開該項數字，打印或導出其明細。',
    '{total} in all, the first {shown} listed here; open the figure in Statistics to print or export them all.',
  ],
  /** After the exceptions a check list names, when there are more. */
  moreExceptions: ['等，共 {n} 项', '等，共 {n} 項', '… {n} in all'],
  /** The check list's table: each point with the ledger's evidence. */
  checkList: ['自查要点及台账依据', '自查要點及台帳依據', 'Points and the ledger’s evidence'],
  /** The corner of a chart's table of numbers. */
  chartUnit: ['单位：{unit}', '單位：{unit}', 'Unit: {unit}'],
  /** The device units in the summary. */
  unit: ['台', '台', ''],
  /** The findings section's count, as the findings stand on the pack's day. */
  findings: [
    '本年度问题 {total} 项（含以前年度未整改完毕的）：已整改 {closed} 项，整改完成待确认 {awaiting} 项，整改中 {open} 项，逾期未整改 {overdue} 项。',
    '本年度問題 {total} 項（含以前年度未整改完畢的）：已整改 {closed} 項，整改完成待確認 {awaiting} 項，整改中 {open} 項，逾期未整改 {overdue} 項。',
    '{total} findings this year (with earlier ones not yet rectified): {closed} rectified, {awaiting} awaiting confirmation, {open} being rectified, {overdue} overdue.',
  ],
  /** The reviews section's count table: by decision, those not decided, withdrawn, and published. */
  reviewCounts: ['审查结论统计', '審查結論統計', 'Reviews by decision'],
  reviewPending: ['待审查', '待審查', 'Not yet decided'],
  reviewWithdrawn: ['撤回', '撤回', 'Withdrawn'],
  reviewPublished: ['其中已公开', '其中已公開', 'Of which published'],
} as const satisfies Record<string, Term>;

/** A word with its {placeholders} filled in. */
export function fillPack(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (m, key: string) => (Object.hasOwn(values, key) ? String(values[key]) : m));
}
