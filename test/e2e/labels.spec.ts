// Labels end to end, through the browser host: a sitting of 3 items × 3 copies registered in the form prints its labels
// (打印本次登记的全部标签) on one A4 3×8 sheet; the PDF, rendered by poppler, reads back with a barcode decoder as
// exactly the copies' codes, Code 128 and QR alike, each at its place on the sheet; a 机密 label shows its level and
// code only and no label a title; the print is one audit entry with the count and the codes; the layout is kept for
// the next labels. A cabinet's label on a label printer is one page of the label's size. Images of the dialog, the
// preview and the PDF pages are left in each test's output folder to look at.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import bwipjs from 'bwip-js/node';
import pngjs from 'pngjs';
import { LABEL_PRESETS } from '../../db/domain/labels';
import { documentSheet, xlsxOf } from '../../db/ledger/transfer/fixture';
import { labelBoxes } from '../../renderer/src/features/labels/layouts';
import { mmToPixels, pdfPageToPng, readPng, readSymbols } from './barcodes';
import { expect, invoke, must, printAudit, setUpQuickly, test } from './fixtures';

const DPI = 300;
const SHEET_3X8 = { kind: 'sheet' as const, preset: '3x8' as const, ...LABEL_PRESETS['3x8'] };
const TITLES = ['关于加强网络失泄密防范工作的通知', '关于开展年度保密自查工作的通知', '关于做好涉密载体清查的通知'];
const MARKINGS = ['秘密★5年', '机密★10年', '秘密★6个月'];

