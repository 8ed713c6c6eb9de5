// The words printed and exported sheets use, in the three UI languages. They live in the backend because the
// export (CLI, backend) needs them as much as the printout does; the renderer's locales use the same terms.
export const SHEET_LANGUAGES = ['zh-CN', 'zh-TW', 'en'] as const;
export type SheetLanguage = (typeof SHEET_LANGUAGES)[number];

/** One term in the three languages. */
export type Term = readonly [zhCN: string, zhTW: string, en: string];

export function say(term: Term, language: SheetLanguage): string {
  return term[SHEET_LANGUAGES.indexOf(language)]!;
}

export const LEVEL_TERMS: Record<'top_secret' | 'secret' | 'confidential' | 'internal' | 'non_secret', Term> = {
  top_secret: ['绝密', '絕密', 'Top secret'],
  secret: ['机密', '機密', 'Secret'],
  confidential: ['秘密', '秘密', 'Confidential'],
  internal: ['内部', '內部', 'Internal'],
  non_secret: ['非涉密', '非涉密', 'Non-classified'],
};

export const COPY_STATUS_TERMS: Record<'in_custody' | 'on_loan' | 'transmitted' | 'returned' | 'destroyed' | 'missing', Term> = {
  in_custody: ['在柜', '在櫃', 'In custody'],
  on_loan: ['借出', '借出', 'On loan'],
  transmitted: ['已传递', '已傳遞', 'Sent out'],
  returned: ['已清退', '已清退', 'Returned'],
  destroyed: ['已销毁', '已銷毀', 'Destroyed'],
  missing: ['缺失', '缺失', 'Missing'],
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

export const STATUS_FILTER_TERMS: Record<'held' | 'on_loan' | 'closed' | 'missing', Term> = {
  held: ['在管', '在管', 'Held'],
  on_loan: ['有借出', '有借出', 'With copies on loan'],
  closed: ['已办结', '已辦結', 'Closed'],
  missing: ['有缺失', '有缺失', 'With missing copies'],
};

export const REMINDER_TERMS: Record<'overdue' | 'returnDue' | 'secrecyEnding' | 'reviewDue', Term> = {
  overdue: ['逾期未还', '逾期未還', 'Overdue loans'],
  returnDue: ['清退期限将至或已过', '清退期限將至或已過', 'Return due'],
  secrecyEnding: ['保密期限即将届满', '保密期限即將屆滿', 'Secrecy period ending'],
  reviewDue: ['待年度定密审查', '待年度定密審查', 'Yearly review due'],
};

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
};

