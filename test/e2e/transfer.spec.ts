// Import and export through the UI: a generated .xlsx goes through the wizard (the dry run shows the bad row by
// row, column and reason; the report can be saved), is corrected, and imported.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { documentSheet, xlsxOf } from '../../db/ledger/transfer/fixture';
import { cellText } from '../../db/ledger/transfer/normalize';
import { readSpreadsheet } from '../../db/ledger/transfer/read';
import { expect, invoke, setUpQuickly, test } from './fixtures';

test('import: the dry run shows the bad row, the report is saved, the corrected file is imported; export downloads the register', async ({ page, host }) => {
  test.setTimeout(180_000);
  const dir = mkdtempSync(join(tmpdir(), 'ledger-e2e-import-'));
  try {
    await setUpQuickly(page, host.current);
    expect((await invoke(page, 'locations.create', { code: 'BMG-01', name: '一号保密柜', maxLevel: 'secret' })).ok).toBe(true);
    const sheet = documentSheet(3);
    sheet.rows[3]![5] = '机密级'; // 密级 of data row 2 = spreadsheet row 4, column F
    const bad = join(dir, '2025收文.xlsx');
    writeFileSync(bad, await xlsxOf(sheet));

    await page.getByTestId('menu-import').click();
    await page.getByTestId('import-file').setInputFiles(bad);
    await expect(page.getByTestId('import-file-name')).toHaveText('2025收文.xlsx');
    await expect(page.getByTestId('import-data-rows')).toHaveText('表头下共 3 行数据');
    await expect(page.getByTestId('import-header-row')).toHaveValue('2');
    // The suggestion: 标题 in column E, 密级 in F.
    await expect(page.getByTestId('import-mapping')).toContainText('E · 标题');
    await expect(page.getByTestId('import-mapping')).toContainText('F · 密级');
    await expect(page.getByTestId('import-preview')).toContainText('关于第1项保密工作的通知');
    await page.getByTestId('import-default-location').fill('BMG-01');

    await page.getByTestId('import-dry-run').click();
    await expect(page.getByTestId('import-bad')).toContainText('1');
    await expect(page.getByTestId('import-good')).toContainText('2');
    const issues = page.getByTestId('import-issues');
    await expect(issues.locator('tbody tr')).toHaveCount(1);
    await expect(issues.locator('tbody tr').first()).toContainText('4');
    await expect(issues.locator('tbody tr').first()).toContainText('F · 密级');
    await expect(page.getByTestId('import-issue-message')).toHaveText('“机密级★10年”没有以密级开头：密级只能是 绝密、机密、秘密 或 内部');
    await expect(page.getByTestId('import-apply')).toBeDisabled();

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('import-save-report').click()]);
    expect(download.suggestedFilename()).toBe('2025收文-试导入报告.csv');
    const saved = join(dir, 'report.csv');
    await download.saveAs(saved);
    expect(readFileSync(saved, 'utf8')).toContain('4,F,密级,bad_marking,');

    // Nothing was written by the dry run.
    expect((await invoke<{ total: number }>(page, 'documents.list', {})).value!.total).toBe(0);

    // Corrected in the spreadsheet and chosen again.
    const good = join(dir, '2025收文-改.xlsx');
    writeFileSync(good, await xlsxOf(documentSheet(3)));
    await page.getByTestId('import-file').setInputFiles(good);
    await expect(page.getByTestId('import-file-name')).toHaveText('2025收文-改.xlsx');
    await page.getByTestId('import-dry-run').click();
    await expect(page.getByTestId('import-bad')).toContainText('0');
    await page.getByTestId('import-apply').click();
    await page.getByTestId('confirm-ok').click();
    await expect(page.getByTestId('import-done')).toContainText('已导入 3 行');
    expect((await invoke<{ total: number }>(page, 'documents.list', {})).value!.total).toBe(3);

    // Export: the register with the filters on screen downloads as .xlsx, the marking first, then title and header.
    await page.getByTestId('menu-documents').click();
    await expect(page.getByTestId('documents-title')).toBeVisible();
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-xlsx-documents').click()]);
    expect(xlsx.suggestedFilename()).toMatch(/^涉密文件登记台账-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const xlsxPath = join(dir, 'export.xlsx');
    await xlsx.saveAs(xlsxPath);
    const grid = (await readSpreadsheet('export.xlsx', readFileSync(xlsxPath))).sheets[0]!.rows.map((r) => r.map(cellText));
    expect(grid[0]).toEqual(['机密']);
    expect(grid[2]!.slice(0, 5)).toEqual(['收文编号', '登记日期', '来文单位', '文号', '标题']);
    expect(grid.slice(3).map((r) => r[4])).toEqual(['关于第3项保密工作的通知', '关于第2项保密工作的通知', '关于第1项保密工作的通知']);
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv-documents').click()]);
    expect(csv.suggestedFilename()).toMatch(/\.csv$/);
    const csvPath = join(dir, 'export.csv');
    await csv.saveAs(csvPath);
    expect(readFileSync(csvPath, 'utf8').startsWith('\uFEFF机密\r\n收文编号,')).toBe(true);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
