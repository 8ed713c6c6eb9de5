// The registers a spreadsheet can be imported into: their fields, the column headers people actually use for
// them, and how one spreadsheet row becomes the input of the command that registers an item by hand.
import { COPY_STATUS_TERMS, DEVICE_STATUS_TERMS, LEVEL_TERMS, MEDIUM_TYPE_TERMS, NETWORK_TERMS, type Term } from '../../domain/terms';
import { DEFAULT_YEARS } from '../../domain/marking';
import { INSTALLED_TERMS, parseSecurityProducts } from '../../domain/computer-checks';
import { documentKey } from '../../domain/keys';
import { LABELS, type LabelKey } from '../sheets/labels';
import type { Cell } from './read';
import { cellText, parseCopyNos, parseCount, parseDate } from './normalize';

export const IMPORT_REGISTERS = ['documents', 'secret-computers', 'plain-computers', 'secret-media', 'plain-media'] as const;
export type ImportRegister = (typeof IMPORT_REGISTERS)[number];

export const REGISTER_NAMES: Record<ImportRegister, Term> = {
  documents: ['涉密文件登记台账', '涉密文件登記台帳', 'register of classified documents'],
  'secret-computers': ['涉密计算机登记备案表', '涉密計算機登記備案表', 'register of classified computers'],
  'plain-computers': ['非涉密计算机登记备案表', '非涉密計算機登記備案表', 'register of non-classified computers'],
  'secret-media': ['涉密移动存储介质登记备案表', '涉密移動存儲介質登記備案表', 'register of classified removable media'],
  'plain-media': ['非涉密移动存储介质登记备案表', '非涉密移動存儲介質登記備案表', 'register of non-classified removable media'],
};

export interface FieldSpec {
  key: string;
  /** The name the report and the wizard use, in the three languages. */
  label: Term;
  /** Headers this field goes by (zh-CN, zh-TW, en); compared after headerKey(). */
  headers: string[];
  required: boolean;
}

const f = (key: string, label: Term, required: boolean, ...headers: string[]): FieldSpec => ({ key, label, headers: [...label, ...headers], required });

/**
 * The column labels of the exported sheets (db/ledger/sheets, in zh-CN, zh-TW and en) that name each field, so an
 * export imports back as it is.
 */
const SHEET_LABELS: Record<string, LabelKey[]> = {
  receivedAt: ['registeredAt', 'receivedAt'],
  originUnit: ['originUnit'],
  docNumber: ['docNumber'],
  title: ['title'],
  marking: ['marking', 'level'],
  copies: ['copies'],
  copyNos: ['copyNos'],
  status: ['status'],
  returnBy: ['returnBy'],
  signedBy: ['signedBy'],
  scope: ['scope'],
  remarks: ['remarks'],
  issueDate: ['issueDate'],
  code: ['code'],
  name: ['name'],
  model: ['model'],
  serial: ['serial'],
  diskSerial: ['diskSerial'],
  mac: ['mac'],
  os: ['os'],
  level: ['level'],
  network: ['network'],
  purpose: ['purpose'],
  department: ['usingDepartment', 'department'],
  responsible: ['responsible'],
  enabledAt: ['enabledAt'],
  type: ['type'],
  capacity: ['capacity'],
  usageScope: ['usageScope'],
  monitoring: ['monitoring'],
  threeInOne: ['threeInOne'],
  securityProducts: ['securityProducts'],
};

function withSheetLabels(fields: FieldSpec[], location: LabelKey): FieldSpec[] {
  return fields.map((field) => ({
    ...field,
    headers: [...field.headers, ...[...(SHEET_LABELS[field.key] ?? []), ...(field.key === 'location' ? [location] : [])].flatMap((k) => LABELS[k] as Term)],
  }));
}

// Shared by every register: what the item is now, and when it got there (history rows).
const statusFields = [
  f('status', ['状态', '狀態', 'Status'], false, '狀態', 'Status', '当前状态', '处理情况'),
  f(
    'statusAt',
    ['状态日期', '狀態日期', 'Status date'],
    false,
    '狀態日期',
    '清退日期',
    '销毁日期',
    '報廢日期',
    '报废日期',
    '停用日期',
    '銷毀日期',
    '清退日期',
    'Status date',
    'Returned on',
    'Destroyed on',
  ),
];

