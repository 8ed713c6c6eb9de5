// The 统计 printout through the browser test host: the print route lays the report out (ReportView) and Chromium
// prints it to PDF, read back with poppler. The figures' numbers, 第 N 页 共 M 页 and the marking on every page, the
// charts as vector drawing (their axis labels are text, no image in the PDF), one audit entry naming 统计 and its year.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { RunningHost } from '../host/server';
import { ADMIN, expect, must, printAudit, setUpQuickly, test, UNIT } from './fixtures';

const folder = mkdtempSync(join(tmpdir(), 'ledger-report-print-'));
test.afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** A year with something in every chart: received in three months at two levels, a loan back 3 days late, a copy. */
function seed(host: RunningHost): void {
  const cab = must<{ id: number }>(host, 'locations.create', { code: 'BMG-01', name: '一号保密柜', maxLevel: 'secret' }).id;
  const receive = (n: number, marking: string, copies: number, receivedAt: string) =>
    must<{ id: number }>(host, 'documents.receive', {
      docNumber: `鲁X发〔2026〕${n}号`,
      title: `关于加强保密管理的通知（第${n}号）`,
      originUnit: '山东省XX厅办公室',
      marking,
      issueDate: '2026-01-05',
      scope: ['办公室'],
      copies,
      locationId: cab,
      signedBy: '李明',
      receivedAt,
    }).id;
  const first = receive(1, '机密★10年', 3, '2026-03-10');
  receive(2, '秘密★5年', 2, '2026-03-20');
  receive(3, '秘密★5年', 4, '2026-07-01');
  receive(4, '秘密★5年', 1, '2026-11-02');
  must(host, 'documents.lend', { documentId: first, copyNos: [2], borrower: { name: '王芳', department: '办公室' }, dueAt: '2026-04-10', at: '2026-04-01' });
  must(host, 'documents.returnLoan', { documentId: first, copyNos: [2], receivedBy: '李明', at: '2026-04-13' });
}

async function printPdf(page: Page, request: Record<string, unknown>, name: string): Promise<{ path: string; pages: number }> {
  const r = await page.evaluate((job) => window.ledger.print!(job as never), { request, target: 'pdf' });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  const path = join(folder, `${name}.pdf`);
  writeFileSync(path, Buffer.from(r.value.pdfBase64!, 'base64'));
  return { path, pages: r.value.pages };
}

const pdftotext = (path: string, pageNo?: number) =>
  execFileSync('pdftotext', ['-layout', ...(pageNo ? ['-f', String(pageNo), '-l', String(pageNo)] : []), path, '-'], { encoding: 'utf8' });
/** Where the pages are put as PNG to be looked at. */
function shots(): string {
  mkdirSync('/tmp/shots', { recursive: true });
  return '/tmp/shots';
}
const squeeze = (text: string) => text.replace(/\s+/g, '');
/** Whether a PDF embeds any image (an image XObject's dictionary, which Chromium's PDF writes uncompressed). */
const hasImage = (path: string) => /\/Subtype\s*\/Image/.test(readFileSync(path, 'latin1'));

