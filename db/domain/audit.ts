// The audit log in the reader's words: each entry's category, its action, the fields of its summary and their values.
// Entries store command names, codes and typed details, never sentences; these words turn them into text in zh-CN,
// zh-TW or en, for old entries as for new ones. A test enumerates the command table: no command goes without words.
import { compressCopyNos } from './copies';
import {
  APPROVAL_KIND_TERMS,
  APPROVAL_WAY_TERMS,
  CARRIER_TERMS,
  CONDITION_TERMS,
  DESTROY_METHOD_TERMS,
  DEVICE_STATUS_TERMS,
  LEVEL_TERMS,
  MEDIUM_TYPE_TERMS,
  NETWORK_TERMS,
  REMINDER_TERMS,
  STATUS_FILTER_TERMS,
  listOf,
  say,
  type Language,
  type Term,
} from './terms';

export const AUDIT_CATEGORIES = [
  'documents',
  'computers',
  'media',
  'people',
  'locations',
  'accounts',
  'session',
  'print',
  'backup',
  'transfer',
  'approvals',
  'settings',
  'audit',
  'ledger',
] as const;
export type AuditCategory = (typeof AUDIT_CATEGORIES)[number];

export const AUDIT_CATEGORY_TERMS: Record<AuditCategory, Term> = {
  documents: ['涉密文件', '涉密文件', 'Documents'],
  computers: ['计算机', '計算機', 'Computers'],
  media: ['介质', '介質', 'Media'],
  people: ['人员', '人員', 'People'],
  locations: ['保密柜', '保密櫃', 'Cabinets'],
  accounts: ['账户', '賬戶', 'Accounts'],
  session: ['会话', '會話', 'Sessions'],
  print: ['打印', '打印', 'Printing'],
  backup: ['备份', '備份', 'Backup'],
  transfer: ['导入导出', '導入導出', 'Import and export'],
  approvals: ['审批', '審批', 'Approvals'],
  settings: ['设置', '設置', 'Settings'],
  audit: ['审计', '審計', 'Audit'],
  ledger: ['台账', '台賬', 'Ledger'],
};

/** A command name's first part, as its entries' `kind` column holds it, and the category it belongs to. */
const FAMILY_CATEGORY: Record<string, AuditCategory> = {
  documents: 'documents',
  reminders: 'documents',
  computers: 'computers',
  media: 'media',
  people: 'people',
  locations: 'locations',
  account: 'accounts',
  session: 'session',
  print: 'print',
  backup: 'backup',
  import: 'transfer',
  export: 'transfer',
  approvals: 'approvals',
  settings: 'settings',
  audit: 'audit',
  ledger: 'ledger',
  // A label code names a copy, a device or a cabinet: the ledger's, not one register's.
  codes: 'ledger',
};

export function auditCategoryOf(action: string): AuditCategory | null {
  const family = action.split('.')[0] ?? '';
  return Object.hasOwn(FAMILY_CATEGORY, family) ? FAMILY_CATEGORY[family]! : null;
}

/** The command families of a category: what a filter on it matches. */
export function auditFamiliesOf(category: AuditCategory): string[] {
  return Object.entries(FAMILY_CATEGORY)
    .filter(([, c]) => c === category)
    .map(([family]) => family);
}

