// The import report's reasons in words, in the three languages: one sentence per reason code a row can be refused
// or noted for. The backend writes the zh-CN sentence into the saved report; the import page says it in the reader's
// language. A reason that is a ledger rule's refusal (its error code in the params) is the error catalogue's sentence.
import { errorMessage } from './errors/catalogue';
import { isErrorCode } from './errors/codes';
import { say, type Language, type Term } from './terms';

export const IMPORT_REASONS = [
  'required',
  'bad_date',
  'future_date',
  'bad_count',
  'bad_copy_nos',
  'copies_mismatch',
  'unknown_value',
  'too_long',
  'bad_format',
  'invalid',
  'duplicate_in_file',
  'duplicate_in_ledger',
  'same_as_serial',
  'bare_level',
  'no_such_location',
  'issue_after_received',
  'wrong_register',
  'history_needs_date',
  'history_before_registration',
] as const;
export type ImportReason = (typeof IMPORT_REASONS)[number];

/** What a sentence is made of: the reason, the field's name, the cell's text and the reason's own values. */
export interface ImportIssueWords {
  reason: string;
  /** The field's name in the three languages; null when the row, not one field, is at fault. */
  label: Term | null;
  value: string;
  params?: Readonly<Record<string, unknown>> | undefined;
}

type Texts = Record<ImportReason, string> & { other: string };

// {{label}} the field, {{value}} the cell's text in quotes (or nothing), other names the reason's params.
const ZH_CN: Texts = {
  required: '缺少{{label}}',
  bad_date: '{{label}}{{value}}不是有效日期（应如 2026-03-05、2026年3月5日、2026.3.5）',
  future_date: '{{label}}{{value}}晚于今天',
  bad_count: '{{label}}{{value}}不是正整数',
  bad_copy_nos: '份号{{value}}无法识别（应如 0001 或 0001-0003）',
  copies_mismatch: '份号{{value}}与份数 {{copies}} 不符',
  unknown_value: '{{label}}{{value}}不是可选值（{{choices}}）',
  too_long: '{{label}}过长（最多 {{max}} 个字）',
  bad_format: '{{label}}{{value}}格式不对',
  invalid: '{{label}}{{value}}不符合要求',
  duplicate_in_file: '与第 {{firstRow}} 行重复（{{what}}）',
  duplicate_in_ledger: '台账中已登记（{{what}}）',
  same_as_serial: '硬盘序列号与主机序列号相同',
  bare_level: '{{label}}{{value}}没有写保密期限，按该密级的默认期限登记为“{{marking}}”（{{years}}年）',
  no_such_location: '存放位置{{value}}不存在或已停用（应为存放位置的代码或名称）',
  issue_after_received: '成文日期晚于收文日期',
  wrong_register: '{{label}}{{value}}不属于{{register}}',
  history_needs_date: '状态为“{{status}}”，需填写清退、销毁或报废日期',
  history_before_registration: '{{label}}{{value}}早于登记日期',
  other: '{{label}}{{value}}不符合要求',
};

const ZH_TW: Texts = {
  required: '缺少{{label}}',
  bad_date: '{{label}}{{value}}不是有效日期（應如 2026-03-05、2026年3月5日、2026.3.5）',
  future_date: '{{label}}{{value}}晚於今天',
  bad_count: '{{label}}{{value}}不是正整數',
  bad_copy_nos: '份號{{value}}無法識別（應如 0001 或 0001-0003）',
  copies_mismatch: '份號{{value}}與份數 {{copies}} 不符',
  unknown_value: '{{label}}{{value}}不是可選值（{{choices}}）',
  too_long: '{{label}}過長（最多 {{max}} 個字）',
  bad_format: '{{label}}{{value}}格式不對',
  invalid: '{{label}}{{value}}不符合要求',
  duplicate_in_file: '與第 {{firstRow}} 列重複（{{what}}）',
  duplicate_in_ledger: '台帳中已登記（{{what}}）',
  same_as_serial: '硬碟序號與主機序號相同',
  bare_level: '{{label}}{{value}}沒有寫保密期限，按該密級的預設期限登記為「{{marking}}」（{{years}}年）',
  no_such_location: '存放位置{{value}}不存在或已停用（應為存放位置的代碼或名稱）',
  issue_after_received: '成文日期晚於收文日期',
  wrong_register: '{{label}}{{value}}不屬於{{register}}',
  history_needs_date: '狀態為「{{status}}」，需填寫清退、銷毀或報廢日期',
  history_before_registration: '{{label}}{{value}}早於登記日期',
  other: '{{label}}{{value}}不符合要求',
};