const DOCUMENT_FIELDS: FieldSpec[] = [
  f(
    'receivedAt',
    ['收文日期', '收文日期', 'Date received'],
    true,
    '收文日期',
    '收到日期',
    '登记日期',
    '签收日期',
    '日期',
    'Received',
    'Received on',
    'Date received',
  ),
  f(
    'originUnit',
    ['来文单位', '來文單位', 'Origin unit'],
    true,
    '来文机关',
    '來文單位',
    '來文機關',
    '发文单位',
    '發文單位',
    '来文单位/机关',
    '来文单位(机关)',
    '制发单位',
    'From',
    'Origin unit',
    'Issuer',
  ),
  f(
    'docNumber',
    ['文号', '文號', 'Document number'],
    false,
    '文件字号',
    '发文字号',
    '發文字號',
    '文號',
    '文件字號',
    '文件编号',
    'Doc No.',
    'Document number',
    'Number',
  ),
  f('title', ['标题', '標題', 'Title'], true, '文件标题', '文件名称', '标題', '文件標題', '文件名稱', '题名', '名称', 'Title'),
  f(
    'marking',
    ['密级', '密級', 'Marking'],
    true,
    '密級',
    '密级和保密期限',
    '密级及保密期限',
    '国家秘密标志',
    '密级★保密期限',
    'Marking',
    'Level',
    'Classification',
  ),
  f('period', ['保密期限', '保密期限', 'Secrecy period'], false, '保密期限', 'Period', 'Secrecy period'),
  f('issueDate', ['成文日期', '成文日期', 'Issue date'], false, '发文日期', '印发日期', '制发日期', '成文日期', '發文日期', 'Issue date', 'Issued'),
  f('copies', ['份数', '份數', 'Copies'], false, '份數', '数量', 'Copies', 'Count'),
  f('copyNos', ['份号', '份號', 'Copy numbers'], false, '份號', 'Copy No.', 'Copy numbers', 'Copy no'),
  f('signedBy', ['签收人', '簽收人', 'Signed by'], true, '签收人', '簽收人', '承办人', '承辦人', '经办人', '責任人', '责任人', 'Signed by', 'Handled by'),
  f('scope', ['知悉范围', '知悉範圍', 'Need-to-know scope'], true, '知悉範圍', '阅知范围', '发放范围', 'Scope', 'Need-to-know'),
  f('location', ['存放位置', '存放位置', 'Storage location'], true, '存放位置', '保管位置', '存放地点', '存放柜', '保密柜', '存放處', 'Location', 'Storage'),
  f('carrier', ['载体', '載體', 'Carrier'], false, '载体类型', '載體', '载体形式', 'Carrier'),
  f('attachments', ['附件', '附件', 'Attachments'], false, 'Attachments'),
  f('returnBy', ['应清退日期', '應清退日期', 'Return by'], false, '清退期限', '應清退日期', 'Return by'),
  f('remarks', ['备注', '備註', 'Remarks'], false, '備註', '備注', 'Remarks', 'Notes'),
  ...statusFields,
];

const deviceCommon = [
  f('code', ['编号', '編號', 'Code'], true, '保密编号', '設備編號', '设备编号', '資產編號', '资产编号', '编  号', '編號', 'Code', 'No.'),
  f('model', ['品牌型号', '品牌型號', 'Brand and model'], true, '品牌型號', '型号', '品牌', '品牌及型号', 'Model', 'Brand/model'),
  f('serial', ['序列号', '序號', 'Serial number'], true, '序列號', '设备序列号', '主机序列号', '出厂编号', 'Serial', 'Serial number', 'S/N'),
  f('level', ['密级', '密級', 'Marking'], true, '密級', '涉密等级', 'Level', 'Classification'),
  f('responsible', ['责任人', '責任人', 'Responsible person'], true, '責任人', '使用人', '保管人', 'Responsible', 'Responsible person'),
  f('department', ['使用部门', '使用部門', 'Department'], true, '部门', '使用部門', '部門', '所属部门', 'Department'),
  f('enabledAt', ['启用日期', '啟用日期', 'In service since'], true, '啟用日期', '启用时间', '使用日期', 'Enabled', 'In service since'),
  f('remarks', ['备注', '備註', 'Remarks'], false, '備註', 'Remarks', 'Notes'),
];