/** Every command of the table (and of the approvals to come) in words. */
export const AUDIT_ACTION_TERMS: Record<string, Term> = {
  'locations.list': ['查看保密柜', '查看保密櫃', 'List cabinets'],
  'locations.create': ['新建保密柜', '新建保密櫃', 'Add a cabinet'],
  'locations.correct': ['更正保密柜', '更正保密櫃', 'Correct a cabinet'],
  'locations.history': ['查看保密柜记录', '查看保密櫃記錄', 'View a cabinet’s history'],
  'documents.receive': ['收文登记', '收文登記', 'Register a received document'],
  'documents.produce': ['制作登记', '製作登記', 'Register a produced document'],
  'documents.lend': ['借阅', '借閱', 'Lend'],
  'documents.returnLoan': ['归还', '歸還', 'Return from loan'],
  'documents.transmit': ['传递', '傳遞', 'Send out'],
  'documents.confirmReceipt': ['登记回执', '登記回執', 'Record a receipt'],
  'documents.move': ['移库', '移庫', 'Move'],
  'documents.copy': ['复制', '複製', 'Copy'],
  'documents.returnToIssuer': ['清退', '清退', 'Return to the issuer'],
  'documents.destroy': ['销毁', '銷毀', 'Destroy'],
  'documents.changeMarking': ['变更密级或解密', '變更密級或解密', 'Change the marking or declassify'],
  'documents.review': ['定密审查', '定密審查', 'Review the classification'],
  'documents.inventory': ['清查', '清查', 'Inventory'],
  'documents.found': ['找回', '找回', 'Found'],
  'documents.reportLost': ['报失', '報失', 'Report lost'],
  'documents.handover': ['移交', '移交', 'Hand over'],
  'documents.correct': ['更正', '更正', 'Correct'],
  'documents.void': ['作废', '作廢', 'Void'],
  'documents.list': ['查看文件台账', '查看文件台賬', 'List documents'],
  'documents.get': ['查看文件', '查看文件', 'View a document'],
  'documents.suggest': ['检索提示', '檢索提示', 'Suggestions'],
  'reminders.get': ['查看提醒', '查看提醒', 'View reminders'],
  'computers.register': ['计算机登记', '計算機登記', 'Register a computer'],
  'computers.change': ['计算机信息变更', '計算機信息變更', 'Change a computer'],
  'computers.correct': ['更正计算机登记', '更正計算機登記', 'Correct a computer'],
  'computers.repair': ['送修', '送修', 'Send for repair'],
  'computers.backFromRepair': ['维修返回', '維修返回', 'Back from repair'],
  'computers.stop': ['停用', '停用', 'Stop using'],
  'computers.enable': ['启用', '啟用', 'Put back in use'],
  'computers.scrap': ['报废', '報廢', 'Scrap'],
  'computers.destroy': ['销毁', '銷毀', 'Destroy'],
  'computers.list': ['查看计算机台账', '查看計算機台賬', 'List computers'],
  'computers.get': ['查看计算机', '查看計算機', 'View a computer'],
  'media.register': ['介质登记', '介質登記', 'Register a medium'],
  'media.change': ['介质信息变更', '介質信息變更', 'Change a medium'],
  'media.correct': ['更正介质登记', '更正介質登記', 'Correct a medium'],
  'media.lend': ['介质借用', '介質借用', 'Lend a medium'],
  'media.return': ['介质归还', '介質歸還', 'Return a medium'],
  'media.logUsage': ['登记介质使用', '登記介質使用', 'Log a use'],
  'media.stop': ['停用', '停用', 'Stop using'],
  'media.enable': ['启用', '啟用', 'Put back in use'],
  'media.scrap': ['报废', '報廢', 'Scrap'],
  'media.destroy': ['销毁', '銷毀', 'Destroy'],
  'media.list': ['查看介质台账', '查看介質台賬', 'List media'],
  'media.get': ['查看介质', '查看介質', 'View a medium'],
  'media.usageLog': ['查看介质使用登记', '查看介質使用登記', 'View the usage log'],
  'people.holdings': ['查看人员在借', '查看人員在借', 'View what a person holds'],
  'people.depart': ['人员离岗', '人員離崗', 'Record a departure'],
  'backup.run': ['备份', '備份', 'Back up'],
  'backup.list': ['查看备份', '查看備份', 'List backups'],
  'backup.media': ['查看备份介质', '查看備份介質', 'List backup media'],
  'backup.status': ['查看备份状态', '查看備份狀態', 'Backup status'],
  'backup.inspect': ['查看备份内容', '查看備份內容', 'Inspect a backup'],
  'backup.verify': ['校验备份', '校驗備份', 'Verify a backup'],
  'backup.restore': ['恢复备份', '恢復備份', 'Restore a backup'],
  'import.inspect': ['读取导入文件', '讀取導入文件', 'Read an import file'],
  'import.dryRun': ['导入预检', '導入預檢', 'Check an import'],
  'import.apply': ['导入', '導入', 'Import'],
  'export.register': ['导出台账', '導出台賬', 'Export a register'],
  'print.prepare': ['准备打印', '準備打印', 'Prepare a printout'],
  'print.record': ['打印', '打印', 'Print'],
  'codes.lookup': ['查找标签编码', '查找標籤編碼', 'Look up a label code'],
  'ledger.status': ['查看台账状态', '查看台賬狀態', 'Ledger status'],
  'ledger.setup': ['建立台账', '建立台賬', 'Set up the ledger'],
  'ledger.info': ['查看台账信息', '查看台賬信息', 'Ledger information'],
  'session.login': ['登录', '登錄', 'Sign in'],
  'session.unlock': ['解锁', '解鎖', 'Unlock'],
  'session.recover': ['用恢复码重设密码', '用恢復碼重設密碼', 'Recover with the recovery code'],
  'session.lock': ['锁定', '鎖定', 'Lock'],
  'session.logout': ['退出登录', '退出登錄', 'Sign out'],
  'session.touch': ['保持登录', '保持登錄', 'Keep signed in'],
  'account.changePassword': ['修改密码', '修改密碼', 'Change the password'],
  'account.list': ['查看账户', '查看賬戶', 'List accounts'],
  'account.create': ['新建账户', '新建賬戶', 'Create an account'],
  'account.update': ['修改账户', '修改賬戶', 'Change an account'],
  'account.resetPassword': ['重置密码', '重置密碼', 'Reset a password'],
  'settings.get': ['查看设置', '查看設置', 'View the settings'],
  'settings.update': ['修改设置', '修改設置', 'Change the settings'],
  'audit.list': ['查看审计日志', '查看審計日誌', 'Read the audit log'],
  'audit.verify': ['校验审计链', '校驗審計鏈', 'Verify the audit chain'],
  'audit.checkPrintout': ['核对打印件', '核對打印件', 'Check a printout'],
  'approvals.request': ['申请审批', '申請審批', 'Request an approval'],
  'approvals.decide': ['审批', '審批', 'Decide an approval'],
  'approvals.recordPaper': ['登记纸质审批单', '登記紙本審批單', 'Record a paper approval'],
  'approvals.list': ['查看审批', '查看審批', 'List approvals'],
  'approvals.get': ['查看审批单', '查看審批單', 'View an approval'],
  'approvals.approvers': ['查看审批人', '查看審批人', 'List approvers'],
  'documents.lookup': ['按编号查找文件', '按編號查找文件', 'Find a document by number'],
  'documents.handoverPreview': ['预览移交清单', '預覽移交清單', 'Preview a hand-over list'],
  'account.prefs': ['查看显示偏好', '查看顯示偏好', 'View display preferences'],
  'account.setPrefs': ['修改显示偏好', '修改顯示偏好', 'Change display preferences'],
};

