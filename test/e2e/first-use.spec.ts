// First use without a detour (issue 15): the receive form creates a cabinet inline and comes back with what was typed;
// the cabinet dialog is keyboard-first and saves once; a cabinet that may not hold the item says why; the wizard
// creates the first cabinet (or skips it).
import type { Page } from '@playwright/test';
import { ADMIN, UNIT, expect, invoke, setUpQuickly, test } from './fixtures';

const SHOTS = process.env.SCREENSHOTS_DIR;

/** How many times the page asked the backend for `command` (the test host's one door, /__ledger/invoke). */
function countCalls(page: Page, command: string): () => number {
  let n = 0;
  page.on('request', (req) => {
    if (req.url().endsWith('/__ledger/invoke') && (JSON.parse(req.postData() ?? '{}') as { name?: string }).name === command) n++;
  });
  return () => n;
}

/** Whether the keyboard focus is inside the element with this test id. */
async function focusIn(page: Page, testId: string): Promise<boolean> {
  return page.evaluate((id) => !!document.activeElement?.closest(`[data-testid="${id}"]`), testId);
}

test('the cabinet dialog: Enter moves on field by field and saves once on the last one, keeper kept; a duplicate is refused in the dialog', async ({
  page,
  host,
}) => {
  await setUpQuickly(page, host.current);
  const creates = countCalls(page, 'locations.create');
  await page.getByTestId('menu-locations').click();
  await page.getByTestId('location-create-button').click();

  await expect(page.getByTestId('location-create-code')).toBeFocused();
  await page.keyboard.type('JM-01');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('location-create-name')).toBeFocused();
  await page.keyboard.type('机要室绝密专柜');
  await page.keyboard.press('Enter');
  expect(await focusIn(page, 'location-create-max-level')).toBe(true);
  // 绝密 (the first level) picked with the arrows; Enter picks, the next Enter moves on.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('location-create-max-level')).toContainText('绝密');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('location-create-telegrams')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('location-create-keeper')).toBeFocused();
  await page.keyboard.type('王五');
  // A second Enter while the first save is under way saves nothing more.
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('location-create-form')).toBeHidden();
  await expect(page.getByTestId('locations-table')).toContainText('JM-01');
  await expect(page.getByTestId('locations-table')).toContainText('王五');
  expect(creates()).toBe(1);

  // The same number again: refused, in the dialog, which stays open with what was typed and the cursor on the number.
  await page.getByTestId('location-create-button').click();
  await page.keyboard.type('JM-01');
  await page.keyboard.press('Enter');
  await page.keyboard.type('另一个柜');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('location-create-error')).toBeVisible();
  await expect(page.getByTestId('location-create-error')).toContainText('已');
  await expect(page.getByTestId('location-create-code')).toBeFocused();
  await expect(page.getByTestId('location-create-name')).toHaveValue('另一个柜');
  expect(creates()).toBe(2);
});

/** The receive form with what a custodian types first: unit, title, a 绝密 marking, two copies. */
async function startReceiving(page: Page): Promise<void> {
  await page.getByTestId('menu-documents').click();
  await page.getByTestId('documents-receive-button').click();
  await page.getByTestId('register-origin-unit').fill('山东省某厅办公室');
  await page.getByTestId('register-title').fill('关于做好年度保密检查的通知');
  await page.getByTestId('register-marking').fill('绝密★30年');
  await page.getByTestId('register-issue-date').fill('2026-11-20');
  await page.getByTestId('register-issue-date').press('Enter');
  await page.getByTestId('register-scope').locator('input').fill('办公室');
  await page.getByTestId('register-scope').locator('input').press('Enter');
  await page.getByTestId('register-copies').fill('2');
}

