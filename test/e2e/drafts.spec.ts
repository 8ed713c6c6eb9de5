// Nothing typed is ever lost (issue 15): a half-filled form or dialog survives a lock and an unlock, leaving it
// asks 放弃 / 继续编辑, logout drops it, Escape closes an open list first, and a refused save says why where the
// cursor is.
import type { Page } from '@playwright/test';
import { ADMIN, expect, invoke, login, setUpQuickly, test } from './fixtures';

const SHOTS = process.env.SCREENSHOTS_DIR;

async function cabinet(page: Page): Promise<number> {
  const r = await invoke<{ id: number }>(page, 'locations.create', { code: 'G-01', name: '保密柜一', maxLevel: 'secret' });
  expect(r.ok).toBe(true);
  return r.value!.id;
}

/** Locks by Ctrl+L (it works from inside a dialog, which covers the 锁定 button) and unlocks. */
async function lockAndUnlock(page: Page): Promise<void> {
  await page.keyboard.press('Control+l');
  await expect(page.getByTestId('lock-hint')).toContainText('继续刚才的工作');
  await page.getByTestId('lock-password').fill(ADMIN.password);
  await page.getByTestId('lock-password').press('Enter');
  await expect(page.getByTestId('lock-screen')).toHaveCount(0);
}

/** 收文登记 half-filled: everything but the cabinet. */
async function halfFillReceipt(page: Page): Promise<void> {
  await page.getByTestId('menu-documents').click();
  await page.getByTestId('documents-receive-button').click();
  await page.getByTestId('register-origin-unit').fill('山东省某厅办公室');
  await page.getByTestId('register-doc-number').fill('鲁X发〔2026〕3号');
  await page.getByTestId('register-title').fill('关于加强网络失泄密防范工作的通知');
  await page.getByTestId('register-marking').fill('机密★10年');
  await page.getByTestId('register-issue-date').fill('2026-11-01');
  await page.getByTestId('register-issue-date').press('Enter');
  const scope = page.getByTestId('register-scope').locator('input');
  await scope.fill('李四');
  await scope.press('Enter');
  await page.getByTestId('register-copies').fill('3');
}

async function expectReceiptKept(page: Page): Promise<void> {
  await expect(page.getByTestId('receive-page')).toBeVisible();
  await expect(page.getByTestId('register-origin-unit')).toHaveValue('山东省某厅办公室');
  await expect(page.getByTestId('register-doc-number')).toHaveValue('鲁X发〔2026〕3号');
  await expect(page.getByTestId('register-title')).toHaveValue('关于加强网络失泄密防范工作的通知');
  await expect(page.getByTestId('register-marking')).toHaveValue('机密★10年');
  await expect(page.getByTestId('register-issue-date')).toHaveValue('2026-11-01');
  await expect(page.getByTestId('register-scope')).toContainText('李四');
  await expect(page.getByTestId('register-copies')).toHaveValue('3');
}

test('a half-filled 收文登记 survives a lock and an unlock with every value; leaving it by the menu asks', async ({ page, host }) => {
  await setUpQuickly(page, host.current);
  await cabinet(page);
  await halfFillReceipt(page);
  await page.getByTestId('register-location').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: 'G-01' }).first().click();

  await lockAndUnlock(page);
  await expectReceiptKept(page);
  await expect(page.getByTestId('register-location')).toContainText('G-01');

  // The menu asks; 继续编辑 keeps every value.
  await page.getByTestId('menu-overview').click();
  await expect(page.getByTestId('leave-guard')).toContainText('尚未保存');
  await expect(page.getByTestId('leave-keep')).toBeFocused();
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/drafts-leave.png` });
  await page.getByTestId('leave-keep').click();
  await expect(page.getByTestId('leave-guard')).toHaveCount(0);
  await expectReceiptKept(page);

  // 放弃 goes, and the form starts empty next time.
  await page.getByTestId('menu-overview').click();
  await page.getByTestId('leave-discard').click();
  await expect(page.getByTestId('receive-page')).toHaveCount(0);
  await page.getByTestId('menu-documents').click();
  await page.getByTestId('documents-receive-button').click();
  await expect(page.getByTestId('register-title')).toHaveValue('');
  await expect(page.getByTestId('register-origin-unit')).toBeFocused();
});

test('a half-filled 借阅 dialog comes back open after a lock, with its values; a saved one does not', async ({ page, host }) => {
  await setUpQuickly(page, host.current);
  const locationId = await cabinet(page);
  const doc = await invoke<{ id: number }>(page, 'documents.receive', {
    originUnit: '山东省某厅办公室',
    title: '关于做好年度保密自查工作的通知',
    marking: '秘密★5年',
    issueDate: '2026-11-01',
    scope: ['李四'],
    copies: 2,
    locationId,
    signedBy: ADMIN.displayName,
  });
  expect(doc.ok).toBe(true);
  await page.getByTestId('menu-documents').click();
  await page.getByTestId(`documents-open-${doc.value!.id}`).click();
  await page.getByTestId('doc-action-lend').click();
  await page.getByTestId('lend-copies-2').check();
  await page.getByTestId('lend-borrower').fill('李四');
  await page.getByTestId('lend-department').fill('综合处');

  await lockAndUnlock(page);
  await expect(page.getByTestId('lend-form')).toBeVisible();
  await expect(page.getByTestId('lend-borrower')).toHaveValue('李四');
  await expect(page.getByTestId('lend-department')).toHaveValue('综合处');
  await expect(page.getByTestId('lend-copies-2')).toBeChecked();
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/drafts-restored-dialog.png` });

  await page.getByTestId('lend-submit').click();
  await expect(page.getByTestId('lend-done')).toBeVisible();
  await expect(page.getByTestId('lend-form')).toHaveCount(0);
  await lockAndUnlock(page);
  await expect(page.getByTestId('doc-action-lend')).toBeVisible();
  await expect(page.getByTestId('lend-form')).toHaveCount(0);
});

