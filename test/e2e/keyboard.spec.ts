// Keyboard all the way (issue 15): the password's eye is no Tab stop, every screen puts the cursor on its first field,
// Alt+N opens the registers, Ctrl+K jumps to a screen or to a document by 收文编号, F1 lists the shortcuts, and a
// list of names takes Enter to add one and an empty Enter to move on.
import type { Page } from '@playwright/test';
import type { RunningHost } from '../host/server';
import { ADMIN, expect, must, setUpQuickly, test } from './fixtures';

/** One cabinet and one 机密 document (收文编号 2026-0001). */
function seed(host: RunningHost): number {
  const cabinet = must<{ id: number }>(host, 'locations.create', { code: 'G-01', name: '保密柜一', maxLevel: 'secret' }).id;
  return must<{ id: number }>(host, 'documents.receive', {
    docNumber: '鲁X发〔2026〕3号',
    title: '关于加强网络失泄密防范工作的通知',
    originUnit: '山东省某厅办公室',
    marking: '机密★10年',
    issueDate: '2026-11-01',
    scope: ['李四'],
    copies: 2,
    locationId: cabinet,
    signedBy: ADMIN.displayName,
  }).id;
}

/** What has the keyboard focus: its own or its nearest data-testid, and whether it is the page body. */
function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    return {
      body: !el || el === document.body,
      testId: el?.closest('[data-testid]')?.getAttribute('data-testid') ?? null,
      inContent: !!el?.closest('.main-content'),
      tag: el?.tagName.toLowerCase() ?? '',
    };
  });
}

test('the password eye is no Tab stop: Tab goes from the password to the button, and the lock screen says the password is wrong', async ({ page, host }) => {
  await setUpQuickly(page, host.current);
  await page.keyboard.press('Control+l');
  const password = page.getByTestId('lock-password');
  await expect(password).toBeFocused();
  await page.keyboard.type('Wrong2026pass');
  await page.keyboard.press('Tab');
  expect((await focused(page)).testId).not.toBe('lock-password');
  await expect(password).toHaveAttribute('type', 'password');
  await password.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('lock-error')).toContainText('密码错误');
  await expect(page.getByTestId('lock-error')).not.toContainText('用户名');
  // The refused password is emptied and has the cursor: the user retypes at once.
  await expect(password).toBeFocused();
  await expect(password).toHaveValue('');

  // The login screen: user name focused, Tab to the password, Tab past the eye to the button.
  await page.getByTestId('lock-switch-user').click();
  await expect(page.getByTestId('login-username')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('login-password')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('login-submit')).toBeFocused();
  // Labels name their fields.
  await expect(page.getByLabel('用户名')).toBeVisible();
});

test('after every page change the cursor is on the page, never on the body: the first field, or the heading', async ({ page, host }) => {
  await setUpQuickly(page, host.current);
  seed(host.current);
  for (const key of ['documents', 'register-received', 'locations', 'secret-media', 'settings', 'overview']) {
    await page.getByTestId(`menu-${key}`).click();
    await expect.poll(async () => (await focused(page)).inContent, { message: key }).toBe(true);
  }
  await page.getByTestId('menu-register-received').click();
  await expect(page.getByTestId('register-origin-unit')).toBeFocused();
});

test('Alt+1 … Alt+9 open the registers the menu marks', async ({ page, host }) => {
  await setUpQuickly(page, host.current);
  await expect(page.getByTestId('menu-register-received')).toContainText('Alt+2');
  await page.keyboard.press('Alt+2');
  await expect(page.getByTestId('receive-page')).toBeVisible();
  await expect(page.getByTestId('register-origin-unit')).toBeFocused();
  await page.keyboard.press('Alt+6');
  await expect(page.getByTestId('menu-secret-media').locator('xpath=ancestor::li[@role="menuitem"]')).toHaveClass(/ant-menu-item-selected/);
  await page.keyboard.press('Alt+0');
  await expect(page.getByTestId('menu-overview').locator('xpath=ancestor::li[@role="menuitem"]')).toHaveClass(/ant-menu-item-selected/);
});

test('Ctrl+K jumps to a document by its receipt number (0001) and to any screen by name', async ({ page, host }) => {
  await setUpQuickly(page, host.current);
  const doc = seed(host.current);
  await page.keyboard.press('Control+k');
  await expect(page.getByTestId('command-palette-input')).toBeFocused();
  await page.keyboard.type('0001');
  await expect(page.getByTestId(`palette-document-${doc}`)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('doc-marking')).toContainText('机密★10年');
  await expect(page.getByTestId('command-palette-input')).toBeHidden();

  await page.keyboard.press('Control+k');
  await page.keyboard.type('保密柜');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('location-create-button')).toBeVisible();
});

test('F1 and ? (outside a text field) list every shortcut; ? in a field is typed', async ({ page, host }) => {
  await setUpQuickly(page, host.current);
  await page.keyboard.press('F1');
  // The modal's root has no box of its own: what is seen is its rows.
  const help = page.getByTestId('shortcuts-help');
  await expect(help.getByTestId('shortcut-palette')).toBeVisible();
  await expect(help).toContainText('Ctrl+K');
  await expect(help).toContainText('Ctrl+Enter');
  await expect(help.getByTestId('shortcut-accessKeys')).toContainText('收文登记');
  await page.keyboard.press('Escape');
  await expect(help.getByTestId('shortcut-palette')).toBeHidden();
  await page.keyboard.press('Alt+1');
  const search = page.getByTestId('documents-search');
  await search.focus();
  await page.keyboard.type('?');
  await expect(search).toHaveValue('?');
  await expect(help.getByTestId('shortcut-palette')).toBeHidden();
  await page.getByTestId('header-unit-name').click(); // out of the field
  await page.keyboard.press('?');
  await expect(help.getByTestId('shortcut-palette')).toBeVisible();
});

test('知悉范围: Enter adds the typed name, an Enter on the empty box moves on to 份数', async ({ page, host }) => {
  await setUpQuickly(page, host.current);
  seed(host.current); // 李四 is a name typed before: it is offered on the empty box
  await page.keyboard.press('Alt+2');
  const scope = page.getByTestId('register-scope');
  await page.getByLabel('知悉范围', { exact: true }).focus(); // the label names its field
  await expect(scope.locator('input')).toBeFocused();
  await page.keyboard.type('办公室');
  await page.keyboard.press('Enter');
  await expect(scope).toContainText('办公室');
  await expect(scope.locator('input')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('register-copies')).toBeFocused();
  await expect(scope).not.toContainText('李四');
});

test('a batch number and Enter open its printout’s preview (the Enter no longer reaches the preview’s close button)', async ({ page, host }) => {
  await setUpQuickly(page, host.current);
  await page.keyboard.press('Alt+1');
  const box = page.getByTestId('documents-print-batch').locator('input');
  await box.fill('QT-2026-001');
  await box.press('Enter');
  // No such batch on a new ledger: the preview opens and says so in words, and stays open.
  const refusal = page.getByText('没有编号为 QT-2026-001 的批次', { exact: false });
  await expect(refusal).toBeVisible();
  await page.waitForTimeout(500);
  await expect(refusal).toBeVisible();
});