const COMPUTER_FIELDS: FieldSpec[] = [
  ...deviceCommon.slice(0, 1),
  f('name', ['名称', '名稱', 'Name'], true, '设备名称', '计算机名称', '名稱', '設備名稱', 'Name'),
  ...deviceCommon.slice(1, 3),
  f('diskSerial', ['硬盘序列号', '硬碟序號', 'Disk serial number'], false, '硬盤序列號', 'Disk serial', 'HDD serial'),
  f('mac', ['MAC地址', 'MAC位址', 'MAC address'], false, 'MAC', 'MAC 地址', '网卡地址', '物理地址', 'Mac address'),
  f('os', ['操作系统', '作業系統', 'Operating system'], true, '操作系統', 'OS', 'Operating system'),
  f('osInstalledAt', ['操作系统安装日期', '作業系統安裝日期', 'OS installed on'], false, '安装日期', '安裝日期', '系统安装日期', 'OS installed'),
  deviceCommon[3]!,
  f('network', ['联网类型', '聯網類型', 'Network'], true, '聯網類型', '联网情况', '网络类型', '接入网络', 'Network'),
  f('purpose', ['用途', '用途', 'Purpose'], true, 'Purpose'),
  ...deviceCommon.slice(4, 6),
  f('location', ['放置地点', '放置地點', 'Location'], true, '放置地點', '存放地点', '放置位置', '安放地点', 'Location', 'Place'),
  ...deviceCommon.slice(6),
  ...statusFields,
  // The security fields (issue 19): blank is not recorded, never 未安装.
  f('monitoring', ['违规外联监控', '違規外聯監控', 'Outbound monitoring'], false, '违规外联', '违规外联监控软件', '外联监控', 'Monitoring'),
  f('threeInOne', ['三合一', '三合一', '3-in-1'], false, '三合一系统', '三合一软件', '保密三合一', '3 in 1'),
  f(
    'securityProducts',
    ['安全保密产品及版本', '安全保密產品及版本', 'Security products and versions'],
    false,
    '安全保密产品',
    '安全产品',
    '安全软件及版本',
    '安全保密产品名称及版本',
    'Security products',
  ),
];

const MEDIUM_FIELDS: FieldSpec[] = [
  deviceCommon[0]!,
  f('type', ['类型', '類型', 'Type'], true, '类别', '介质类型', '類型', '種類', 'Type'),
  ...deviceCommon.slice(1, 3),
  f('capacity', ['容量', '容量', 'Capacity'], true, 'Capacity', '存储容量'),
  deviceCommon[3]!,
  ...deviceCommon.slice(4, 6),
  f('usageScope', ['使用范围', '使用範圍', 'Usage scope'], true, '使用範圍', '用途', 'Usage scope', 'Use'),
  ...deviceCommon.slice(6),
  ...statusFields,
];

const documentFields = withSheetLabels(DOCUMENT_FIELDS, 'storage');
const computerFields = withSheetLabels(COMPUTER_FIELDS, 'location');
const mediumFields = withSheetLabels(MEDIUM_FIELDS, 'location');

export const FIELDS: Record<ImportRegister, FieldSpec[]> = {
  documents: documentFields,
  'secret-computers': computerFields,
  'plain-computers': computerFields,
  'secret-media': mediumFields,
  'plain-media': mediumFields,
};

export const isClassifiedRegister = (r: ImportRegister): boolean => r === 'secret-computers' || r === 'secret-media';

/** One row's problem before any rule ran: the field it is in, a stable reason, and the cell's text. */
export interface FieldProblem {
  field: string;
  reason: string;
  value: string;
  params?: Record<string, unknown>;
}

/** A row's cells by field, with the defaults the user set for fields left blank, and the problems found reading them. */
export class RowReader {
  readonly problems: FieldProblem[] = [];
  readonly notes: FieldProblem[] = [];
  constructor(
    private readonly cells: Cell[],
    private readonly mapping: Readonly<Record<string, number>>,
    private readonly defaults: Readonly<Record<string, string>>,
  ) {}

  cell(field: string): Cell {
    const col = this.mapping[field];
    const cell = col === undefined ? null : (this.cells[col] ?? null);
    if (cell !== null && cellText(cell) !== '') return cell;
    const fallback = this.defaults[field]?.trim();
    return fallback ? fallback : null;
  }