/** The action in words; an action without words (a command newer than this list) by its category, else as stored. */
export function auditActionText(action: string, language: Language): string {
  if (Object.hasOwn(AUDIT_ACTION_TERMS, action)) return say(AUDIT_ACTION_TERMS[action]!, language);
  const category = auditCategoryOf(action);
  return category ? say(AUDIT_CATEGORY_TERMS[category], language) : action;
}

export const AUDIT_OUTCOME_TERMS: Record<'ok' | 'refused' | 'failed', Term> = {
  ok: ['成功', '成功', 'Done'],
  refused: ['拒绝', '拒絕', 'Refused'],
  failed: ['失败', '失敗', 'Failed'],
};

/** The fields a summary may hold: every command's input field, and what the commands note beside them. */
export const AUDIT_FIELD_TERMS: Record<string, Term> = {
  input: ['输入', '輸入', 'Input'],
  details: ['拒绝依据', '拒絕依據', 'Grounds'],
  reason: ['原因', '原因', 'Reason'],
  before: ['修改前', '修改前', 'Before'],
  after: ['修改后', '修改後', 'After'],
  clockBack: ['时钟回拨', '時鐘回撥', 'Clock set back'],
  previousAt: ['上一条时间', '上一條時間', 'Previous entry at'],
  recordedWhileLocked: ['锁定期间记录', '鎖定期間記錄', 'Recorded while locked'],
  newRecoveryCode: ['新恢复码', '新恢復碼', 'New recovery code'],
  mustChangePassword: ['须修改密码', '須修改密碼', 'Must change the password'],
  reactivated: ['重新启用', '重新啟用', 'Reactivated'],
  intact: ['完整', '完整', 'Intact'],
  firstBroken: ['首个断点', '首個斷點', 'First break'],
  seq: ['序号', '序號', 'No.'],
  hash: ['哈希', '哈希', 'Hash'],
  sha256: ['校验值', '校驗值', 'Checksum'],
  size: ['大小', '大小', 'Size'],
  auditHead: ['审计链头', '審計鏈頭', 'Audit chain head'],
  shortHash: ['短哈希', '短哈希', 'Short hash'],
  what: ['打印内容', '打印內容', 'Printout'],
  reported: ['主机报告', '主機報告', 'Reported by the host'],
  printEntry: ['打印记录', '打印記錄', 'Print entry'],
  chainIntact: ['审计链完整', '審計鏈完整', 'Chain intact'],
  matches: ['哈希一致', '哈希一致', 'Hash matches'],
  found: ['找到条目', '找到條目', 'Entry found'],
  prints: ['打印记录', '打印記錄', 'Print entries'],
  issues: ['问题', '問題', 'Issues'],
  path: ['位置', '位置', 'Where'],
  message: ['说明', '說明', 'Message'],
  command: ['命令', '命令', 'Command'],
  needs: ['所需角色', '所需角色', 'Roles needed'],
  cause: ['原因代码', '原因代碼', 'Cause'],
  active: ['在用', '在用', 'Active'],
  actor: ['操作人', '操作人', 'By'],
  approval: ['审批', '審批', 'Approval'],
  approvalId: ['审批单', '審批單', 'Approval'],
  approver: ['审批人', '審批人', 'Approver'],
  approverId: ['审批人', '審批人', 'Approver'],
  approvalValidDays: ['审批有效天数', '審批有效天數', 'Approval valid (days)'],
  action: ['操作', '操作', 'Action'],
  category: ['类别', '類別', 'Category'],
  at: ['时间', '時間', 'Time'],
  appVersion: ['程序版本', '程序版本', 'App version'],
  attachments: ['附件', '附件', 'Attachments'],
  auditSeq: ['审计链序号', '審計鏈序號', 'Audit chain no.'],
  authority: ['审批权限', '審批權限', 'Authority'],
  backupApproved: ['可作备份介质', '可作備份介質', 'Approved for backup'],
  backupIntervalDays: ['备份间隔天数', '備份間隔天數', 'Backup interval (days)'],
  batchNo: ['单号', '單號', 'Batch no.'],
  body: ['发文机关', '發文機關', 'Issuing body'],
  borrower: ['借用人', '借用人', 'Borrower'],
  capacity: ['容量', '容量', 'Capacity'],
  carrier: ['载体形式', '載體形式', 'Carrier'],
  change: ['变更', '變更', 'Change'],
  channel: ['传递方式', '傳遞方式', 'Channel'],
  checkedBy: ['检查人', '檢查人', 'Checked by'],
  classificationBasis: ['定密依据', '定密依據', 'Classification basis'],
  classified: ['涉密', '涉密', 'Classified'],
  classifiedBy: ['定密责任人', '定密責任人', 'Classified by'],
  code: ['编号', '編號', 'Code'],
  codes: ['标签编码', '標籤編碼', 'Label codes'],
  columns: ['列数', '列數', 'Columns'],
  device: ['设备', '設備', 'Device'],
  layout: ['标签版式', '標籤版式', 'Label layout'],
  preset: ['标签纸规格', '標籤紙規格', 'Label sheet'],
  labelWidthMm: ['标签宽（毫米）', '標籤寬（毫米）', 'Label width (mm)'],
  labelHeightMm: ['标签高（毫米）', '標籤高（毫米）', 'Label height (mm)'],
  marginTopMm: ['上边距（毫米）', '上邊距（毫米）', 'Top margin (mm)'],
  marginLeftMm: ['左边距（毫米）', '左邊距（毫米）', 'Left margin (mm)'],
  gapXmm: ['横向间距（毫米）', '橫向間距（毫米）', 'Gap across (mm)'],
  gapYmm: ['纵向间距（毫米）', '縱向間距（毫米）', 'Gap down (mm)'],
  widthMm: ['标签宽（毫米）', '標籤寬（毫米）', 'Label width (mm)'],
  heightMm: ['标签高（毫米）', '標籤高（毫米）', 'Label height (mm)'],
  compilation: ['汇编', '彙編', 'Compilation'],
  computerId: ['计算机', '計算機', 'Computer'],
  conclusion: ['结论', '結論', 'Conclusion'],
  condition: ['状况', '狀況', 'Condition'],
  copies: ['份数', '份數', 'Copies'],
  copyNos: ['份号', '份號', 'Copy nos.'],
  count: ['数量', '數量', 'Count'],
  data: ['数据', '數據', 'Data'],
  dataCleared: ['数据已清除', '數據已清除', 'Data cleared'],
  dataLevel: ['数据最高密级', '數據最高密級', 'Highest level of data'],
  date: ['日期', '日期', 'Date'],
  decidedAt: ['审批时间', '審批時間', 'Decided at'],
  decidedBy: ['决定机关', '決定機關', 'Decided by'],
  decision: ['决定', '決定', 'Decision'],
  decisionDocNo: ['决定文号', '決定文號', 'Decision no.'],
  declassify: ['解密', '解密', 'Declassify'],
  defaults: ['默认值', '默認值', 'Defaults'],
  department: ['部门', '部門', 'Department'],
  destination: ['输出', '輸出', 'Output'],
  destroyers: ['销毁人', '銷毀人', 'Destroyed by'],
  diskSerial: ['硬盘序列号', '硬盤序列號', 'Disk serial'],
  displayName: ['姓名', '姓名', 'Name'],
  docNo: ['文号', '文號', 'Document no.'],
  docNumber: ['文号', '文號', 'Document no.'],
  documentColumns: ['台账显示列', '臺賬顯示欄', 'Register columns'],
  documentId: ['收文编号', '收文編號', 'Receipt no.'],
  documentIds: ['收文编号', '收文編號', 'Receipt nos.'],
  dueAt: ['应还日期', '應還日期', 'Due'],
  enabledAt: ['启用日期', '啟用日期', 'In use since'],
  escort: ['陪同人', '陪同人', 'Escort'],
  eventId: ['事件', '事件', 'Event'],
  facility: ['销毁机构', '銷毀機構', 'Facility'],
  field: ['字段', '字段', 'Field'],
  fileName: ['文件名', '文件名', 'File name'],
  filters: ['筛选条件', '篩選條件', 'Filter'],
  firstCopyNo: ['起始份号', '起始份號', 'First copy no.'],
  folder: ['文件夹', '文件夾', 'Folder'],
  format: ['格式', '格式', 'Format'],
  forward: ['转发', '轉發', 'Forward'],
  from: ['起', '起', 'From'],
  handedTo: ['接收人', '接收人', 'Handed to'],
  handledBy: ['经办人', '經辦人', 'Handled by'],
  headerRow: ['表头行', '表頭行', 'Header row'],
  holder: ['持有人', '持有人', 'Holder'],
  id: ['编号', '編號', 'No.'],
  idleMinutes: ['空闲锁定分钟数', '空閒鎖定分鐘數', 'Idle lock (minutes)'],
  issueDate: ['制发日期', '製發日期', 'Issue date'],
  items: ['条目', '條目', 'Items'],
  keeper: ['保管人', '保管人', 'Keeper'],
  kind: ['类别', '類別', 'Kind'],
  language: ['语言', '語言', 'Language'],
  lateEntryReason: ['补登原因', '補登原因', 'Late entry reason'],
  lateEntryYears: ['补登年限', '補登年限', 'Late entry years'],
  level: ['密级', '密級', 'Level'],
  levels: ['密级', '密級', 'Levels'],
  limit: ['条数', '條數', 'Limit'],
  location: ['放置地点', '放置地點', 'Location'],
  locationId: ['保密柜', '保密櫃', 'Cabinet'],
  mac: ['MAC地址', 'MAC地址', 'MAC address'],
  mapping: ['列对应', '列對應', 'Column mapping'],
  marking: ['密级标志', '密級標志', 'Marking'],
  maxLevel: ['最高密级', '最高密級', 'Highest level'],
  mediumId: ['介质', '介質', 'Medium'],
  method: ['方式', '方式', 'Method'],
  minLength: ['最短长度', '最短長度', 'Minimum length'],
  missing: ['缺失', '缺失', 'Missing'],
  model: ['品牌型号', '品牌型號', 'Model'],
  mustReturn: ['须清退', '須清退', 'Must be returned'],
  name: ['名称', '名稱', 'Name'],
  network: ['联网类型', '聯網類型', 'Network'],
  newPassword: ['新密码', '新密碼', 'New password'],
  note: ['意见', '意見', 'Note'],
  notes: ['备注', '備註', 'Notes'],
  offSite: ['外送', '外送', 'Off site'],
  offset: ['起始条', '起始條', 'Offset'],
  oldPassword: ['原密码', '原密碼', 'Old password'],
  order: ['排序', '排序', 'Order'],
  originUnit: ['来文单位', '來文單位', 'From'],
  os: ['操作系统', '操作系統', 'Operating system'],
  osInstalledAt: ['系统安装日期', '系統安裝日期', 'OS installed'],
  outcome: ['结果', '結果', 'Outcome'],
  pages: ['页数', '頁數', 'Pages'],
  paperNo: ['纸质审批单号', '紙本審批單號', 'Paper form no.'],
  password: ['密码', '密碼', 'Password'],
  passwordPolicy: ['密码规则', '密碼規則', 'Password policy'],
  person: ['人员', '人員', 'Person'],
  place: ['地点', '地點', 'Place'],
  prefix: ['前缀', '前綴', 'Prefix'],
  printer: ['打印机', '打印機', 'Printer'],
  printId: ['打印编号', '打印編號', 'Print id'],
  producedAt: ['制作日期', '製作日期', 'Produced'],
  producedBy: ['制作人', '製作人', 'Produced by'],
  purpose: ['用途', '用途', 'Purpose'],
  query: ['检索词', '檢索詞', 'Query'],
  receiptNoFormat: ['收文编号格式', '收文編號格式', 'Receipt no. format'],
  receiptRef: ['回执编号', '回執編號', 'Receipt ref.'],
  receiptReminderDays: ['回执提醒天数', '回執提醒天數', 'Receipt reminder (days)'],
  receivedAt: ['收文日期', '收文日期', 'Received'],
  receivedBy: ['接收人', '接收人', 'Received by'],
  receiver: ['接收人', '接收人', 'Receiver'],
  recoveryCode: ['恢复码', '恢復碼', 'Recovery code'],
  reference: ['依据', '依據', 'Reference'],
  register: ['台账', '台賬', 'Register'],
  remarks: ['备注', '備註', 'Remarks'],
  reminder: ['提醒', '提醒', 'Reminder'],
  reminderDays: ['提前提醒天数', '提前提醒天數', 'Reminder (days)'],
  reminderKind: ['提醒类别', '提醒類別', 'Reminder'],
  repairer: ['维修单位', '維修單位', 'Repairer'],
  reportRef: ['报告编号', '報告編號', 'Report ref.'],
  request: ['打印请求', '打印請求', 'Print request'],
  requireMixedCase: ['须含大小写', '須含大小寫', 'Mixed case required'],
  requireSymbol: ['须含符号', '須含符號', 'Symbol required'],
  responsible: ['责任人', '責任人', 'Responsible'],
  returnBy: ['应清退日期', '應清退日期', 'Return by'],
  returner: ['归还人', '歸還人', 'Returned by'],
  reviewedBy: ['审查人', '審查人', 'Reviewed by'],
  roles: ['角色', '角色', 'Roles'],
  rows: ['行数', '行數', 'Rows'],
  scope: ['知悉范围', '知悉範圍', 'Need-to-know scope'],
  scopeDecision: ['范围决定', '範圍決定', 'Scope decision'],
  serial: ['序列号', '序列號', 'Serial'],
  sheet: ['工作表', '工作表', 'Sheet'],
  shredderMaxCopies: ['碎纸机销毁份数上限', '碎紙機銷毀份數上限', 'Shredder limit'],
  signedBy: ['签收人', '簽收人', 'Signed by'],
  sort: ['排序', '排序', 'Sort'],
  sourceCopyNo: ['源份号', '源份號', 'Source copy no.'],
  sources: ['来源文件', '來源文件', 'Sources'],
  status: ['状态', '狀態', 'Status'],
  storageRemoved: ['存储已拆除', '存儲已拆除', 'Storage removed'],
  subject: ['审批事项', '審批事項', 'Subject'],
  supervisor: ['监销人', '監銷人', 'Witness'],
  target: ['对象', '對象', 'Target'],
  telegrams: ['电报专柜', '電報專櫃', 'For telegrams'],
  takenOut: ['带出', '帶出', 'Taken out'],
  title: ['标题', '標題', 'Title'],
  to: ['借阅人', '借閱人', 'To'],
  toUnit: ['发往单位', '發往單位', 'To unit'],
  type: ['类型', '類型', 'Type'],
  unitName: ['单位名称', '單位名稱', 'Unit name'],
  usageScope: ['使用范围', '使用範圍', 'Usage scope'],
  value: ['更正为', '更正為', 'Corrected to'],
  user: ['使用人', '使用人', 'User'],
  username: ['账户', '賬戶', 'Account'],
  way: ['审批方式', '審批方式', 'Way'],
  witnesses: ['监销人', '監銷人', 'Witnesses'],
  year: ['年度', '年度', 'Year'],
};