/** pdftotext of the whole PDF, or of a box in mm of page 1; CJK glyphs come spaced as laid out: compared without spaces. */
function pdfText(pdf: string, box?: { x: number; y: number; width: number; height: number }): string {
  const pt = (mm: number) => String(Math.round((mm * 72) / 25.4));
  const crop = box ? ['-f', '1', '-l', '1', '-r', '72', '-x', pt(box.x), '-y', pt(box.y), '-W', pt(box.width), '-H', pt(box.height)] : [];
  return execFileSync('pdftotext', [...crop, pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
}

async function choose(page: Page, testId: string, option: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
}

async function registerThree(page: Page): Promise<void> {
  await page.getByTestId('menu-documents').click();
  await page.getByTestId('documents-receive-button').click();
  for (const [i, title] of TITLES.entries()) {
    await page.getByTestId('register-origin-unit').fill('山东省某厅办公室');
    await page.getByTestId('register-title').fill(title);
    await page.getByTestId('register-marking').fill(MARKINGS[i]!);
    await page.getByTestId('register-issue-date').fill('2026-11-01');
    await page.getByTestId('register-issue-date').press('Enter');
    const scope = page.getByTestId('register-scope').locator('input');
    await scope.fill('办公室');
    await scope.press('Enter');
    await page.getByTestId('register-copies').fill('3');
    // The cabinet stays from one item to the next.
    if (i === 0) await choose(page, 'register-location', 'G-01');
    await page.getByTestId('register-submit').click();
    await expect(page.getByTestId('register-saved').last()).toContainText(`2026-000${i + 1}`);
  }
}

test.describe('labels', () => {
  test.setTimeout(180_000);

  test('the decoder reads what bwip-js draws, Code 128 and QR, and nothing on a blank page', async () => {
    const dir = test.info().outputPath();
    for (const bcid of ['code128', 'qrcode'] as const) {
      const path = `${dir}/${bcid}.png`;
      writeFileSync(path, await bwipjs.toBuffer({ bcid, text: 'SL7KD00012Q', scale: 3, height: 10, padding: 10, backgroundcolor: 'FFFFFF' }));
      const read = readSymbols(readPng(path));
      expect(read).toEqual(bcid === 'code128' ? { code128: 'SL7KD00012Q', qr: null } : { code128: null, qr: 'SL7KD00012Q' });
    }
    const blank = new pngjs.PNG({ width: 300, height: 200 });
    blank.data.fill(255);
    writeFileSync(`${dir}/blank.png`, pngjs.PNG.sync.write(blank));
    expect(readSymbols(readPng(`${dir}/blank.png`))).toEqual({ code128: null, qr: null });
  });

  test('a sitting of 3 items × 3 copies prints 9 labels on one 3×8 sheet that read back as the copies’ codes; 机密 shows level and code only; audited', async ({
    page,
    host,
  }) => {
    await setUpQuickly(page, host.current);
    must(host.current, 'locations.create', { code: 'G-01', name: '保密柜一', maxLevel: 'secret' });
    await registerThree(page);

    await expect(page.getByTestId('register-sitting-labels')).toHaveText('打印本次登记的全部标签（3 件）');
    await page.getByTestId('register-sitting-labels').click();
    const dialog = page.getByTestId('labels-form');
    await expect(dialog.getByTestId('labels-count')).toHaveText('共 9 个标签，需 1 张 A4 标签纸。');
    // Keyboard first: the cursor is on the layout, the first preset is chosen.
    await expect(page.getByTestId('labels-choice-3x8')).toBeFocused();
    await page.screenshot({ path: test.info().outputPath('dialog.png') });
    await page.keyboard.press('Enter');

    const preview = page.getByTestId('print-preview');
    await expect(preview.getByTestId('print-page')).toHaveCount(1);
    await expect(preview.locator('[data-testid^="label-SL"]')).toHaveCount(9);
    await page.screenshot({ path: test.info().outputPath('preview.png') });
    const download = page.waitForEvent('download');
    await preview.getByTestId('print-pdf-button').click();
    const pdf = test.info().outputPath('labels.pdf');
    await (await download).saveAs(pdf);
    await expect(page.getByText('已保存PDF（1 页），已记入审计日志。')).toBeVisible();

    // The copies' codes, item by item in the order registered, each item's copies in order.
    const listed = must<{ rows: { id: number; receiptNo: string }[] }>(host.current, 'documents.list', {}).rows.sort((a, b) => a.id - b.id);
    const copies = listed.flatMap((d) =>
      must<{ copyList: { copyNo: number; labelCode: string }[] }>(host.current, 'documents.get', { id: d.id }).copyList.map((c) => ({
        ...c,
        receiptNo: d.receiptNo,
      })),
    );
    const codes = copies.map((c) => c.labelCode);
    expect(codes).toHaveLength(9);

    // Every label where the sheet has it, both symbols reading as its copy's code; the rest of the sheet blank.
    const raster = readPng(pdfPageToPng(pdf, 1, DPI));
    const boxes = labelBoxes(SHEET_3X8);
    const read = boxes.map((box) => readSymbols(raster, mmToPixels(box, DPI)));
    expect(read.slice(0, 9)).toEqual(codes.map((code) => ({ code128: code, qr: code })));
    expect(read.slice(9).every((r) => r.code128 === null && r.qr === null)).toBe(true);

    // What each label says: its level, its numbers unless 机密, its code; never a title.
    const text = pdfText(pdf);
    for (const title of TITLES) expect(text).not.toContain(title);
    copies.forEach((c, i) => {
      const label = pdfText(pdf, boxes[i]!);
      const secret = i >= 3 && i < 6;
      expect(label, c.labelCode).toBe(secret ? `机密${c.labelCode}` : `秘密收文编号${c.receiptNo}份号${String(c.copyNo).padStart(4, '0')}${c.labelCode}`);
    });

    // One audit entry: labels, how many, which.
    const [entry] = printAudit(host.current);
    expect(entry!.summary).toMatchObject({ what: 'labels', count: 9, codes, destination: 'pdf' });
    // The layout is the account's now: the next labels start from it.
    expect((await invoke<{ labelLayout: unknown }>(page, 'account.prefs')).value!.labelLayout).toEqual(SHEET_3X8);
  });

  test('a cabinet’s label on a label printer: one page of the label’s size that reads back, the size kept for next time', async ({ page, host }) => {
    await setUpQuickly(page, host.current);
    must(host.current, 'locations.create', { code: 'G-01', name: '保密柜一', maxLevel: 'secret' });
    const cabinet = must<{ id: number; labelCode: string }[]>(host.current, 'locations.list', {})[0]!;
    await page.getByTestId('menu-locations').click();
    await expect(page.getByTestId('location-label-code-G-01')).toHaveText(cabinet.labelCode);
    await page.screenshot({ path: test.info().outputPath('cabinets.png') });
    await page.getByTestId('location-label-G-01').click();
    const dialog = page.getByTestId('labels-form');
    await expect(dialog.getByTestId('labels-count')).toHaveText('共 1 个标签，需 1 张 A4 标签纸。');
    // Arrows move to 自定义网格, which starts from the 3×8 sheet's sizes; a grid off the A4 sheet is refused in words.
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
    await expect(page.getByTestId('labels-choice-custom')).toBeChecked();
    await expect(page.getByTestId('labels-labelWidthMm')).toHaveValue('70');
    await page.getByTestId('labels-columns').fill('4');
    await page.getByTestId('labels-columns').press('Enter');
    await expect(dialog).toContainText('标签超出 A4 纸（210×297 毫米），请减小尺寸、边距或间距。');
    await expect(page.getByTestId('print-preview')).toHaveCount(0);
    // 单张标签: its size is typed in mm; too narrow a label is refused in words.
    await page.getByTestId('labels-choice-single').check();
    await page.getByTestId('labels-widthMm').fill('30');
    await page.getByTestId('labels-heightMm').fill('30');
    await page.getByTestId('labels-heightMm').press('Enter');
    await expect(dialog).toContainText(/标签宽至少 \d+ 毫米，条码才能可靠扫描。/);
    await page.getByTestId('labels-widthMm').fill('60');
    await page.getByTestId('labels-heightMm').fill('40');
    await expect(dialog.getByTestId('labels-count')).toHaveText('共 1 个标签，每张标签单独打印。');
    await page.screenshot({ path: test.info().outputPath('dialog-single.png') });
    await page.getByTestId('labels-heightMm').press('Enter');

    const preview = page.getByTestId('print-preview');
    await expect(preview.getByTestId('print-page')).toHaveCount(1);
    const download = page.waitForEvent('download');
    await preview.getByTestId('print-pdf-button').click();
    const pdf = test.info().outputPath('cabinet.pdf');
    await (await download).saveAs(pdf);
    // 60 × 40 mm is 170.08 × 113.39 pt (Chromium rounds the page to its pixels).
    const [width, height] = /Page size:\s+([\d.]+) x ([\d.]+) pts/
      .exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))!
      .slice(1)
      .map(Number);
    expect(Math.abs(width! - 170.08)).toBeLessThan(0.5);
    expect(Math.abs(height! - 113.39)).toBeLessThan(0.5);
    const read = readSymbols(readPng(pdfPageToPng(pdf, 1, DPI)));
    expect(read).toEqual({ code128: cabinet.labelCode, qr: cabinet.labelCode });
    expect(pdfText(pdf)).toBe(`机密保密柜一保密柜编号G-01${cabinet.labelCode}`);

    await page.getByTestId('print-preview').locator('.ant-modal-close').click();
    await page.getByTestId('location-label-G-01').click();
    await expect(page.getByTestId('labels-choice-single')).toBeChecked();
    await expect(page.getByTestId('labels-widthMm')).toHaveValue('60');
  });

  test('labels from the item page (the copies chosen, else every copy held), a device’s page and an applied import, each with its 标签编码 on screen', async ({
    page,
    host,
  }) => {
    const dir = mkdtempSync(join(tmpdir(), 'ledger-e2e-labels-'));
    try {
      await setUpQuickly(page, host.current);
      const cabinet = must<{ id: number }>(host.current, 'locations.create', { code: 'G-01', name: '保密柜一', maxLevel: 'secret' }).id;
      const doc = must<{ id: number }>(host.current, 'documents.receive', {
        docNumber: '鲁X发〔2026〕3号',
        title: TITLES[0],
        originUnit: '山东省某厅办公室',
        marking: '秘密★5年',
        issueDate: '2026-11-02',
        scope: ['办公室'],
        copies: 3,
        locationId: cabinet,
        signedBy: '李明',
      }).id;
      const computerId = must<{ id: number }>(host.current, 'computers.register', {
        code: '涉密机-001',
        name: '保密室办公机',
        model: '联想 开天',
        serial: '序列号一',
        os: '银河麒麟',
        level: 'secret',
        network: 'standalone',
        department: '办公室',
        responsible: '王五',
        location: '保密室',
        enabledAt: '2026-10-01',
        purpose: '文件处理',
      }).id;
      const countAfter = async (open: () => Promise<void>, text: string) => {
        await open();
        await expect(page.getByTestId('labels-count')).toHaveText(text);
        await page.keyboard.press('Escape');
        await expect(page.getByTestId('labels-form')).toHaveCount(0);
      };

      // The item page: each copy's code; two copies chosen print two labels, none chosen every copy held.
      await page.reload();
      await page.getByTestId('menu-documents').click();
      await page.getByTestId(`documents-open-${doc}`).click();
      const copies = must<{ copyList: { copyNo: number; labelCode: string }[] }>(host.current, 'documents.get', { id: doc }).copyList;
      for (const c of copies) await expect(page.getByTestId(`doc-copy-code-${c.copyNo}`)).toHaveText(c.labelCode);
      const rows = page.getByTestId('doc-copies').locator('tbody tr');
      await rows.nth(0).locator('.ant-checkbox-input').check();
      await rows.nth(2).locator('.ant-checkbox-input').check();
      await expect(page.getByTestId('doc-print-labels')).toHaveText('打印所选 2 份的标签');
      await page.screenshot({ path: test.info().outputPath('document.png'), fullPage: true });
      await countAfter(() => page.getByTestId('doc-print-labels').click(), '共 2 个标签，需 1 张 A4 标签纸。');
      await rows.nth(0).locator('.ant-checkbox-input').uncheck();
      await rows.nth(2).locator('.ant-checkbox-input').uncheck();
      await expect(page.getByTestId('doc-print-labels')).toHaveText('打印在管各份的标签');
      await countAfter(() => page.getByTestId('doc-print-labels').click(), '共 3 个标签，需 1 张 A4 标签纸。');

      // A device's page: its code and its one label.
      await page.getByTestId('menu-secret-computers').click();
      await page.getByTestId('device-open-涉密机-001').click();
      const computer = must<{ labelCode: string }>(host.current, 'computers.get', { id: computerId });
      await expect(page.getByTestId('device-label-code')).toHaveText(computer.labelCode);
      await page.screenshot({ path: test.info().outputPath('device.png'), fullPage: true });
      await countAfter(() => page.getByTestId('device-print-label').click(), '共 1 个标签，需 1 张 A4 标签纸。');

      // An applied import: the imported items' labels, every copy of each (2 items × 2 copies).
      const file = join(dir, '2025收文.xlsx');
      writeFileSync(file, await xlsxOf(documentSheet(2)));
      await page.getByTestId('menu-import').click();
      await page.getByTestId('import-file').setInputFiles(file);
      await page.getByTestId('import-default-location').fill('G-01');
      await page.getByTestId('import-dry-run').click();
      await expect(page.getByTestId('import-bad')).toContainText('0');
      await page.getByTestId('import-apply').click();
      await page.getByTestId('confirm-ok').click();
      await expect(page.getByTestId('import-print-labels')).toHaveText('打印导入项目的标签（2 件）');
      await page.screenshot({ path: test.info().outputPath('import.png') });
      await countAfter(() => page.getByTestId('import-print-labels').click(), '共 4 个标签，需 1 张 A4 标签纸。');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