test('logout asks about unsaved input and drops it: signing in again shows an empty form', async ({ page, host }) => {
  await setUpQuickly(page, host.current);
  await cabinet(page);
  await halfFillReceipt(page);
  await page.getByTestId('logout-button').click();
  await page.getByTestId('leave-keep').click();
  await expectReceiptKept(page);

  await page.getByTestId('logout-button').click();
  await page.getByTestId('leave-discard').click();
  await expect(page.getByTestId('login-screen')).toBeVisible();
  await login(page, ADMIN);
  await page.getByTestId('menu-documents').click();
  await page.getByTestId('documents-receive-button').click();
  await expect(page.getByTestId('register-title')).toHaveValue('');
  await expect(page.getByTestId('register-doc-number')).toHaveValue('');
});

test('Escape closes an open list only, then asks before discarding a dirty dialog; a refused save shows why, focused on the field', async ({ page, host }) => {
  await setUpQuickly(page, host.current);
  await cabinet(page);
  await page.getByTestId('menu-locations').click();
  await page.getByTestId('location-create-button').click();
  const form = page.getByTestId('location-create-form');
  await expect(page.getByTestId('location-create-code')).toBeFocused();
  await page.getByTestId('location-create-code').fill('G-01');
  await page.getByTestId('location-create-name').fill('保密柜二');

  // The level list open: the first Escape closes it, and nothing else.
  await page.getByTestId('location-create-max-level').click();
  const list = page.locator('.ant-select-dropdown:visible');
  await expect(list).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(list).toHaveCount(0);
  await expect(form).toBeVisible();
  await expect(page.getByTestId('leave-guard')).toHaveCount(0);

  // The second asks; 继续编辑 keeps the dialog and what was typed.
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('leave-guard')).toContainText('此对话框');
  await page.getByTestId('leave-keep').click();
  await expect(page.getByTestId('location-create-code')).toHaveValue('G-01');
  // The cabinet dialog too comes back after a lock.
  await lockAndUnlock(page);
  await expect(page.getByTestId('location-create-name')).toHaveValue('保密柜二');

  // Enter on the last field, then a click on 保存: one save, refused as a duplicate, shown, and no success.
  await page.getByTestId('location-create-keeper').click();
  await page.keyboard.press('Enter');
  await page.getByTestId('location-create-submit').click();
  await expect(page.getByTestId('location-create-error')).toBeVisible();
  await expect(page.getByTestId('location-create-code')).toBeFocused();
  await expect(page.getByText('保密柜 G-01 已登记')).toHaveCount(0);
  await expect(form).toBeVisible();

  // A clean dialog closes on Escape without a question.
  await page.getByTestId('location-create-cancel').click();
  await page.getByTestId('location-create-button').click();
  await expect(page.getByTestId('location-create-code')).toHaveValue('');
  await page.keyboard.press('Escape');
  await expect(form).toHaveCount(0);
  await expect(page.getByTestId('leave-guard')).toHaveCount(0);
});
