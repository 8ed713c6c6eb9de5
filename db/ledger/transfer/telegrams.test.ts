// An imported register follows the rules of entry by hand (issue 13): a carrier column saying 电报 / 密码电报 / 级发电
// registers a telegram, with the telegram rules; and a 文号 is compared by its key (来文单位 + 文号 after trim and
// NFKC, migration 6) against the file and the ledger, as a registration by hand compares it.
import { describe, expect, it } from 'vitest';
import { makeLedger, ok, okAsync } from '../../testing';
import type { DocumentListItem } from '../../views';
import type { ImportReport } from './import';
import { csvOf } from './fixture';

const HEADER = ['收文日期', '来文单位', '文号', '标题', '密级', '份数', '份号', '承办人', '知悉范围', '载体', '应清退日期', '存放位置'];
const row = (docNumber: string, carrier: string, returnBy: string, location: string, originUnit = '省国家保密局') => [
  '2026-03-05',
  originUnit,
  docNumber,
  '来电',
  '机密★10年',
  1,
  '0001',
  '李明',
  '办公室',
  carrier,
  returnBy,
  location,
];

function ledger() {
  const t = makeLedger();
  ok(t.service, 'locations.create', { code: 'BMG-01', name: '一号保密柜', maxLevel: 'secret' });
  ok(t.service, 'locations.create', { code: 'DBG-01', name: '电报柜', maxLevel: 'secret', telegrams: true });
  const input = (rows: (string | number)[][]) => ({
    register: 'documents',
    fileName: '收文.csv',
    data: csvOf([HEADER, ...rows], 'utf-8-bom').toString('base64'),
  });
  return { t, input };
}

describe('an imported register', () => {
  it('registers 电报 / 密码电报 / 级发电 as telegrams, with the telegram rules: a return-by date, a telegram location, nothing else kept there', async () => {
    const l = ledger();
    const report = await okAsync<ImportReport>(
      l.t.service,
      'import.dryRun',
      l.input([
        row('机电〔2026〕1号', '电报', '2026-04-05', 'DBG-01'),
        row('机电〔2026〕2号', '密码电报', '', 'DBG-01'),
        row('机电〔2026〕3号', '级发电', '2026-04-05', 'BMG-01'),
        row('鲁保发〔2026〕3号', '纸质', '', 'DBG-01'),
        row('机电〔2026〕4号', '級發電', '2026-04-05', '电报柜'),
      ]),
    );
    expect(report.issues.map((i) => [i.row, i.field, i.reason])).toEqual([
      [3, 'returnBy', 'required'],
      [4, 'location', 'telegram_location'],
      [5, 'location', 'document_location'],
    ]);
    expect(report.issues.map((i) => i.message)).toEqual([
      '缺少应清退日期',
      'BMG-01 不是电报专柜：密码电报、级发电只能存放在标记为存放电报的保密柜',
      'DBG-01 是电报专柜，只存放密码电报、级发电：其他文件须另柜存放',
    ]);
    await okAsync(
      l.t.service,
      'import.apply',
      l.input([row('机电〔2026〕1号', '电报', '2026-04-05', 'DBG-01'), row('机电〔2026〕4号', '級發電', '2026-04-05', '电报柜')]),
    );
    const rows = ok<{ rows: DocumentListItem[] }>(l.t.service, 'documents.list', { carrier: 'telegram' }).rows;
    expect(rows.map((r) => [r.docNumber, r.carrier, r.mustReturn, r.returnBy])).toEqual([
      ['机电〔2026〕4号', 'telegram', true, '2026-04-05'],
      ['机电〔2026〕1号', 'telegram', true, '2026-04-05'],
    ]);
  });

  it('compares 文号 + 份号 by the key a registration by hand compares: trimmed, NFKC, per 来文单位', async () => {
    const l = ledger();
    ok(l.t.service, 'documents.receive', {
      receivedAt: '2026-03-01',
      originUnit: '省国家保密局 ',
      docNumber: '鲁保发〔2026〕3号 ',
      title: '通知',
      marking: '机密★10年',
      issueDate: '2026-03-01',
      scope: ['办公室'],
      copies: 1,
      locationId: 1,
      signedBy: '李明',
    });
    const report = await okAsync<ImportReport>(
      l.t.service,
      'import.dryRun',
      l.input([
        row('鲁保发〔２０２６〕３号', '纸质', '', 'BMG-01'),
        row('市委办〔2026〕5号', '纸质', '', 'BMG-01'),
        row('市委办〔２０２６〕５号 ', '纸质', '', 'BMG-01'),
        // The same 文号 from another unit is another document.
        row('鲁保发〔2026〕3号', '纸质', '', 'BMG-01', '市委办公室'),
      ]),
    );
    expect(report.issues.map((i) => [i.row, i.field, i.reason])).toEqual([
      [2, 'copyNos', 'duplicate_in_ledger'],
      [4, 'copyNos', 'duplicate_in_file'],
    ]);
    expect(report.good).toBe(2);
  });
});