const ROLE_TERMS: Record<string, Term> = {
  custodian: ['保管员', '保管員', 'Custodian'],
  approver: ['审批人', '審批人', 'Approver'],
  auditor: ['审计员', '審計員', 'Auditor'],
  admin: ['系统管理员', '系統管理員', 'Administrator'],
};

/** Values that are codes, by the field that holds them: shown as the term, never the code. */
const VALUE_TERMS: Record<string, Readonly<Record<string, Term>>> = {
  level: LEVEL_TERMS,
  levels: LEVEL_TERMS,
  maxLevel: LEVEL_TERMS,
  dataLevel: LEVEL_TERMS,
  network: NETWORK_TERMS,
  type: {
    ...MEDIUM_TYPE_TERMS,
    // What an approval is about (its subject's type).
    document: AUDIT_CATEGORY_TERMS.documents,
    computer: ['计算机', '計算機', 'Computer'],
    medium: ['介质', '介質', 'Medium'],
    location: ['保密柜', '保密櫃', 'Cabinet'],
  },
  kind: APPROVAL_KIND_TERMS,
  way: APPROVAL_WAY_TERMS,
  decision: { approved: ['批准', '批准', 'Approved'], refused: ['不批准', '不批准', 'Refused'] },
  condition: CONDITION_TERMS,
  method: DESTROY_METHOD_TERMS,
  roles: ROLE_TERMS,
  needs: ROLE_TERMS,
  status: { ...STATUS_FILTER_TERMS, ...DEVICE_STATUS_TERMS },
  reminder: REMINDER_TERMS,
  reminderKind: REMINDER_TERMS,
  outcome: AUDIT_OUTCOME_TERMS,
  destination: { pdf: ['PDF文件', 'PDF文件', 'PDF file'], printer: ['打印机', '打印機', 'Printer'] },
  carrier: CARRIER_TERMS,
  what: {
    sheet: ['台账', '台賬', 'Register'],
    history: ['流转记录', '流轉記錄', 'History'],
    'return-slip': ['清退单', '清退單', 'Return slip'],
    'destruction-list': ['销毁清单', '銷毀清單', 'Destruction list'],
    'handover-list': ['移交清单', '移交清單', 'Hand-over list'],
    'inventory-report': ['清查报告', '清查報告', 'Inventory report'],
    'approval-form': ['审批单', '審批單', 'Approval form'],
    labels: ['标签', '標籤', 'Labels'],
  },
  // A lock's reason, and where a chain check found the break.
  reason: {
    manual: ['手动锁定', '手動鎖定', 'Locked by hand'],
    idle: ['空闲超时', '空閒超時', 'Idle'],
    system: ['系统锁定', '系統鎖定', 'Locked by the system'],
    hash: ['内容与哈希不符', '內容與哈希不符', 'Does not match its hash'],
    link: ['与上一条链接不符', '與上一條鏈接不符', 'Does not link to the previous entry'],
    sequence: ['序号不连续', '序號不連續', 'Numbers have a gap'],
  },
  language: {
    'zh-CN': ['简体中文', '簡體中文', 'Simplified Chinese'],
    'zh-TW': ['繁体中文', '繁體中文', 'Traditional Chinese'],
    en: ['英文', '英文', 'English'],
  },
};

