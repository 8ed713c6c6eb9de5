// Printing through the browser test host: the renderer's print route printed to PDF by Chromium, read back with
// poppler (pdftotext, pdfinfo). Rows are seeded through backend commands in-process, not through the UI.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { RunningHost } from '../host/server';
import type { PrintRouteWindow } from '../../preload/contract';
import { PRINT_CHUNK_PAGES } from '../../renderer/src/features/printing/pages';
import { ADMIN, expect, must, openRegisterPreview, printAudit, setUpQuickly, test, UNIT } from './fixtures';

const folder = mkdtempSync(join(tmpdir(), 'ledger-print-'));
test.afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Long titles wrap to several lines: a row split across pages would show its receipt number and its end apart. */
const title = (n: number) => `关于加强网络失泄密防范工作的通知（第${n}号，附件含实施细则和检查表，标题较长须换行）尾${n}`;

/** `n` received items, every seventh one 机密, the rest 秘密; returns their ids in order. */
function seed(host: RunningHost, n: number): number[] {
  const cab = must<{ id: number }>(host, 'locations.create', { code: 'BMG-01', name: '一号保密柜', maxLevel: 'secret' }).id;
  return Array.from(
    { length: n },
    (_, i) =>
      must<{ id: number }>(host, 'documents.receive', {
        docNumber: `鲁X发〔2026〕${i + 1}号`,
        title: title(i + 1),
        originUnit: '山东省XX厅办公室',
        marking: (i + 1) % 7 === 0 ? '机密★10年' : '秘密★5年',
        issueDate: '2026-11-02',
        scope: ['办公室'],
        copies: 5,
        locationId: cab,
        signedBy: '李明',
      }).id,
  );
}

interface Printed {
  path: string;
  pages: number;
}

/** Saves a printout as PDF through window.ledger.print, as the preview's 保存为PDF does. */
async function printPdf(page: Page, request: Record<string, unknown>, name: string): Promise<Printed> {
  const r = await page.evaluate((job) => window.ledger.print!(job as never), { request, target: 'pdf' });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  const path = join(folder, `${name}.pdf`);
  writeFileSync(path, Buffer.from(r.value.pdfBase64!, 'base64'));
  return { path, pages: r.value.pages };
}

const pdftotext = (path: string, pageNo?: number) =>
  execFileSync('pdftotext', ['-layout', ...(pageNo ? ['-f', String(pageNo), '-l', String(pageNo)] : []), path, '-'], { encoding: 'utf8' });
const pdfinfo = (path: string) => execFileSync('pdfinfo', [path], { encoding: 'utf8' });
const pageCount = (path: string) => Number(/^Pages:\s+(\d+)/m.exec(pdfinfo(path))![1]);
/** pdftotext spaces CJK glyphs as the layout placed them; compare without the spaces. */
const squeeze = (text: string) => text.replace(/\s+/g, '');

/**
 * Every row on exactly one page, whole: its receipt number and the end of its wrapped title on the same page;
 * every page with the repeated column headers, its 第 N 页 共 M 页 in order and the same audit chain head.
 */
function expectRowsWhole(printed: Printed, n: number): void {
  const pages = Array.from({ length: printed.pages }, (_, i) => squeeze(pdftotext(printed.path, i + 1)));
  const auditHead = /审计链#\d+[0-9a-f]{6}/.exec(pages[0]!)![0];
  pages.forEach((text, i) => {
    expect(text).toContain('收文编号登记日期来文单位');
    expect(text).toContain(`第${i + 1}页共${printed.pages}页`);
    expect(text).toContain(auditHead);
  });
  for (let k = 1; k <= n; k++) {
    const receipt = `2026-${String(k).padStart(4, '0')}`;
    const on = pages.flatMap((text, i) => (text.includes(receipt) ? [i] : []));
    expect(on, `${receipt} is on one page`).toHaveLength(1);
    expect(pages[on[0]!], `${receipt}'s title ends on its page`).toContain(`标题较长须换行）尾${k}`);
  }
}