  text(field: string): string | undefined {
    const t = cellText(this.cell(field));
    return t === '' ? undefined : t;
  }

  private problem(field: string, reason: string, params?: Record<string, unknown>): undefined {
    this.problems.push({ field, reason, value: cellText(this.cell(field)), ...(params ? { params } : {}) });
    return undefined;
  }

  date(field: string): string | undefined {
    const cell = this.cell(field);
    if (cell === null) return undefined;
    return parseDate(cell) ?? this.problem(field, 'bad_date');
  }

  count(field: string): number | undefined {
    const cell = this.cell(field);
    if (cell === null) return undefined;
    const n = parseCount(cell);
    return n !== null && n > 0 ? n : this.problem(field, 'bad_count');
  }

  copyNos(field: string): { first: number; count: number } | undefined {
    const cell = this.cell(field);
    if (cell === null) return undefined;
    return parseCopyNos(cell) ?? this.problem(field, 'bad_copy_nos');
  }

  /** A value from a fixed list, by any of its names; an unknown one is a problem naming the choices. */
  choice<T extends string | null>(field: string, names: Record<string, T>, text = this.text(field)): T | undefined {
    const t = text;
    if (t === undefined) return undefined;
    const key = t.replace(/\s+/g, '').toLowerCase();
    const hit = Object.entries(names).find(([name]) => name.replace(/\s+/g, '').toLowerCase() === key);
    if (hit) return hit[1];
    return this.problem(field, 'unknown_value', { choices: [...new Set(Object.keys(names).filter((n) => /\p{Script=Han}/u.test(n)))].join('、') });
  }

  has(field: string): boolean {
    return this.cell(field) !== null;
  }

  flag(field: string, reason: string, params?: Record<string, unknown>): void {
    this.problem(field, reason, params);
  }

  /** Something read in a way the custodian should know of, without refusing the row (a bare level as its default period). */
  note(field: string, reason: string, params?: Record<string, unknown>): void {
    this.notes.push({ field, reason, value: cellText(this.cell(field)), ...(params ? { params } : {}) });
  }
}

/** Every name a term has in the exported sheets (zh-CN, zh-TW, en), for reading an export back. */
function termChoices<K extends string, V>(terms: Record<K, Term>, value: (k: K) => V): Record<string, V> {
  return Object.fromEntries((Object.entries(terms) as [K, Term][]).flatMap(([k, names]) => names.map((n) => [n, value(k)])));
}

const LEVEL_CHOICES_TYPED = {
  绝密: 'top_secret',
  絕密: 'top_secret',
  机密: 'secret',
  機密: 'secret',
  秘密: 'confidential',
  祕密: 'confidential',
  非涉密: 'non_secret',
  非密: 'non_secret',
  无: 'non_secret',
  'top secret': 'top_secret',
  secret: 'secret',
  confidential: 'confidential',
  'non-secret': 'non_secret',
  'not classified': 'non_secret',
} as const;
const LEVEL_CHOICES = { ...termChoices(LEVEL_TERMS, (k) => k), ...LEVEL_CHOICES_TYPED };
const NETWORK_CHOICES_TYPED = {
  单机: 'standalone',
  單機: 'standalone',
  单机使用: 'standalone',
  不联网: 'standalone',
  standalone: 'standalone',
  涉密内网: 'classified_intranet',
  涉密內網: 'classified_intranet',
  内网: 'classified_intranet',
  'classified intranet': 'classified_intranet',
  电子政务外网: 'egov_extranet',
  電子政務外網: 'egov_extranet',
  政务外网: 'egov_extranet',
  外网: 'egov_extranet',
  'e-government extranet': 'egov_extranet',
  互联网: 'internet',
  互聯網: 'internet',
  因特网: 'internet',
  internet: 'internet',
} as const;
const NETWORK_CHOICES = { ...termChoices(NETWORK_TERMS, (k) => k), ...NETWORK_CHOICES_TYPED };
const MEDIUM_TYPE_CHOICES_TYPED = {
  U盘: 'usb',
  优盘: 'usb',
  隨身碟: 'usb',
  U盤: 'usb',
  usb: 'usb',
  'usb drive': 'usb',
  'usb stick': 'usb',
  移动硬盘: 'hdd',
  移動硬碟: 'hdd',
  移动硬碟: 'hdd',
  'portable disk': 'hdd',
  'external disk': 'hdd',
  光盘: 'disc',
  光碟: 'disc',
  光盤: 'disc',
  disc: 'disc',
  cd: 'disc',
  dvd: 'disc',
  存储卡: 'card',
  存儲卡: 'card',
  记忆卡: 'card',
  sd卡: 'card',
  'memory card': 'card',
  磁带: 'tape',
  磁帶: 'tape',
  tape: 'tape',
} as const;
const MEDIUM_TYPE_CHOICES = { ...termChoices(MEDIUM_TYPE_TERMS, (k) => k), ...MEDIUM_TYPE_CHOICES_TYPED };
const CARRIER_CHOICES = {
  纸质: 'paper',
  紙質: 'paper',
  纸: 'paper',
  文件: 'paper',
  paper: 'paper',
  光盘: 'disc',
  光碟: 'disc',
  disc: 'disc',
  其他: 'other',
  其它: 'other',
  other: 'other',
  // 密码电报 / 级发电: telegrams, registered with their rules (kept apart, returned by a date).
  电报: 'telegram',
  電報: 'telegram',
  密码电报: 'telegram',
  密碼電報: 'telegram',
  级发电: 'telegram',
  級發電: 'telegram',
  telegram: 'telegram',
} as const;