const EN: Texts = {
  required: '{{label}} is missing',
  bad_date: '{{label}} {{value}} is not a valid date (write e.g. 2026-03-05, 2026年3月5日 or 2026.3.5)',
  future_date: '{{label}} {{value}} is later than today',
  bad_count: '{{label}} {{value}} is not a positive whole number',
  bad_copy_nos: 'Copy numbers {{value}} cannot be read (write e.g. 0001 or 0001-0003)',
  copies_mismatch: 'Copy numbers {{value}} do not match the {{copies}} copies',
  unknown_value: '{{label}} {{value}} is not one of the choices ({{choices}})',
  too_long: '{{label}} is too long (at most {{max}} characters)',
  bad_format: '{{label}} {{value}} is not written correctly',
  invalid: '{{label}} {{value}} is not accepted',
  duplicate_in_file: 'Repeats row {{firstRow}} ({{what}})',
  duplicate_in_ledger: 'Already in the ledger ({{what}})',
  same_as_serial: 'The disk serial number is the same as the computer serial number',
  bare_level: '{{label}} {{value}} names no secrecy period: registered with the level’s default period as “{{marking}}” ({{years}} years)',
  no_such_location: 'Storage location {{value}} does not exist or is out of service (write the location’s code or name)',
  issue_after_received: 'The issue date is later than the date received',
  wrong_register: '{{label}} {{value}} does not belong in the {{register}}',
  history_needs_date: 'The status is “{{status}}”: fill in the date it was returned, destroyed or scrapped',
  history_before_registration: '{{label}} {{value}} is earlier than the registration',
  other: '{{label}} {{value}} is not accepted',
};

const TEXTS: Record<Language, Texts> = { 'zh-CN': ZH_CN, 'zh-TW': ZH_TW, en: EN };

const isTerm = (value: unknown): value is Term => Array.isArray(value) && value.length === 3 && value.every((v) => typeof v === 'string');

/** A param as words: a term in the reader's language, a number or text as it is. */
function word(value: unknown, language: Language): string {
  if (isTerm(value)) return say(value, language);
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

function fill(template: string, vars: Readonly<Record<string, string>>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => vars[name] ?? '');
}

/** One row's reason as a sentence in the reader's language. */
export function importIssueText(issue: ImportIssueWords, language: Language): string {
  const texts = TEXTS[language];
  const params = issue.params ?? {};
  const vars: Record<string, string> = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, word(v, language)]));
  vars.label = issue.label ? say(issue.label, language) : '';
  vars.value = issue.value ? (language === 'en' ? `“${issue.value}”` : language === 'zh-TW' ? `「${issue.value}」` : `“${issue.value}”`) : '';
  const template = (texts as Partial<Record<string, string>>)[issue.reason];
  // Any other reason is a ledger rule that refused the row: the error catalogue's sentence, in the reader's language.
  const code = params['code'];
  // Without its full stop: the report and the page end each line themselves.
  if (template === undefined && typeof code === 'string' && isErrorCode(code) && code !== 'E_VALIDATION')
    return errorMessage({ code, details: params }, language).replace(/[。.]$/u, '');
  return fill(template ?? texts.other, vars)
    .replace(/\s{2,}/g, ' ')
    .trim();
}
