// Refusals in words: each rule the backend names in details becomes its own sentence, with the values
// (copy number, state, borrower, levels) filled in; unknown details fall back to the code's sentence.
import { describe, it, expect } from 'vitest';
import i18next from 'i18next';
import { ApiError } from '../api';
import zhCN from './locales/zh-CN';
import en from './locales/en';
import { describeError, errorField, type TFunction } from './errors';

async function translator(lng: 'zh-CN' | 'en'): Promise<TFunction> {
  const i18n = i18next.createInstance();
  await i18n.init({ lng, resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } }, interpolation: { escapeValue: false } });
  return i18n.t as unknown as TFunction;
}

const refusal = (code: ConstructorParameters<typeof ApiError>[0], details?: Record<string, unknown>) => new ApiError(code, 'english log message', details);

describe('describeError', async () => {
  const zh = await translator('zh-CN');
  const english = await translator('en');

  it('names the approval rule that refused', () => {
    expect(describeError(zh, refusal('E_APPROVAL_REQUIRED', { rule: 'outside_scope', borrower: '王二' }))).toContain('王二 不在这件文件的知悉范围内');
    expect(describeError(zh, refusal('E_APPROVAL_REQUIRED', { rule: 'copy_top_secret' }))).toContain('复制绝密载体');
    expect(describeError(zh, refusal('E_APPROVAL_REQUIRED', { rule: 'forward_originator' }))).toContain('转发');
    expect(describeError(zh, refusal('E_APPROVAL_REQUIRED', { rule: 'taken_out' }))).toContain('带出办公室');
    expect(describeError(zh, refusal('E_APPROVAL_REQUIRED', { rule: 'copy_unit_head' }))).toContain('单位负责人');
  });

  it('names the copy, its state and the refused step', () => {
    const text = describeError(zh, refusal('E_NOT_IN_CUSTODY', { copyNo: 3, status: 'on_loan', action: 'destruction' }));
    expect(text).toBe('份号 0003 当前为“借出”，不能销毁。');
    expect(describeError(english, refusal('E_NOT_IN_CUSTODY', { copyNo: 12, status: 'destroyed', action: 'lend' }))).toBe('Copy 0012 is “Destroyed”: it cannot be lent.');
  });

  it('explains a forbidden channel and the exchange station limit', () => {
    expect(describeError(zh, refusal('E_FORBIDDEN_CHANNEL', { rule: 'channel', channel: '快递' }))).toContain('“快递”不是合规的传递方式');
    expect(describeError(zh, refusal('E_FORBIDDEN_CHANNEL', { rule: 'exchange_station_level', channel: '机要文件交换站' }))).toContain('绝密载体');
  });

  it('translates a marking the backend cannot read, by reason', () => {
    expect(describeError(zh, refusal('E_BAD_MARKING', { reason: 'missing_star', text: '机密*10年', found: '*' }))).toContain('“*”不是国家秘密标志的★');
    expect(describeError(zh, refusal('E_BAD_MARKING', { reason: 'missing_star', text: '机密10年' }))).toContain('缺少★');
    expect(describeError(zh, refusal('E_BAD_MARKING', { reason: 'over_maximum', text: '秘密★15年', max: 10 }))).toContain('最长 10 年');
    expect(describeError(zh, refusal('E_BAD_MARKING', { reason: 'something_new' }))).toBe(zhCN.errors.E_BAD_MARKING);
  });

  it('fills in levels, locations, receipt numbers and copy lists', () => {
    expect(describeError(zh, refusal('E_LOCATION_LEVEL', { location: 'BMG-01', maxLevel: 'secret', level: 'top_secret' }))).toBe('保密柜 BMG-01 最高只能存放机密载体，不能存放绝密载体。');
    expect(describeError(zh, refusal('E_MUST_RETURN', { receiptNo: '2026-0007' }))).toContain('2026-0007 须清退发文单位');
    expect(describeError(zh, refusal('E_NO_SUCH_COPY', { copyNos: [4, 5, 6] }))).toBe('这件文件没有份号 0004-0006。');
    expect(describeError(zh, refusal('E_WITNESS_REQUIRED', { people: 1 }))).toBe(zhCN.errors.E_WITNESS_REQUIRED);
    expect(describeError(zh, refusal('E_NO_SUCH_BATCH', { batchNo: 'QT-2026-009', kind: 'return' }))).toContain('没有编号为 QT-2026-009 的批次');
    expect(describeError(zh, refusal('E_NO_SUCH_BATCH', {}))).toBe(zhCN.errors.E_NO_SUCH_BATCH);
  });

  it('says how many rows refused an import, that an old .xls must be saved as .xlsx, and the size limit', () => {
    expect(describeError(zh, refusal('E_IMPORT_HAS_ERRORS', { bad: 7, good: 493 }))).toBe('7 行不符合登记要求（共 500 行），本次没有导入任何内容。请按报告改正后重试。');
    expect(describeError(zh, refusal('E_IMPORT_FILE_UNREADABLE', { reason: 'xls' }))).toContain('另存为 .xlsx');
    expect(describeError(zh, refusal('E_IMPORT_FILE_UNREADABLE', { reason: 'corrupt' }))).toBe(zhCN.errors.E_IMPORT_FILE_UNREADABLE);
    expect(describeError(english, refusal('E_IMPORT_TOO_LARGE', { size: 30_000_000, max: 20 * 1024 * 1024 }))).toContain('at most 20 MB');
  });

  it('says the device rules in words, with the devices and levels', () => {
    expect(describeError(zh, refusal('E_NETWORK_FORBIDDEN', { level: 'secret', network: 'internet' }))).toBe('机密计算机只能单机使用或接入涉密内网，不得接入互联网。');
    expect(describeError(zh, refusal('E_CROSS_USE', { rule: 'plain_medium_on_classified_computer', medium: 'U-1', mediumLevel: 'non_secret', computer: 'PC-1', computerLevel: 'secret' }))).toContain('非涉密介质 U-1 不得在机密计算机 PC-1 上使用');
    expect(describeError(zh, refusal('E_CROSS_USE', { rule: 'medium_above_computer', medium: 'U-2', mediumLevel: 'top_secret', computer: 'PC-1', computerLevel: 'secret' }))).toContain('绝密介质 U-2 不得在机密计算机 PC-1 上使用');
    expect(describeError(zh, refusal('E_REPAIR_CONDITIONS', { missing: ['storageRemoved', 'escort'] }))).toContain('尚缺：拆除存储部件、陪同人');
    expect(describeError(zh, refusal('E_STILL_HOLDS', { person: '王五', documentCopies: 1, computers: 2, media: 0 }))).toContain('王五 仍持有 1 份借出的文件、2 台计算机、0 件介质');
    expect(describeError(zh, refusal('E_DOWNGRADE_FORBIDDEN', { medium: 'U-1', rule: 'ever_classified' }))).toContain('不得降为非涉密');
    expect(describeError(zh, refusal('E_DUPLICATE', { field: 'serial', value: 'SN-1' }))).toBe('序列号 SN-1 已经登记过。');
    expect(describeError(english, refusal('E_DATA_ABOVE_MEDIUM', { dataLevel: 'secret', mediumLevel: 'confidential', medium: 'U-3' }))).toContain('Secret data may not be put on the Confidential medium U-3');
    expect(errorField(refusal('E_REPAIR_CONDITIONS', { missing: ['escort'] }))).toBe('escort');
  });

  it('says which field a validation refusal is about', () => {
    expect(describeError(zh, refusal('E_VALIDATION', { field: 'at' }))).toBe('日期不能晚于今天。');
    expect(describeError(zh, refusal('E_VALIDATION', { documentId: 7 }))).toBe('同一件文件在本批中出现了两次。');
    expect(describeError(zh, refusal('E_VALIDATION', { issues: [] }))).toBe(zhCN.errors.E_VALIDATION);
    expect(describeError(zh, refusal('E_DUPLICATE', { field: 'code' }))).toContain('保密柜编号');
  });

  it('keeps the earlier behaviour for the other codes', () => {
    expect(describeError(zh, new Error('boom'))).toBe(zhCN.errors.E_INTERNAL);
    expect(describeError(zh, refusal('E_TOO_MANY_ATTEMPTS', { retryAfterMs: 4200 }))).toContain('5 秒');
    expect(describeError(zh, refusal('E_WEAK_PASSWORD', { rule: 'minLength', minLength: 10 }))).toContain('10');
  });
});

describe('errorField', () => {
  it('points at the form field a refusal concerns', () => {
    expect(errorField(refusal('E_BAD_MARKING', { reason: 'empty' }))).toBe('marking');
    expect(errorField(refusal('E_VALIDATION', { field: 'dueAt' }))).toBe('dueAt');
    expect(errorField(refusal('E_APPROVAL_REQUIRED', { rule: 'taken_out' }))).toBe('approver');
    expect(errorField(refusal('E_LOCATION_LEVEL', {}))).toBe('locationId');
    expect(errorField(refusal('E_FORBIDDEN_CHANNEL', { rule: 'channel' }))).toBe('channel');
    expect(errorField(refusal('E_MUST_RETURN', {}))).toBeNull();
    expect(errorField(new Error('x'))).toBeNull();
  });
});