/** 已安装 / 未安装 as registers write them; 未记录 (or a blank) is not recorded. */
const INSTALLED_CHOICES = {
  ...termChoices(INSTALLED_TERMS, (k) => (k === 'unknown' ? null : k)),
  是: 'yes',
  有: 'yes',
  已装: 'yes',
  安装: 'yes',
  '√': 'yes',
  '✓': 'yes',
  yes: 'yes',
  否: 'no',
  无: 'no',
  没有: 'no',
  未装: 'no',
  '×': 'no',
  no: 'no',
} as const;

/** A yes/no cell: true, false, or undefined when blank or 未记录. */
function installed(r: RowReader, field: string): boolean | undefined {
  const v = r.choice(field, INSTALLED_CHOICES);
  return v === undefined || v === null ? undefined : v === 'yes';
}

/** What a row says happened after registration: 已清退 / 已销毁 for documents, 停用 / 报废 / 已销毁 for devices. */
export type HistoryKind = 'returned' | 'destroyed' | 'stopped' | 'scrapped';
// What an item still held is called in the export (在柜, 借出 ...): registered as held, with no history.
const HELD_NAMES = termChoices({ in_custody: COPY_STATUS_TERMS.in_custody, on_loan: COPY_STATUS_TERMS.on_loan }, () => null);
const DOCUMENT_STATUS_TYPED = {
  在柜: null,
  在册: null,
  在库: null,
  保存: null,
  在用: null,
  已清退: 'returned',
  清退: 'returned',
  已退回: 'returned',
  退回: 'returned',
  returned: 'returned',
  已销毁: 'destroyed',
  销毁: 'destroyed',
  已銷毀: 'destroyed',
  destroyed: 'destroyed',
  'in custody': null,
} as const;
const DOCUMENT_STATUS = {
  ...HELD_NAMES,
  ...DOCUMENT_STATUS_TYPED,
  ...termChoices({ returned: COPY_STATUS_TERMS.returned, destroyed: COPY_STATUS_TERMS.destroyed }, (k) => k),
};
const DEVICE_STATUS_TYPED = {
  在用: null,
  使用: null,
  正常: null,
  'in use': null,
  停用: 'stopped',
  已停用: 'stopped',
  stopped: 'stopped',
  报废: 'scrapped',
  已报废: 'scrapped',
  報廢: 'scrapped',
  scrapped: 'scrapped',
  已销毁: 'destroyed',
  销毁: 'destroyed',
  已銷毀: 'destroyed',
  destroyed: 'destroyed',
} as const;

const DEVICE_STATUS = {
  ...DEVICE_STATUS_TYPED,
  ...termChoices(
    {
      in_use: DEVICE_STATUS_TERMS.in_use,
      stopped: DEVICE_STATUS_TERMS.stopped,
      scrapped: DEVICE_STATUS_TERMS.scrapped,
      destroyed: DEVICE_STATUS_TERMS.destroyed,
    },
    (k) => (k === 'in_use' ? null : k),
  ),
};

