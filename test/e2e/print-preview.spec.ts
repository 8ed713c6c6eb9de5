// The print preview is the page: the preview shows the A4 page boxes the print route prints (running header,
// 第 N 页 共 M 页), as many as the PDF has; the slips print their title and number once and keep 〔2026〕 whole;
// the browser host, which has no printer, offers 保存为PDF but no 打印. Screenshots and PNGs of the PDFs are left
// in each test's output folder to look at.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import type { RunningHost } from '../host/server';
import { expect, must, openRegisterPreview, setUpQuickly, test, UNIT } from './fixtures';

/** `n` received items with long titles (several lines each) and long 文号, every seventh 机密. */
function seed(host: RunningHost, n: number): number[] {
  const cab = must<{ id: number }>(host, 'locations.create', { code: 'BMG-01', name: '一号保密柜', maxLevel: 'secret' }).id;
  return Array.from(
    { length: n },
    (_, i) =>
      must<{ id: number }>(host, 'documents.receive', {
        docNumber: i % 2 ? `鲁X发〔2026〕${i + 1}号` : `中共山东省委保密委员会办公室发〔2026〕${i + 101}号`,
        title: `关于加强网络失泄密防范工作的通知（第${i + 1}号，附件含实施细则和检查表）`,
        originUnit: '山东省XX厅办公室',
        marking: (i + 1) % 7 === 0 ? '机密★10年' : '秘密★5年',
        issueDate: '2026-11-02',
        scope: ['办公室'],
        copies: 12,
        locationId: cab,
        signedBy: '李明',
      }).id,
  );
}

const pdftotext = (path: string) => execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
const pageCount = (path: string) => Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [path], { encoding: 'utf8' }))![1]);
/** pdftotext spaces CJK glyphs as the layout placed them; compare without the spaces. */
const squeeze = (text: string) => text.replace(/\s+/g, '');
/** The PDF's pages as PNGs beside it, to look at. */
const toPng = (path: string) => execFileSync('pdftoppm', ['-r', '70', '-png', '-l', '2', path, path.replace(/\.pdf$/, '')]);

test.describe('the print preview is the page', () => {
  test.setTimeout(120_000);

  test('the register’s preview shows its A4 pages with the running header and 第 N 页 共 M 页, as many as the PDF; no 打印 in the browser host', async ({
    page,
    host,
  }) => {
    await setUpQuickly(page, host.current);
    seed(host.current, 30);
    const preview = await openRegisterPreview(page);
    const pages = preview.getByTestId('print-page');
    await expect(pages.first()).toBeVisible();
    const m = await pages.count();
    expect(m).toBeGreaterThan(1);
    await expect(preview.getByTestId('print-doc')).toHaveAttribute('data-pages', String(m));
    for (let i = 0; i < m; i++) {
      const p = pages.nth(i);
      await expect(p.getByTestId('print-page-of')).toHaveText(`第 ${i + 1} 页 共 ${m} 页`);
      await expect(p.getByTestId('print-marking')).toHaveText('机密');
      await expect(p.locator('.print-running-foot')).toContainText(/打印[:：] ?张三（zhangsan）/);
      await expect(p.locator('.print-table th').first()).toHaveText('收文编号');
    }
    // The first page's head names the unit and the register; the running header repeats them on the others.
    await expect(pages.first().locator('.print-title')).toHaveText(`${UNIT}涉密文件登记台账`);
    await expect(pages.nth(1).locator('.print-running-title')).toHaveText(`${UNIT} 涉密文件登记台账`);
    // The browser host has no printer: 保存为PDF only.
    await expect(preview.getByTestId('print-printer-button')).toHaveCount(0);
    await expect(preview.getByTestId('print-copies')).toHaveCount(0);
    await page.screenshot({ path: test.info().outputPath('preview.png') });

    const download = page.waitForEvent('download');
    await preview.getByTestId('print-pdf-button').click();
    const path = test.info().outputPath('register.pdf');
    await (await download).saveAs(path);
    expect(pageCount(path)).toBe(m);
    await expect(page.getByText(`已保存PDF（${m} 页），已记入审计日志。`)).toBeVisible();
    const text = squeeze(pdftotext(path));
    for (let i = 1; i <= m; i++) expect(text).toContain(`第${i}页共${m}页`);
    toPng(path);
  });

  test('a 清退单 prints its title and number once, and every 文号 with 〔2026〕 and its number on one line', async ({ page, host }) => {
    await setUpQuickly(page, host.current);
    const ids = seed(host.current, 4);
    const { batchNo } = must<{ batchNo: string }>(host.current, 'documents.returnToIssuer', {
      items: [
        { documentId: ids[0]!, copyNos: [1, 2, 3, 5, 7, 8, 9, 11] },
        { documentId: ids[1]!, copyNos: [5] },
        { documentId: ids[2]!, copyNos: [2, 4, 6, 8, 10, 12] },
      ],
      toUnit: '山东省XX厅办公室',
      returner: '李明',
      receiver: '赵强',
    });
    const r = await page.evaluate((job) => window.ledger.print!(job as never), { request: { kind: 'return-slip', batchNo }, target: 'pdf' });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    const path = test.info().outputPath('slip.pdf');
    writeFileSync(path, Buffer.from(r.value.pdfBase64!, 'base64'));
    toPng(path);
    const text = pdftotext(path);
    const flat = squeeze(text);
    expect(flat.split('涉密载体清退单')).toHaveLength(2);
    expect(flat.split(`No.${batchNo}`)).toHaveLength(2);
    expect(flat).toContain('第1页共1页');
    const numbers = text.split('\n').filter((line) => line.includes('〔') || line.includes('〕'));
    expect(numbers).toHaveLength(3);
    for (const line of numbers) expect(line).toMatch(/〔2026〕\d+号/);
    // A range of 份号 stays on one line too.
    expect(text).toContain('0007-0009');
  });
});