test.describe('printing through the test host', () => {
  test.setTimeout(300_000);

  test('a one-row register: title, unit, marking, row, page numbers, who printed, the audit head, one audit entry', async ({ page, host }) => {
    await setUpQuickly(page, host.current);
    seed(host.current, 1);
    const printed = await printPdf(page, { kind: 'sheet', name: 'documents', filters: {} }, 'one');
    expect(printed.pages).toBe(1);
    expect(pageCount(printed.path)).toBe(1);
    expect(pdfinfo(printed.path)).toMatch(/Page size:\s+841\.\d+ x 59\d\.\d+ pts \(A4\)/);
    const text = pdftotext(printed.path);
    const flat = squeeze(text);
    expect(flat).toContain(`${UNIT}涉密文件登记台账`);
    expect(flat).toContain('筛选条件：全部');
    expect(text.trimStart().startsWith('秘密')).toBe(true);
    expect(flat).toContain('2026-0001');
    expect(flat).toContain('鲁X发〔2026〕1号');
    expect(flat).toContain('第1页共1页');
    expect(flat).toMatch(new RegExp(`打印[:：]${ADMIN.displayName}（${ADMIN.username}）`));
    expect(flat).toMatch(/审计链#\d+[0-9a-f]{6}/);
    const audit = printAudit(host.current);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'print.record',
      summary: { what: 'sheet', title: '涉密文件登记台账', rows: 1, destination: 'pdf', reported: { pages: 1 } },
    });
  });

  // 2,100 rows: more than the print route measures at a time (2,000) and several chunks of pages.
  for (const n of [25, 2100]) {
    test(`${n} rows: the page count pdfinfo reads, headers and page numbers on every page, no row split`, async ({ page, host }) => {
      await setUpQuickly(page, host.current);
      seed(host.current, n);
      const printed = await printPdf(page, { kind: 'sheet', name: 'documents', filters: { sort: 'receiptNo', order: 'asc' } }, `rows-${n}`);
      expect(printed.pages).toBeGreaterThan(1);
      expect(pageCount(printed.path)).toBe(printed.pages);
      expectRowsWhole(printed, n);
      // Every page carries the marking of the most sensitive row (every seventh item is 机密) at its top left.
      for (const p of [1, printed.pages]) expect(pdftotext(printed.path, p).trimStart().startsWith('机密')).toBe(true);
      expect(printAudit(host.current)[0]).toMatchObject({ summary: { rows: n, reported: { pages: printed.pages } } });
    });
  }

  test('a long register is printed a chunk of pages at a time and joined: every page once, in order, rows whole across the chunk edges', async ({
    page,
    host,
  }) => {
    await setUpQuickly(page, host.current);
    seed(host.current, 900);
    const request = { kind: 'sheet', name: 'documents', filters: { sort: 'receiptNo', order: 'asc' } };
    // The print route as the hosts load it: it draws the first chunk of its pages only, the next when asked.
    const route = await page.context().newPage();
    await route.goto(`${host.current.url}#/print?r=${Buffer.from(JSON.stringify(request)).toString('base64url')}`);
    const html = route.locator('html');
    await expect(html).toHaveAttribute('data-print-ready', 'true');
    const m = Number(await html.getAttribute('data-print-pages'));
    expect(m).toBeGreaterThan(PRINT_CHUNK_PAGES);
    await expect(html).toHaveAttribute('data-print-shown', `0-${PRINT_CHUNK_PAGES}`);
    await expect(route.getByTestId('print-page')).toHaveCount(PRINT_CHUNK_PAGES);
    const ask = (from: number) => route.evaluate((f) => (window as PrintRouteWindow).showPrintPages!(f), from);
    const second = `${PRINT_CHUNK_PAGES}-${Math.min(2 * PRINT_CHUNK_PAGES, m)}`;
    expect(await ask(PRINT_CHUNK_PAGES)).toBe(second);
    await expect(route.getByTestId('print-page').first().getByTestId('print-page-of')).toHaveText(`第 ${PRINT_CHUNK_PAGES + 1} 页 共 ${m} 页`);
    // Once Chromium has laid the chunk out for its PDF (afterprint), the route draws the next one unasked, and the
    // host's ask for it is answered with it; an ask for any other pages is answered with exactly those.
    expect(await ask(0)).toBe(`0-${PRINT_CHUNK_PAGES}`);
    await route.pdf({ format: 'A4', landscape: true, printBackground: true, preferCSSPageSize: true });
    await expect(html).toHaveAttribute('data-print-shown', second);
    await expect(route.getByTestId('print-page').first().getByTestId('print-page-of')).toHaveText(`第 ${PRINT_CHUNK_PAGES + 1} 页 共 ${m} 页`);
    expect(await ask(PRINT_CHUNK_PAGES)).toBe(second);
    // An afterprint of no print of the pages on show (none began) changes nothing.
    expect(await ask(0)).toBe(`0-${PRINT_CHUNK_PAGES}`);
    await route.evaluate(() => dispatchEvent(new Event('afterprint')));
    // Drawing the next chunk takes well under this; drawn ahead, the pages on show would be the next ones.
    await route.waitForTimeout(500);
    await expect(html).toHaveAttribute('data-print-shown', `0-${PRINT_CHUNK_PAGES}`);
    expect(await ask(0)).toBe(`0-${PRINT_CHUNK_PAGES}`);
    await expect(route.getByTestId('print-page').first().getByTestId('print-page-of')).toHaveText(`第 1 页 共 ${m} 页`);
    await route.close();

    const printed = await printPdf(page, request, 'chunks');
    expect(printed.pages).toBe(m);
    expect(pageCount(printed.path)).toBe(m);
    expectRowsWhole(printed, 900);
    expect(printAudit(host.current)[0]).toMatchObject({ summary: { rows: 900, reported: { pages: m } } });
  });

  test('the 清退单 lists exactly the batch’s copies with their 份号, on A4 portrait with its signature lines', async ({ page, host }) => {
    await setUpQuickly(page, host.current);
    const [a, b, c] = seed(host.current, 3);
    const { batchNo } = must<{ batchNo: string }>(host.current, 'documents.returnToIssuer', {
      items: [
        { documentId: a, copyNos: [1, 2, 3] },
        { documentId: c, copyNos: [5] },
      ],
      toUnit: '山东省XX厅办公室',
      returner: '李明',
      receiver: '赵强',
    });
    void b;
    const printed = await printPdf(page, { kind: 'return-slip', batchNo }, 'slip');
    expect(printed.pages).toBe(1);
    expect(pdfinfo(printed.path)).toMatch(/Page size:\s+59\d\.\d+ x 841\.\d+ pts \(A4\)/);
    const flat = squeeze(pdftotext(printed.path));
    expect(flat).toContain(`${UNIT}涉密载体清退单`);
    expect(flat).toContain(`No.${batchNo}`);
    expect(flat).toContain('接收单位：山东省XX厅办公室');
    // Exactly the two items of the batch: the first with 0001-0003, the third with 0005; not the second.
    expect(flat).toContain('鲁X发〔2026〕1号');
    expect(flat).toContain('0001-0003');
    expect(flat).toContain('鲁X发〔2026〕3号');
    expect(flat).toContain('0005');
    expect(flat).not.toContain('鲁X发〔2026〕2号');
    expect(flat).not.toContain('0004');
    expect(flat).toContain('合计：2种4份');
    expect(flat).toContain('清退人（签字）：李明');
    expect(flat).toContain('接收人（签字）：赵强');
    expect(flat).toContain('第1页共1页');
    expect(printAudit(host.current)[0]).toMatchObject({ summary: { what: 'return-slip', request: { batchNo }, rows: 2, reported: { pages: 1 } } });
    expect(readFileSync(printed.path).subarray(0, 5).toString()).toBe('%PDF-');
  });

  test('an unknown batch prints nothing and records no print', async ({ page, host }) => {
    await setUpQuickly(page, host.current);
    const r = await page.evaluate(() => window.ledger.print!({ request: { kind: 'return-slip', batchNo: 'QT-2026-404' }, target: 'pdf' }));
    expect(r).toMatchObject({ ok: false, error: { code: 'E_NO_SUCH_BATCH' } });
    expect(printAudit(host.current)).toEqual([]);
  });

  test('through the UI: the register’s print preview shows the filtered rows, and 保存为PDF downloads the PDF', async ({ page, host }) => {
    await setUpQuickly(page, host.current);
    seed(host.current, 8);
    const preview = await openRegisterPreview(page);
    await expect(preview.getByTestId('print-doc')).toContainText('涉密文件登记台账');
    await expect(preview.getByTestId('print-marking')).toHaveText('机密');
    await expect(preview.locator('.print-table tbody tr')).toHaveCount(8);
    const download = page.waitForEvent('download');
    await preview.getByTestId('print-pdf-button').click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('涉密文件登记台账.pdf');
    const path = join(folder, 'ui.pdf');
    await file.saveAs(path);
    expect(readFileSync(path).subarray(0, 5).toString()).toBe('%PDF-');
    expect(squeeze(pdftotext(path))).toContain('鲁X发〔2026〕8号');
    await expect(page.getByText(/已保存PDF（\d+ 页），已记入审计日志/)).toBeVisible();
    expect(printAudit(host.current)).toHaveLength(1);
  });
});