export interface History {
  kind: HistoryKind;
  at: string;
  status: string;
}

function history(r: RowReader, names: Record<string, HistoryKind | null>): History | undefined {
  // An exported register writes counts ('在柜 2', '在柜 1、借出 1'): one state, whatever the counts, reads as that state.
  const states = [
    ...new Set(
      (r.text('status') ?? '')
        .split(/[、,，;；]/u)
        .map((t) => t.replace(/\s*\d+$/u, '').trim())
        .filter(Boolean),
    ),
  ];
  const held = states.length > 1 && states.every((t) => r.choice('status', names, t) === null);
  const kind = !r.has('status') || held ? undefined : r.choice('status', names, states.length === 1 ? states[0] : r.text('status'));
  const at = r.date('statusAt');
  if (kind === undefined || kind === null) return undefined;
  if (!at) {
    if (!r.problems.some((p) => p.field === 'statusAt')) r.flag('statusAt', 'history_needs_date', { status: r.text('status') });
    return undefined;
  }
  return { kind, at, status: r.text('status')! };
}

/** The marking in one column (机密★10年) or level and period in two (机密 | 10年). */
function marking(r: RowReader): string | undefined {
  const level = r.text('marking');
  const period = r.text('period');
  if (level === undefined) return undefined;
  // Old registers often hold the level alone: it is the default period, as 机密★ says it (noted in the report).
  const bare = Object.entries(DEFAULT_YEARS).find(
    ([code]) => period === undefined && LEVEL_TERMS[code as keyof typeof DEFAULT_YEARS].slice(0, 2).includes(level),
  );
  if (bare) {
    r.note('marking', 'bare_level', { marking: `${level}★`, years: bare[1] });
    return `${level}★`;
  }
  if (/[★⭐☆*＊]/u.test(level) || period === undefined || /^(内部|內部)/u.test(level)) return level;
  return `${level}★${/^\d+$/.test(period) ? `${period}年` : period}`;
}

export interface RowInput {
  /** The command's input, before its schema checks it (the same schema as manual entry). */
  input: Record<string, unknown>;
  history?: History | undefined;
  /** Input fields filled from another field's cell (成文日期 from 收文日期): their problems belong to that field. */
  owners?: Record<string, string>;
  /** Keys that must be unique within the file and in the ledger, with the field each belongs to. */
  keys: { field: string; key: string; label: Term }[];
}

/** Storage locations by code or name (case-insensitive), for 存放位置. */
export type LocationLookup = (text: string) => number | undefined;

export function documentInput(r: RowReader, locations: LocationLookup, signer: string): RowInput {
  const receivedAt = r.date('receivedAt');
  const copyNos = r.copyNos('copyNos');
  const count = r.count('copies');
  if (copyNos && count !== undefined && copyNos.count !== 1 && copyNos.count !== count) r.flag('copyNos', 'copies_mismatch', { copies: count });
  const copies = count ?? copyNos?.count ?? 1;
  const locationText = r.text('location');
  const locationId = locationText === undefined ? undefined : locations(locationText);
  if (locationText !== undefined && locationId === undefined) r.flag('location', 'no_such_location');
  const returnBy = r.date('returnBy');
  const scope = r.text('scope');
  const input: Record<string, unknown> = {
    receivedAt,
    originUnit: r.text('originUnit'),
    docNumber: r.text('docNumber') ?? '',
    title: r.text('title'),
    marking: marking(r),
    // Many old registers have no 成文日期: the period then runs from the day it was received.
    issueDate: r.date('issueDate') ?? receivedAt,
    copies,
    firstCopyNo: copyNos?.first ?? 1,
    signedBy: r.text('signedBy') ?? signer,
    scope:
      scope === undefined
        ? undefined
        : scope
            .split(/[、,，;；\n]+/u)
            .map((s) => s.trim())
            .filter(Boolean),
    locationId,
    carrier: r.choice('carrier', CARRIER_CHOICES) ?? 'paper',
    attachments: r.text('attachments') ?? '',
    remarks: r.text('remarks') ?? '',
    mustReturn: returnBy !== undefined,
    ...(returnBy ? { returnBy } : {}),
  };
  const doc = typeof input.docNumber === 'string' ? input.docNumber : '';
  // Compared as a registration by hand compares it: 来文单位 + 文号 after trim and NFKC (documentKey).
  const key = documentKey(typeof input.originUnit === 'string' ? input.originUnit : '', doc);
  const keys = key
    ? Array.from({ length: Math.min(copies, 9999) }, (_, i) => ({
        field: 'copyNos',
        key: `${key}#${(copyNos?.first ?? 1) + i}`,
        label: copyLabel(doc, (copyNos?.first ?? 1) + i),
      }))
    : [];
  return { input, history: history(r, DOCUMENT_STATUS), keys, ...(r.has('issueDate') ? {} : { owners: { issueDate: 'receivedAt' } }) };
}