/** Column headings and field names, by key. */
export const LABELS = {
  seq: ['序号', '序號', 'No.'],
  receiptNo: ['收文编号', '收文編號', 'Receipt no.'],
  registeredAt: ['登记日期', '登記日期', 'Registered'],
  receivedAt: ['收文日期', '收文日期', 'Received'],
  originUnit: ['来文单位', '來文單位', 'From'],
  docNumber: ['文号', '文號', 'Doc. no.'],
  title: ['标题', '標題', 'Title'],
  marking: ['密级及保密期限', '密級及保密期限', 'Marking'],
  level: ['密级', '密級', 'Level'],
  copies: ['份数', '份數', 'Copies'],
  copyNos: ['份号', '份號', 'Copy nos.'],
  status: ['状态', '狀態', 'Status'],
  returnBy: ['应清退日期', '應清退日期', 'Return by'],
  signedBy: ['签收人', '簽收人', 'Signed by'],
  scope: ['知悉范围', '知悉範圍', 'Need-to-know scope'],
  remarks: ['备注', '備註', 'Remarks'],
  date: ['日期', '日期', 'Date'],
  toUnit: ['发往单位', '發往單位', 'To'],
  channel: ['方式', '方式', 'Channel'],
  handledBy: ['经办人', '經辦人', 'Handled by'],
  approver: ['批准人', '批准人', 'Approved by'],
  receipt: ['回执', '回執', 'Receipt'],
  lentAt: ['借出日期', '借出日期', 'Lent'],
  borrower: ['借阅人', '借閱人', 'Borrower'],
  department: ['部门', '部門', 'Department'],
  dueAt: ['应还日期', '應還日期', 'Due'],
  returnedAt: ['归还日期', '歸還日期', 'Returned'],
  condition: ['归还状况', '歸還狀況', 'Condition'],
  receivedBy: ['接收人', '接收人', 'Received by'],
  sourceCopyNo: ['原份号', '原份號', 'From copy'],
  newCopyNos: ['复制件份号', '複製件份號', 'New copy nos.'],
  recordedBy: ['登记人', '登記人', 'Recorded by'],
  code: ['编号', '編號', 'Code'],
  name: ['名称', '名稱', 'Name'],
  model: ['品牌型号', '品牌型號', 'Make and model'],
  serial: ['序列号', '序列號', 'Serial no.'],
  diskSerial: ['硬盘序列号', '硬盤序列號', 'Disk serial'],
  mac: ['MAC地址', 'MAC地址', 'MAC'],
  os: ['操作系统及安装日期', '操作系統及安裝日期', 'OS and install date'],
  network: ['联网类型', '聯網類型', 'Network'],
  purpose: ['用途', '用途', 'Purpose'],
  usingDepartment: ['使用部门', '使用部門', 'Department'],
  responsible: ['责任人', '責任人', 'Responsible'],
  location: ['放置地点', '放置地點', 'Location'],
  enabledAt: ['启用日期', '啟用日期', 'In service since'],
  type: ['类型', '類型', 'Type'],
  capacity: ['容量', '容量', 'Capacity'],
  usageScope: ['使用范围', '使用範圍', 'Scope of use'],
  time: ['时间', '時間', 'Time'],
  medium: ['介质编号', '介質編號', 'Medium'],
  mediumLevel: ['介质密级', '介質密級', 'Medium level'],
  computer: ['计算机编号', '計算機編號', 'Computer'],
  computerLevel: ['计算机密级', '計算機密級', 'Computer level'],
  user: ['使用人', '使用人', 'User'],
  dataLevel: ['数据最高密级', '數據最高密級', 'Highest data level'],
  query: ['检索', '檢索', 'Search'],
  levels: ['密级', '密級', 'Levels'],
  year: ['年度', '年度', 'Year'],
  holder: ['借阅人', '借閱人', 'Borrower'],
  reminder: ['提醒', '提醒', 'Reminder'],
  storage: ['存放位置', '存放位置', 'Storage location'],
  all: ['全部', '全部', 'All'],
  event: ['事项', '事項', 'Event'],
  counterpart: ['对方', '對方', 'Counterpart'],
  details: ['说明', '說明', 'Details'],
  recordedAt: ['登记时间', '登記時間', 'Recorded at'],
  issueDate: ['制发日期', '制發日期', 'Issued'],
  secrecyEnd: ['保密期限至', '保密期限至', 'Secret until'],
  declassified: ['已解密', '已解密', 'Declassified'],
  present: ['在管份号', '在管份號', 'Present'],
  missing: ['缺失份号', '缺失份號', 'Missing'],
  returnUnit: ['清退单位', '清退單位', 'Returned by unit'],
  receivingUnit: ['接收单位', '接收單位', 'Receiving unit'],
  returnDate: ['清退日期', '清退日期', 'Date of return'],
  returner: ['清退人', '清退人', 'Returned by'],
  receiver: ['接收人', '接收人', 'Received by'],
  destroyDate: ['销毁日期', '銷毀日期', 'Date of destruction'],
  method: ['销毁方式', '銷毀方式', 'Method'],
  place: ['销毁地点', '銷毀地點', 'Place'],
  destroyer: ['销毁人', '銷毀人', 'Destroyed by'],
  witness: ['监销人', '監銷人', 'Witnessed by'],
  handoverDate: ['移交日期', '移交日期', 'Date of hand-over'],
  giver: ['交出人', '交出人', 'Handed over by'],
  taker: ['接收人', '接收人', 'Taken over by'],
  supervisor: ['监交人', '監交人', 'Supervised by'],
  inventoryDate: ['清查日期', '清查日期', 'Date of inventory'],
  checkedBy: ['清查人', '清查人', 'Checked by'],
  batch: ['批次', '批次', 'Batch'],
} as const satisfies Record<string, Term>;

export type LabelKey = keyof typeof LABELS;

export function label(key: LabelKey, language: SheetLanguage): string {
  return say(LABELS[key], language);
}

/** The list separator each language writes between names and levels. */
export function listOf(items: readonly string[], language: SheetLanguage): string {
  return items.join(language === 'en' ? ', ' : '、');
}