test('the receive form on a ledger without a cabinet creates one from its location field and comes back with everything kept', async ({ page, host }) => {
  await setUpQuickly(page, host.current);
  await startReceiving(page);
  await expect(page.getByTestId('register-no-locations')).toBeVisible();

  // The location field's last entry, reached with the keyboard, opens the cabinet dialog over the form.
  await page.getByTestId('register-location').locator('input').focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('register-location-create')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('location-create-code')).toBeFocused();
  // Made for what the form holds: a 绝密 item wants a cabinet for 绝密.
  await expect(page.getByTestId('location-create-max-level')).toContainText('绝密');
  await page.keyboard.type('JM-01');
  await page.keyboard.press('Enter');
  await page.keyboard.type('机要室绝密专柜');
  await page.getByTestId('location-create-keeper').fill(ADMIN.displayName);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/first-use-inline-cabinet.png` });
  // Ctrl+Enter is the dialog's, not the form's behind it.
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('location-create-form')).toBeHidden();

  await expect(page.getByTestId('register-location')).toContainText('JM-01');
  await expect(page.getByTestId('register-origin-unit')).toHaveValue('山东省某厅办公室');
  await expect(page.getByTestId('register-title')).toHaveValue('关于做好年度保密检查的通知');
  await expect(page.getByTestId('register-marking')).toHaveValue('绝密★30年');
  await expect(page.getByTestId('register-copies')).toHaveValue('2');
  await expect(page.getByTestId('register-saved')).toHaveCount(0);
  await page.getByTestId('register-submit').click();
  await expect(page.getByTestId('register-saved')).toContainText('-0001');
  const cabinets = await invoke<{ code: string; keeper: string | null; maxLevel: string }[]>(page, 'locations.list', {});
  expect(cabinets.value).toEqual([expect.objectContaining({ code: 'JM-01', keeper: ADMIN.displayName, maxLevel: 'top_secret' })]);
});

test('a cabinet that may not hold the item is greyed out with the reason in words', async ({ page, host }) => {
  await setUpQuickly(page, host.current);
  for (const cabinet of [
    { code: 'G-01', name: '保密柜一', maxLevel: 'secret' },
    { code: 'DB-01', name: '电报柜', maxLevel: 'top_secret', keeper: ADMIN.displayName, telegrams: true },
    { code: 'JM-01', name: '绝密专柜', maxLevel: 'top_secret', keeper: ADMIN.displayName },
  ]) {
    expect((await invoke(page, 'locations.create', cabinet)).ok).toBe(true);
  }
  await startReceiving(page);
  await page.getByTestId('register-location').click();
  const option = (code: string) => page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: code });
  await expect(option('G-01')).toHaveClass(/ant-select-item-option-disabled/);
  await expect(page.getByTestId('register-location-why-G-01')).toHaveText('保密柜 G-01 最高只能存放机密载体，不能存放绝密载体。');
  await expect(option('DB-01')).toHaveClass(/ant-select-item-option-disabled/);
  await expect(page.getByTestId('register-location-why-DB-01')).toHaveText('DB-01 是电报专柜，只存放密码电报、级发电：其他文件须另柜存放。');
  await expect(option('JM-01')).not.toHaveClass(/ant-select-item-option-disabled/);
  await expect(page.getByTestId('register-location-why-JM-01')).toHaveCount(0);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/first-use-cabinet-reasons.png` });
  await option('JM-01').click();
  await expect(page.getByTestId('register-location')).toContainText('JM-01');
});

/** Through the wizard to its last step, the first cabinet; every step starts with the cursor in it. */
async function toTheCabinetStep(page: Page): Promise<void> {
  // Waited for, as toBeFocused waits: the step moves the cursor once it is drawn.
  const focused = () =>
    expect
      .poll(() => page.evaluate(() => document.activeElement !== document.body && !!document.activeElement?.closest('[data-testid="setup-wizard"]')))
      .toBe(true);
  await expect(page.getByTestId('setup-unit-name')).toBeFocused();
  await page.keyboard.type(UNIT);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('setup-username')).toBeFocused();
  await page.getByTestId('setup-username').fill(ADMIN.username);
  await page.getByTestId('setup-display-name').fill(ADMIN.displayName);
  await page.getByTestId('setup-password').fill(ADMIN.password);
  await page.getByTestId('setup-password-confirm').fill(ADMIN.password);
  await page.getByTestId('setup-password-confirm').press('Enter');
  await expect(page.getByTestId('recovery-code')).toBeVisible();
  await focused();
  await page.getByTestId('recovery-stored-checkbox').check();
  await page.getByTestId('recovery-continue').click();
  await expect(page.getByTestId('approver-username')).toBeFocused();
  await page.getByTestId('approver-skip').click();
  await expect(page.getByTestId('auditor-username')).toBeFocused();
  await page.getByTestId('auditor-skip').click();
  await expect(page.getByTestId('cabinet-code')).toBeFocused();
}

test("the wizard registers the first cabinet with the dialog's fields, by keyboard, and the first receipt can use it", async ({ page, host }) => {
  await page.goto(host.current.url);
  await toTheCabinetStep(page);
  await page.keyboard.type('G-01');
  await page.keyboard.press('Enter');
  await page.keyboard.type('机要室保密柜');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter'); // 最高存放密级: 机密 stands
  await page.keyboard.press('Enter'); // not for telegrams
  await expect(page.getByTestId('cabinet-keeper')).toBeFocused();
  await page.keyboard.type(ADMIN.displayName);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/first-use-wizard-cabinet.png`, fullPage: true });
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('header-unit-name')).toHaveText(UNIT);
  const cabinets = await invoke<{ code: string; keeper: string | null; maxLevel: string }[]>(page, 'locations.list', {});
  expect(cabinets.value).toEqual([expect.objectContaining({ code: 'G-01', keeper: ADMIN.displayName, maxLevel: 'secret' })]);

  await page.getByTestId('menu-documents').click();
  await page.getByTestId('documents-receive-button').click();
  await expect(page.getByTestId('register-no-locations')).toHaveCount(0);
});

test("the wizard's cabinet step is skipped for later", async ({ page, host }) => {
  await page.goto(host.current.url);
  await toTheCabinetStep(page);
  await page.getByTestId('cabinet-skip').click();
  await expect(page.getByTestId('header-unit-name')).toHaveText(UNIT);
  expect((await invoke<unknown[]>(page, 'locations.list', {})).value).toEqual([]);
});
