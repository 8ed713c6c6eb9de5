// 年度自查材料 (issue 17) through the browser test host: from the statistics page, 导出 Word reads the year's pack, draws
// its charts as PNGs in the page (ECharts on a canvas) and saves the .docx the backend writes; the file is opened with
// JSZip and its tables, figures, check list and chart images are found. The same pack printed to PDF (A4, the marking,
// 第 N 页 共 M 页) is read back with poppler.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import type { RunningHost } from '../host/server';
import { expect, invoke, must, printAudit, setUpQuickly, test, UNIT } from './fixtures';

const SHOTS = process.env.SCREENSHOTS_DIR ?? '/tmp/shots';
const folder = mkdtempSync(join(tmpdir(), 'ledger-pack-'));
test.afterAll(() => rmSync(folder, { recursive: true, force: true }));

const YEAR = 2026;

/** A year with an exception to show: a receipt without its 文号, a loan back 3 days late; received in three months. */
function seed(host: RunningHost): void {
  const cab = must<{ id: number }>(host, 'locations.create', { code: 'BMG-01', name: '一号保密柜', maxLevel: 'secret' }).id;
  const receive = (n: number, marking: string, copies: number, receivedAt: string, docNumber = `鲁X发〔2026〕${n}号`) =>
    must<{ id: number }>(host, 'documents.receive', {
      docNumber,
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
  receive(3, '秘密★5年', 4, '2026-07-01', '');
  must(host, 'documents.lend', { documentId: first, copyNos: [2], borrower: { name: '王芳', department: '办公室' }, dueAt: '2026-04-10', at: '2026-04-01' });
  must(host, 'documents.returnLoan', { documentId: first, copyNos: [2], receivedBy: '李明', at: '2026-04-13' });
}

test('导出 Word from the statistics page: the .docx has the pack’s tables, figures, check list and its charts as PNGs', async ({ page, host }) => {
  test.setTimeout(90_000);
  await setUpQuickly(page, host.current);
  seed(host.current);
  await page.reload();
  await page.getByTestId('menu-statistics').click();
  const year = page.getByTestId('statistics-year');
  await year.fill(String(YEAR));
  await year.press('Enter');
  const exportWord = page.getByTestId('pack-docx');
  await expect(exportWord).toHaveText('导出 Word');
  await expect(page.getByTestId('pack-print')).toHaveText('打印年度自查材料');
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, 'pack-actions.png') });

  const [download] = await Promise.all([page.waitForEvent('download'), exportWord.click()]);
  expect(download.suggestedFilename()).toMatch(/^保密工作台账（载体和设备部分）_2026年度_\d{4}-\d{2}-\d{2}\.docx$/);
  const path = join(folder, 'pack.docx');
  await download.saveAs(path);
  await expect(page.getByText('已导出年度自查材料')).toBeVisible();

  const zip = await JSZip.loadAsync(readFileSync(path));
  const xml = await zip.file('word/document.xml')!.async('string');
  const words = xml.replace(/<[^>]+>/g, '');
  for (const heading of ['一、概要', '主要数字', '二、台账', '收到密件', '借阅', '涉密计算机', '三、自查要点']) expect(words).toContain(heading);
  // The figures: 3 received (9 copies), the late return by its number and days, the receipt without its 文号.
  expect(words).toContain('收到密件3 件9 份');
  expect(words).toContain('2026-0001 份号0002（逾期 3 天归还）');
  expect(words).toContain('2026-0003（无文号）');
  expect(words).toContain('未评估（台账无此记录）');
  // Each chart of the pack as a PNG the page drew.
  const pack = await invoke<{ document: { blocks: { kind: string }[] } }>(page, 'statistics.pack', { year: YEAR });
  const charts = pack.value!.document.blocks.filter((b) => b.kind === 'chart').length;
  expect(charts).toBeGreaterThanOrEqual(2);
  const media = Object.keys(zip.files).filter((f) => f.startsWith('word/media/'));
  expect(media).toHaveLength(charts);
  for (const f of media) {
    const bytes = await zip.file(f)!.async('nodebuffer');
    expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(bytes.length).toBeGreaterThan(5_000);
  }
  expect((await zip.file(/word\/header\d+\.xml/)[0]!.async('string')).replace(/<[^>]+>/g, '')).toBe('机密');

  // 打印年度自查材料 opens the print preview of the pack.
  await page.getByTestId('pack-print').click();
  const preview = page.getByTestId('print-preview');
  await expect(preview.getByText('自查要点及台账依据').first()).toBeVisible();
  await page.screenshot({ path: join(SHOTS, 'pack-preview.png') });
  await page.keyboard.press('Escape');
  await expect(preview).toBeHidden();

  // Printed: the same pack on A4 with the marking and 第 N 页 共 M 页, one print entry named by its title and year.
  const r = await page.evaluate((job) => window.ledger.print!(job as never), { request: { kind: 'annual-pack', year: YEAR }, target: 'pdf' });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  const pdf = join(folder, 'pack.pdf');
  writeFileSync(pdf, Buffer.from(r.value.pdfBase64!, 'base64'));
  expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toMatch(/Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)/);
  const first = execFileSync('pdftotext', ['-layout', '-f', '1', '-l', '1', pdf, '-'], { encoding: 'utf8' });
  expect(first).toContain(UNIT);
  expect(first).toContain('机密');
  expect(first).toMatch(new RegExp(`第\\s*1\\s*页\\s*共\\s*${r.value.pages}\\s*页`));
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '2', pdf, join(SHOTS, 'pack-print')]);
  expect(printAudit(host.current).at(-1)).toMatchObject({ action: 'print.record', summary: { what: 'annual-pack' } });
});