const YES_NO: Term = ['是', '是', 'yes'];
const NO: Term = ['否', '否', 'no'];
const REDACTED: Term = ['（已隐去）', '（已隱去）', '(hidden)'];

/** A field's label; a key without words (a field newer than this list) as it is stored. */
function auditFieldLabel(key: string, language: Language): string {
  return Object.hasOwn(AUDIT_FIELD_TERMS, key) ? say(AUDIT_FIELD_TERMS[key]!, language) : key;
}

/** One line of an entry's detail: the field's labels from the top down, and its value in words. */
export interface AuditField {
  labels: string[];
  value: string;
}

/** Ledger numbers the backend looked up for ids in a summary (a document's 收文编号, a device's 编号), by field. */
export type AuditRefs = Readonly<Record<string, string>>;

function valueText(key: string, value: unknown, language: Language, refs: AuditRefs): string {
  if (Object.hasOwn(refs, key) && (typeof value === 'number' || typeof value === 'string')) return refs[key]!;
  if (value === '[redacted]') return say(REDACTED, language);
  if (typeof value === 'boolean') return say(value ? YES_NO : NO, language);
  // A correction names the field it corrects: by its label.
  if (key === 'field' && typeof value === 'string') return auditFieldLabel(value, language);
  if (key === 'copyNos' && Array.isArray(value) && value.every((n) => typeof n === 'number')) return compressCopyNos(value);
  const terms = VALUE_TERMS[key];
  const one = (v: unknown) =>
    terms && typeof v === 'string' && Object.hasOwn(terms, v) ? say(terms[v]!, language) : typeof v === 'object' ? JSON.stringify(v) : String(v);
  return Array.isArray(value) ? listOf(value.map(one), language) : one(value);
}

