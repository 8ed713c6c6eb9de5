// Refusals in words: each rule the backend names in details becomes its own sentence, with the values
// (copy number, state, borrower, levels) filled in; unknown details fall back to the code's sentence.
import { describe, it, expect } from 'vitest';
import { zhCN } from '../../../db/domain/errors/zh-CN';
import { ApiError } from '../api';
import { describeError, errorField } from './errors';

const refusal = (code: ConstructorParameters<typeof ApiError>[0], details?: Record<string, unknown>) => new ApiError(code, 'english log message', details);

describe('describeError', () => {
  it('names the approval rule that refused', () => {
    expect(describeError(refusal('E_APPROVAL_REQUIRED', { rule: 'outside_scope', borrower: '王二' }), 'zh-CN')).toContain('王二 不在这件文件的知悉范围内');
    expect(describeError(refusal('E_APPROVAL_REQUIRED', { rule: 'copy_top_secret' }), 'zh-CN')).toContain('复制绝密载体');
    expect(describeError(refusal('E_APPROVAL_REQUIRED', { rule: 'forward_originator' }), 'zh-CN')).toContain('转发');
    expect(describeError(refusal('E_APPROVAL_REQUIRED', { rule: 'taken_out' }), 'zh-CN')).toContain('带出办公室');
    expect(describeError(refusal('E_APPROVAL_REQUIRED', { rule: 'copy_unit_head' }), 'zh-CN')).toContain('单位负责人');
  });

  it('names the copy, its state and the refused step', () => {
    const text = describeError(refusal('E_NOT_IN_CUSTODY', { copyNo: 3, status: 'on_loan', action: 'destruction' }), 'zh-CN');
    expect(text).toBe('份号 0003 当前为“借出”，不能销毁。');
    expect(describeError(refusal('E_NOT_IN_CUSTODY', { copyNo: 12, status: 'destroyed', action: 'lend' }), 'en')).toBe(
      'Copy 0012 is “Destroyed”: it cannot be lent.',
    );
  });

  it('explains a forbidden channel and the exchange station limit', () => {
    expect(describeError(refusal('E_FORBIDDEN_CHANNEL', { rule: 'channel', channel: '快递' }), 'zh-CN')).toContain('“快递”不是合规的传递方式');
    expect(describeError(refusal('E_FORBIDDEN_CHANNEL', { rule: 'exchange_station_level', channel: '机要文件交换站' }), 'zh-CN')).toContain('绝密载体');
  });

  it('translates a marking the backend cannot read, by reason', () => {
    expect(describeError(refusal('E_BAD_MARKING', { reason: 'missing_star', text: '机密*10年', found: '*' }), 'zh-CN')).toContain('“*”不是国家秘密标志的★');
    expect(describeError(refusal('E_BAD_MARKING', { reason: 'missing_star', text: '机密10年' }), 'zh-CN')).toContain('缺少★');
    expect(describeError(refusal('E_BAD_MARKING', { reason: 'over_maximum', text: '秘密★15年', max: 10 }), 'zh-CN')).toContain('最长 10 年');
    expect(describeError(refusal('E_BAD_MARKING', { reason: 'something_new' }), 'zh-CN')).toBe(zhCN.errors.E_BAD_MARKING);
  });

  it('fills in levels, locations, receipt numbers and copy lists', () => {
    expect(describeError(refusal('E_LOCATION_LEVEL', { location: 'BMG-01', maxLevel: 'secret', level: 'top_secret' }), 'zh-CN')).toBe(
      '保密柜 BMG-01 最高只能存放机密载体，不能存放绝密载体。',
    );
    expect(describeError(refusal('E_MUST_RETURN', { receiptNo: '2026-0007' }), 'zh-CN')).toContain('2026-0007 须清退发文单位');
    expect(describeError(refusal('E_NO_SUCH_COPY', { copyNos: [4, 5, 6] }), 'zh-CN')).toBe('这件文件没有份号 0004-0006。');
    expect(describeError(refusal('E_WITNESS_REQUIRED', { people: 1 }), 'zh-CN')).toBe(zhCN.errors.E_WITNESS_REQUIRED);
    expect(describeError(refusal('E_NO_SUCH_BATCH', { batchNo: 'QT-2026-009', kind: 'return' }), 'zh-CN')).toContain('没有编号为 QT-2026-009 的批次');
    expect(describeError(refusal('E_NO_SUCH_BATCH', {}), 'zh-CN')).toBe(zhCN.errors.E_NO_SUCH_BATCH);
  });

  it('says how many rows refused an import, that an old .xls must be saved as .xlsx, and the size limit', () => {
    expect(describeError(refusal('E_IMPORT_HAS_ERRORS', { bad: 7, good: 493 }), 'zh-CN')).toBe(
      '7 行不符合登记要求（共 500 行），本次没有导入任何内容。请按报告改正后重试。',
    );
    expect(describeError(refusal('E_IMPORT_FILE_UNREADABLE', { reason: 'xls' }), 'zh-CN')).toContain('另存为 .xlsx');
    expect(describeError(refusal('E_IMPORT_FILE_UNREADABLE', { reason: 'corrupt' }), 'zh-CN')).toBe(zhCN.errors.E_IMPORT_FILE_UNREADABLE);
    expect(describeError(refusal('E_IMPORT_TOO_LARGE', { size: 30_000_000, max: 20 * 1024 * 1024 }), 'en')).toContain('at most 20 MB');
  });

  it('says the device rules in words, with the devices and levels', () => {
    expect(describeError(refusal('E_NETWORK_FORBIDDEN', { level: 'secret', network: 'internet' }), 'zh-CN')).toBe(
      '机密计算机只能单机使用或接入涉密内网，不得接入互联网。',
    );
    expect(
      describeError(
        refusal('E_CROSS_USE', {
          rule: 'plain_medium_on_classified_computer',
          medium: 'U-1',
          mediumLevel: 'non_secret',
          computer: 'PC-1',
          computerLevel: 'secret',
        }),
        'zh-CN',
      ),
    ).toContain('非涉密介质 U-1 不得在机密计算机 PC-1 上使用');
    expect(
      describeError(
        refusal('E_CROSS_USE', { rule: 'medium_above_computer', medium: 'U-2', mediumLevel: 'top_secret', computer: 'PC-1', computerLevel: 'secret' }),
        'zh-CN',
      ),
    ).toContain('绝密介质 U-2 不得在机密计算机 PC-1 上使用');
    expect(describeError(refusal('E_REPAIR_CONDITIONS', { missing: ['storageRemoved', 'escort'] }), 'zh-CN')).toContain('尚缺：拆除存储部件、陪同人');
    expect(describeError(refusal('E_STILL_HOLDS', { person: '王五', documentCopies: 1, computers: 2, media: 0 }), 'zh-CN')).toContain(
      '王五 仍持有 1 份借出的文件、2 台计算机、0 件介质',
    );
    expect(describeError(refusal('E_DOWNGRADE_FORBIDDEN', { medium: 'U-1', rule: 'ever_classified' }), 'zh-CN')).toContain('不得降为非涉密');
    expect(describeError(refusal('E_DUPLICATE', { field: 'serial', value: 'SN-1' }), 'zh-CN')).toBe('序列号 SN-1 已经登记过。');
    expect(describeError(refusal('E_DATA_ABOVE_MEDIUM', { dataLevel: 'secret', mediumLevel: 'confidential', medium: 'U-3' }), 'en')).toContain(
      'Secret data may not be put on the Confidential medium U-3',
    );
    expect(errorField(refusal('E_REPAIR_CONDITIONS', { missing: ['escort'] }))).toBe('escort');
  });

  it('says which field a validation refusal is about', () => {
    expect(describeError(refusal('E_VALIDATION', { field: 'at' }), 'zh-CN')).toBe('日期不能晚于今天。');
    expect(describeError(refusal('E_VALIDATION', { documentId: 7 }), 'zh-CN')).toBe('同一件文件在本批中出现了两次。');
    expect(describeError(refusal('E_VALIDATION', { issues: [] }), 'zh-CN')).toBe(zhCN.errors.E_VALIDATION);
    expect(describeError(refusal('E_DUPLICATE', { field: 'code' }), 'zh-CN')).toContain('保密柜编号');
  });

  it('keeps the earlier behaviour for the other codes', () => {
    expect(describeError(new Error('boom'), 'zh-CN')).toBe(zhCN.errors.E_INTERNAL);
    expect(describeError(refusal('E_TOO_MANY_ATTEMPTS', { retryAfterMs: 4200 }), 'zh-CN')).toContain('5 秒');
    expect(describeError(refusal('E_WEAK_PASSWORD', { rule: 'minLength', minLength: 10 }), 'zh-CN')).toContain('10');
  });
});

describe('errorField', () => {
  it('points at the form field a refusal concerns', () => {
    expect(errorField(refusal('E_BAD_MARKING', { reason: 'empty' }))).toBe('marking');
    expect(errorField(refusal('E_VALIDATION', { field: 'dueAt' }))).toBe('dueAt');
    expect(errorField(refusal('E_APPROVAL_REQUIRED', { rule: 'taken_out' }))).toBe('approver');
    expect(errorField(refusal('E_APPROVER_PASSWORD', { approver: '赵局长' }))).toBe('approverPassword');
    expect(errorField(refusal('E_APPROVAL_MISMATCH', { approvalNo: 'SP-2026-0001', rule: 'copies' }))).toBe('approvalId');
    expect(errorField(refusal('E_LOCATION_LEVEL', {}))).toBe('locationId');
    expect(errorField(refusal('E_FORBIDDEN_CHANNEL', { rule: 'channel' }))).toBe('channel');
    expect(errorField(refusal('E_MUST_RETURN', {}))).toBeNull();
    expect(errorField(new Error('x'))).toBeNull();
  });
});
