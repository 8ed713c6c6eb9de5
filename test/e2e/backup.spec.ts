// Backup and restore through the UI: an approved medium, a verified backup with its history, then a restore from
// the login screen that brings back exactly what the backup held.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ADMIN, expect, invoke, login, setUpQuickly, test } from './fixtures';

test('backup: to an approved medium through the UI, the history, and a restore from the login screen', async ({ page, host }) => {
  test.setTimeout(120_000);
  const mountPoint = mkdtempSync(join(tmpdir(), 'ledger-e2e-medium-'));
  try {
    await setUpQuickly(page, host.current);

    // Register a 机密 removable disk and approve it for backups.
    await page.getByTestId('menu-secret-media').click();
    await page.getByTestId('devices-register-button').click();
    await page.getByTestId('device-form-code').fill('BF-HDD-01');
    await page.getByTestId('device-form-model').fill('希捷 移动硬盘');
    await page.getByTestId('device-form-serial').fill('NA8X-0001');
    await page.getByTestId('device-form-capacity').fill('1TB');
    await page.getByTestId('device-form-level').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option[title="机密"]').click();
    await page.getByTestId('device-form-responsible').fill('王五');
    await page.getByTestId('device-form-department').fill('办公室');
    await page.getByTestId('device-form-usageScope').fill('台账备份');
    await page.getByTestId('device-register-submit').click();
    await page.getByTestId('device-open-BF-HDD-01').click();
    await page.getByTestId('device-action-change').click();
    await page.getByTestId('device-change-backupApproved').check();
    await page.getByTestId('device-change-submit').click();
    await expect(page.getByTestId('device-action-done')).toBeVisible();

    // Never backed up, and the overview offers it once due; the backup page runs it.
    await page.getByTestId('menu-backup').click();
    await expect(page.getByTestId('backup-status')).toHaveAttribute('data-state', 'ok');
    await page.getByTestId('backup-medium').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: 'BF-HDD-01' }).click();
    await page.getByTestId('backup-folder').fill(mountPoint);
    await page.getByTestId('backup-run').click();
    await expect(page.getByTestId('backup-result')).toBeVisible();
    const backupPath = (await page.getByTestId('backup-result-path').textContent())!;
    expect(backupPath).toMatch(/涉密载体台账备份-\d{8}-\d{6}$/);
    await expect(page.getByTestId('backup-result-counts')).toContainText('介质 1 个');
    await expect(page.getByTestId('backup-history')).toContainText('BF-HDD-01');
    await expect(page.getByTestId('backup-history')).toContainText(ADMIN.displayName); // who backed up, by name

    // A second backup to the same folder from another medium is refused with the reason in words.
    expect(
      (
        await invoke(page, 'media.register', {
          code: 'U-AFTER',
          type: 'usb',
          model: 'm',
          serial: 'U-AFTER-1',
          capacity: '8GB',
          level: 'secret',
          responsible: '王五',
          department: '办公室',
          usageScope: 's',
          enabledAt: '2026-02-01',
          backupApproved: true,
        })
      ).ok,
    ).toBe(true);
    await page.reload();
    await page.getByTestId('menu-backup').click();
    await page.getByTestId('backup-medium').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: 'U-AFTER' }).click();
    await page.getByTestId('backup-folder').fill(mountPoint);
    await page.getByTestId('backup-run').click();
    await expect(page.getByTestId('backup-error')).toContainText('该文件夹已绑定到介质 BF-HDD-01');

    // Sign out; restore from the login screen: inspect, compare, credentials of the backup, confirm.
    await page.getByTestId('logout-button').click();
    await page.getByTestId('login-restore').click();
    await page.getByTestId('restore-folder').fill(backupPath);
    await page.getByTestId('restore-inspect').click();
    await expect(page.getByTestId('restore-comparison')).toBeVisible();
    await expect(page.getByTestId('restore-created-at')).toContainText('zhangsan');
    await page.getByTestId('restore-username').fill(ADMIN.username);
    await page.getByTestId('restore-secret').fill('Wrong2026pass');
    await page.getByTestId('restore-confirm').check();
    await page.getByTestId('restore-submit').click();
    await expect(page.getByTestId('restore-error')).toContainText('密码错误');
    await page.getByTestId('restore-secret').fill(ADMIN.password);
    await page.getByTestId('restore-submit').click();
    await expect(page.getByTestId('restore-result')).toBeVisible();
    await expect(page.getByTestId('restore-dialog')).toHaveCount(0);

    // The restored ledger holds the disk but not what was registered after the backup.
    await login(page, ADMIN);
    await page.getByTestId('menu-secret-media').click();
    await expect(page.getByTestId('device-open-BF-HDD-01')).toBeVisible();
    await expect(page.getByTestId('device-open-U-AFTER')).toHaveCount(0);
  } finally {
    rmSync(mountPoint, { recursive: true, force: true });
  }
});
