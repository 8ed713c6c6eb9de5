// Old registers often hold just the level (机密) in the marking column (issue 13): the import reads it as the
// default period, the same as 机密★, and the dry-run report says so in a note on the row (the row is not refused).
import { describe, expect, it } from 'vitest';
import { makeLedger, ok, okAsync } from '../../testing';
import type { DocumentListItem } from '../../views';
import type { ImportReport } from './import';
import { csvOf } from './fixture';

const HEADER = ['收文日期', '来文单位', '文号', '标题', '密级', '份数', '份号', '承办人', '知悉范围'];

describe('a bare level in the marking column', () => {
  it('is the default period, with a note in the dry-run report; the import registers it as 机密★ (20 years)', async () => {
    const t = makeLedger();
    ok(t.service, 'locations.create', { code: 'BMG-01', name: '一号保密柜', maxLevel: 'secret' });
    const data = csvOf(
      [
        HEADER,
        ['2026-03-05', '省国家保密局', '鲁保发〔2026〕3号', '关于开展保密自查的通知', '机密', 1, '0001', '李明', '办公室'],
        ['2026-03-06', '市委办公室', '市委办〔2026〕5号', '会议纪要', ' 秘密 ', 1, '0001', '李明', '办公室'],
        ['2026-03-07', '省国家保密局', '鲁保发〔2026〕8号', '工作要点', '机密★10年', 2, '0001-0002', '李明', '办公室'],
      ],
      'utf-8-bom',
    );
    const input = { register: 'documents', fileName: '收文.csv', data: data.toString('base64'), defaults: { location: 'BMG-01' } };
    const report = await okAsync<ImportReport>(t.service, 'import.dryRun', input);
    // The copies the import will register: what 确认导入 names before it writes.
    expect(report).toMatchObject({ good: 3, bad: 0, copies: 4, issues: [] });
    expect(report.notes.map((n) => [n.row, n.column, n.reason, n.value])).toEqual([
      [2, 'E', 'bare_level', '机密'],
      [3, 'E', 'bare_level', '秘密'],
    ]);
    expect(report.notes[0]!.message).toBe('密级“机密”没有写保密期限，按该密级的默认期限登记为“机密★”（20年）');
    // The screen says it in the reader's language from the field's name and the params the note carries.
    expect(report.notes[0]).toMatchObject({ label: ['密级', '密級', 'Marking'], params: { marking: '机密★', years: 20 } });
    await okAsync(t.service, 'import.apply', input);
    const rows = ok<{ rows: DocumentListItem[] }>(t.service, 'documents.list', { sort: 'receiptNo', order: 'asc' }).rows;
    expect(rows.map((r) => [r.marking, r.secrecyEnd])).toEqual([
      ['机密★', '2046-03-05'],
      ['秘密★', '2036-03-06'],
      ['机密★10年', '2036-03-07'],
    ]);
  });
});