/** Said by other fields: a print's request by its title and rows. */
const NOT_SHOWN = new Set(['request']);
/** A wrapper, not a field: what a command was given is the entry's own content. */
const UNLABELLED = new Set(['input']);

/** Every leaf of a summary as labelled lines; nested objects (before / after, input) keep their parents' labels. */
export function auditFields(summary: Readonly<Record<string, unknown>>, language: Language, refs: AuditRefs = {}): AuditField[] {
  const out: AuditField[] = [];
  const walk = (value: unknown, labels: string[], key: string) => {
    const isObject = value !== null && typeof value === 'object' && !Array.isArray(value);
    const isObjectList = Array.isArray(value) && value.some((v) => v !== null && typeof v === 'object');
    if (isObject) for (const [k, v] of Object.entries(value)) walk(v, [...labels, auditFieldLabel(k, language)], k);
    else if (isObjectList) value.forEach((v, i) => walk(v, [...labels, `${i + 1}`], key));
    else if (value !== null && value !== undefined && value !== '') out.push({ labels, value: valueText(key, value, language, refs) });
  };
  for (const [k, v] of Object.entries(summary)) if (!NOT_SHOWN.has(k)) walk(v, UNLABELLED.has(k) ? [] : [auditFieldLabel(k, language)], k);
  return out;
}