test.describe('the statistics printout', () => {
  test.setTimeout(120_000);

  test('prints the year’s figures and charts on A4 portrait pages: numbers as text, charts vector, marked, numbered, audited', async ({ page, host }) => {
    await setUpQuickly(page, host.current);
    seed(host.current);
    const year = { from: '2026-01-01', to: '2026-12-31' };
    const figures = must<{ figures: Record<string, { count: number; copies: number | null }> }>(host.current, 'statistics.figures', year).figures;
    expect(figures['received']).toMatchObject({ count: 4, copies: 10 });

    const printed = await printPdf(page, { kind: 'statistics', ...year, language: 'zh-CN' }, 'statistics');
    expect(printed.pages).toBeGreaterThan(1);
    expect(execFileSync('pdfinfo', [printed.path], { encoding: 'utf8' })).toMatch(/Page size:\s+59\d\.\d+ x 841\.\d+ pts \(A4\)/);
    const pages = Array.from({ length: printed.pages }, (_, i) => pdftotext(printed.path, i + 1));
    pages.forEach((text, i) => {
      // The marking of the most sensitive item counted (机密) top left, and the page of pages, on every page.
      expect(text.trimStart().startsWith('机密'), `page ${i + 1} is marked`).toBe(true);
      expect(squeeze(text)).toContain(`第${i + 1}页共${printed.pages}页`);
    });
    const all = squeeze(pages.join('\n'));
    expect(all).toContain(`${UNIT}统计`);
    expect(all).toContain('2026年度');
    expect(all).toContain('统计期间：2026-01-01至2026-12-31');
    // The summary and the tables by level say statistics.figures' numbers.
    expect(all).toContain(`收到密件${figures['received']!.count}件${figures['received']!.copies}份`);
    expect(all).toContain('收到密件（按密级）');
    expect(all).toMatch(/机密13秘密37合计410/);
    expect(all).toContain('逾期归还：1份');
    // The charts are drawn as text and paths: their titles, month axis and numbers are text, and no image is embedded.
    expect(all).toContain('各月流转（份数）');
    expect(all).toContain('在管密件按密级（份数）');
    expect(all).toContain('逾期归还（逾期天数）');
    const monthly = pages.find((text) => squeeze(text).includes('各月流转（份数）'))!;
    for (const month of ['1月', '6月', '12月']) expect(monthly).toContain(month);
    expect(hasImage(printed.path)).toBe(false);
    // Chinese only: no English word, no code; the printer's username and the audit hash are data, not words.
    const words = pages
      .join('\n')
      .replaceAll(`（${ADMIN.username}）`, '')
      .replace(/审计链\s*#\s*\d+\s+[0-9a-f]{6}/g, '');
    expect(pages.join('\n').match(/审计链\s*#\s*\d+\s+[0-9a-f]{6}/g)).toHaveLength(printed.pages);
    expect(words).not.toMatch(/[A-Za-z]{2,}/);
    // The chart's numbers in a table under it: the corner says the unit.
    expect(all).toContain('单位：份');

    const audit = printAudit(host.current);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'print.record', summary: { what: 'statistics', title: '统计 2026年度', reported: { pages: printed.pages } } });

    // Looked at by eye: the pages as PNG.
    execFileSync('pdftoppm', ['-png', '-r', '60', printed.path, join(shots(), 'report-print')]);
  });

  test('the statistics page’s 打印 previews the same pages as the PDF, charts drawn as SVG in them', async ({ page, host }) => {
    await setUpQuickly(page, host.current);
    seed(host.current);
    await page.getByTestId('menu-statistics').click();
    // The seeded year, whatever year the test runs in.
    const year = page.getByTestId('statistics-year');
    await year.fill('2026');
    await year.press('Enter');
    await expect(page.getByTestId('statistics-period')).toContainText('2026-01-01');
    await page.getByTestId('statistics-print').click();
    const preview = page.getByTestId('print-preview');
    const pages = preview.getByTestId('print-page');
    await expect(pages.first()).toBeVisible();
    const n = Number(await preview.getByTestId('print-doc').getAttribute('data-pages'));
    expect(n).toBeGreaterThan(1);
    await expect(pages).toHaveCount(n);
    await expect(pages.first().getByTestId('print-marking')).toHaveText('机密');
    await expect(pages.nth(n - 1).getByTestId('print-page-of')).toHaveText(`第 ${n} 页 共 ${n} 页`);
    await expect(pages.nth(1).locator('.print-running-title')).toHaveText(`${UNIT} 统计`);
    // Each chart drawn on its page, as SVG.
    await expect(preview.locator('.report-chart[data-chart-drawn="true"] svg')).toHaveCount(3);
    await page.screenshot({ path: join(shots(), 'report-preview.png') });
    const download = page.waitForEvent('download');
    await preview.getByTestId('print-pdf-button').click();
    const pdf = join(folder, 'preview.pdf');
    await (await download).saveAs(pdf);
    expect(Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1])).toBe(n);
    await expect(page.getByText(`已保存PDF（${n} 页），已记入审计日志。`)).toBeVisible();
  });

  test('ten years of months: the chart’s numbers go on over pages under their caption (续) and column headers, no row split', async ({ page, host }) => {
    await setUpQuickly(page, host.current);
    seed(host.current);
    const printed = await printPdf(page, { kind: 'statistics', from: '2017-01-01', to: '2026-12-31', language: 'zh-CN' }, 'statistics-decade');
    const pages = Array.from({ length: printed.pages }, (_, i) => squeeze(pdftotext(printed.path, i + 1)));
    const first = pages.findIndex((text) => text.includes('各月流转（份数）单位：份'));
    const continued = pages.flatMap((text, i) => (text.includes('各月流转（份数）（续）单位：份收到密件') ? [i] : []));
    expect(first).toBeGreaterThanOrEqual(0);
    expect(continued.length).toBeGreaterThan(0);
    expect(continued[0]).toBe(first + 1);
    // Every month once, on one page: 2017年1月 to 2026年12月 in the table under the chart.
    for (const month of ['2017年1月', '2021年6月', '2026年12月']) {
      const on = pages.flatMap((text, i) => (i >= first && text.includes(`${month}0`) ? [i] : []));
      expect(on, month).toHaveLength(1);
    }
    expect(pages.join('')).toContain('2017-01-01至2026-12-31');
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '3', printed.path, join(shots(), 'report-print-decade')]);
  });

  test('in English, for dates that are not a year, with a cabinet: its words, no marking when nothing classified is counted', async ({ page, host }) => {
    await setUpQuickly(page, host.current);
    const cab = must<{ id: number }>(host.current, 'locations.create', { code: 'BMG-02', name: '二号保密柜', maxLevel: 'secret' }).id;
    const printed = await printPdf(page, { kind: 'statistics', from: '2026-03-01', to: '2026-05-31', cabinetId: cab, language: 'en' }, 'statistics-en');
    const text = squeeze(pdftotext(printed.path));
    expect(text).toContain('Statistics');
    expect(text).toContain('2026-03-01to2026-05-31');
    expect(text).toContain('Cabinet:BMG-02二号保密柜');
    expect(text).toContain(`Page1of${printed.pages}`);
    expect(pdftotext(printed.path, 1).trimStart().startsWith(UNIT)).toBe(true);
  });
});
