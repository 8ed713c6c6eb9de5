// Statuses that say the truth, in Chinese only (issue 15): never backed up is a warning, a backup's result names the
// ledger's contents in words, the settings show the 收文编号 a pattern makes (picked, not typed as syntax), and a
// select left empty asks 请选择.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, invoke, setUpQuickly, test } from './fixtures';

const SHOTS = process.env.SCREENSHOTS_DIR;
const mountPoint = mkdtempSync(join(tmpdir(), 'ledger-statuses-'));
test.afterAll(() => rmSync(mountPoint, { recursive: true, force: true }));

/** A 机密 removable disk approved for backups, registered through the backend. */
async function backupMedium(page: Page): Promise<void> {
  const r = await invoke(page, 'media.register', {
    code: '备份盘一号',
    type: 'hdd',
    model: '移动硬盘',
    serial: '20261201',
    capacity: '1TB',
    level: 'secret',
    responsible: '王五',
    department: '办公室',
    usageScope: '台账备份',
    enabledAt: '2026-02-01',
    backupApproved: true,
  });
  expect(r.ok, JSON.stringify(r.error)).toBe(true);
}

/** Latin words in a text, record numbers and hashes aside. */
const latinWords = (text: string) => [...text.replace(/\b[0-9a-f]{6,64}\b/g, '').matchAll(/[A-Za-z]{2,}/g)].map((m) => m[0]);

test('never backed up: the overview and the backup page warn, nothing green', async ({ page, host }) => {
  await setUpQuickly(page, host.current);
  const status = page.getByTestId('backup-status');
  await expect(status).toHaveAttribute('data-tone', 'warning');
  await expect(status).toContainText('尚未备份过');
  await expect(page.locator('.ant-alert-success')).toHaveCount(0);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/statuses-overview-never.png`, fullPage: true });
  await page.getByTestId('menu-backup').click();
  await expect(status).toHaveAttribute('data-tone', 'warning');
  await expect(status).not.toContainText('备份正常');
  await expect(page.locator('.ant-alert-success')).toHaveCount(0);
});

test('a backup: an empty select asks 请选择, the result names the contents in words, then the status is green', async ({ page, host }) => {
  await setUpQuickly(page, host.current);
  await backupMedium(page);
  await page.reload();
  await page.getByTestId('menu-backup').click();
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/statuses-backup-before.png`, fullPage: true });

  // Nothing chosen, nothing typed: a select asks to choose, a text field to enter.
  await page.getByTestId('backup-run').click();
  await expect(page.getByText('请选择备份介质')).toBeVisible();
  await expect(page.getByText('请输入介质挂载的文件夹')).toBeVisible();
  await expect(page.getByText('请输入备份介质')).toHaveCount(0);

  await page.getByTestId('backup-medium').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '备份盘一号' }).click();
  await page.getByTestId('backup-folder').fill(mountPoint);
  await page.getByTestId('backup-run').click();
  const result = page.getByTestId('backup-result');
  await expect(result).toBeVisible();
  const counts = page.getByTestId('backup-result-counts');
  await expect(counts).toContainText('文件 0 件 0 份');
  await expect(counts).toContainText('介质 1 个');
  await expect(counts).toContainText('账户 1 个');
  await expect(counts).toContainText(/审计记录 \d+ 条/);
  // No table name and no Latin word: the folder path is the user's own, the hashes are not words.
  const path = (await page.getByTestId('backup-result-path').textContent())!;
  const text = (await result.innerText()).replace(path, '');
  expect(text).not.toMatch(/audit_log|accounts|documents|media\b/);
  expect(latinWords(text)).toEqual([]);
  await expect(page.getByTestId('backup-status')).toHaveAttribute('data-tone', 'success');
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/statuses-backup-after.png`, fullPage: true });
});

test('settings: the 收文编号 pattern is picked by the numbers it makes, and the example follows the choice', async ({ page, host }) => {
  await setUpQuickly(page, host.current);
  const year = new Date().getFullYear();
  await page.getByTestId('menu-settings').click();
  const example = page.getByTestId('settings-receipt-no-example');
  await expect(example).toContainText(`${year}-0001、${year}-0002`);
  await expect(page.getByText('{year}')).toHaveCount(0);
  await expect(page.getByTestId('settings-receipt-no-format')).toBeHidden();
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/statuses-settings.png`, fullPage: true });

  await page.getByTestId('settings-receipt-no-pattern').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: `${year}0001` }).click();
  await expect(example).toContainText(`${year}0001、${year}0002`);
  await page.getByTestId('settings-save').click();
  await expect(page.getByText('设置已保存')).toBeVisible();
  const saved = await invoke<{ receiptNoFormat: string }>(page, 'settings.get');
  expect(saved.value!.receiptNoFormat).toBe('{year}{seq:4}');

  // The expert's own pattern: the syntax only there.
  await page.getByTestId('settings-receipt-no-pattern').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '自定义格式' }).click();
  const custom = page.getByTestId('settings-receipt-no-format');
  await expect(custom).toBeVisible();
  await custom.fill('收{year}-{seq:3}');
  await expect(example).toContainText(`收${year}-001、收${year}-002`);
});