/** A copy as the report names it: 鲁保发〔2025〕1号 第0001份. */
function copyLabel(doc: string, copyNo: number): Term {
  const no = String(copyNo).padStart(4, '0');
  return [`${doc} 第${no}份`, `${doc} 第${no}份`, `${doc} copy ${no}`];
}

function deviceKeys(input: Record<string, unknown>): RowInput['keys'] {
  const keys: RowInput['keys'] = [];
  const add = (field: string, prefix: string, value: unknown, label: Term) => {
    if (typeof value === 'string' && value)
      keys.push({ field, key: `${prefix}:${value.toLowerCase()}`, label: [`${label[0]} ${value}`, `${label[1]} ${value}`, `${label[2]} ${value}`] });
  };
  add('code', 'code', input.code, ['编号', '編號', 'code']);
  add('serial', 'serial', input.serial, ['序列号', '序號', 'serial number']);
  add('diskSerial', 'serial', input.diskSerial, ['硬盘序列号', '硬碟序號', 'disk serial number']);
  return keys;
}

/** 操作系统及安装日期 in one column ('银河麒麟 V10 2025-03-01', as the register prints it) or in two. */
function osAndDate(r: RowReader): { os: string | undefined; osInstalledAt: string | undefined } {
  const os = r.text('os');
  const joined = r.has('osInstalledAt') ? null : /^(.*\S)\s+(\d{4}-\d{2}-\d{2})$/u.exec(os ?? '');
  return joined ? { os: joined[1], osInstalledAt: joined[2] } : { os, osInstalledAt: r.date('osInstalledAt') };
}

export function computerInput(r: RowReader): RowInput {
  const mac = r.text('mac');
  const input: Record<string, unknown> = {
    code: r.text('code'),
    name: r.text('name'),
    model: r.text('model'),
    serial: r.text('serial'),
    diskSerial: r.text('diskSerial'),
    mac: mac?.toUpperCase(),
    ...osAndDate(r),
    level: r.choice('level', LEVEL_CHOICES),
    network: r.choice('network', NETWORK_CHOICES),
    purpose: r.text('purpose'),
    department: r.text('department'),
    responsible: r.text('responsible'),
    location: r.text('location'),
    enabledAt: r.date('enabledAt'),
    remarks: r.text('remarks') ?? '',
    monitoring: installed(r, 'monitoring'),
    threeInOne: installed(r, 'threeInOne'),
    securityProducts: r.has('securityProducts') ? parseSecurityProducts(r.text('securityProducts') ?? '') : undefined,
  };
  return { input, history: history(r, DEVICE_STATUS), keys: deviceKeys(input) };
}

export function mediumInput(r: RowReader): RowInput {
  const input: Record<string, unknown> = {
    code: r.text('code'),
    type: r.choice('type', MEDIUM_TYPE_CHOICES),
    model: r.text('model'),
    serial: r.text('serial'),
    capacity: r.text('capacity'),
    level: r.choice('level', LEVEL_CHOICES),
    responsible: r.text('responsible'),
    department: r.text('department'),
    usageScope: r.text('usageScope'),
    enabledAt: r.date('enabledAt'),
    remarks: r.text('remarks') ?? '',
  };
  return { input, history: history(r, DEVICE_STATUS), keys: deviceKeys(input) };
}

/** Which spreadsheet field a command input field (or an error's `field` detail) belongs to. */
export const INPUT_FIELD_OWNER: Record<string, string> = {
  locationId: 'location',
  firstCopyNo: 'copyNos',
  mustReturn: 'returnBy',
  disk_serial: 'diskSerial',
  os_installed_at: 'osInstalledAt',
  at: 'receivedAt',
};
