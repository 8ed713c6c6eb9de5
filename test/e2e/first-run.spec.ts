// The keystroke count (issue 15): from the first-run wizard to the first registered document (收文登记 of one document,
// with its cabinet created on the way), by the keyboard alone. Every key press and every typed character is counted
// (a chord such as Ctrl+Enter counts each of its keys); the wizard's passwords are typed but counted apart and left
// out of the bound. The driver types into whatever field has the cursor, so it follows the screens as they are:
// a field it knows gets its value, any other field an Enter to move on. Chinese is counted one key per character
// (an input method needs more: the count is a floor for a Chinese typist, and the same floor before and after).
// Run: /tmp/tools/e2e.sh <name> test/e2e/first-run.spec.ts — it prints the count and the cost of each step.
import type { Page } from '@playwright/test';
import { ADMIN, expect, test, UNIT } from './fixtures';

/** Stay under this (without the passwords); the issue measured ~420 before. */
const BOUND = 250;

class Keyboard {
  counted = 0;
  passwords = 0;
  readonly steps: [string, number][] = [];
  private stepStart = 0;
  constructor(private readonly page: Page) {}

  async press(key: string): Promise<void> {
    this.counted += key === '+' ? 1 : key.split('+').length;
    await this.page.keyboard.press(key);
  }

  async type(text: string): Promise<void> {
    this.counted += [...text].length;
    await this.page.keyboard.type(text);
  }

  async typePassword(text: string): Promise<void> {
    this.passwords += [...text].length;
    await this.page.keyboard.type(text);
  }

  /** Tab until the cursor is on `testId` (a bounded number of times). */
  async tabTo(testId: string): Promise<void> {
    for (let i = 0; i < 40; i++) {
      if ((await focusedTestId(this.page)) === testId) return;
      await this.press('Tab');
    }
    throw new Error(`Tab never reached ${testId}`);
  }

  step(name: string): void {
    this.steps.push([name, this.counted - this.stepStart]);
    this.stepStart = this.counted;
  }
}

/** The data-testid of the focused element or of its nearest holder (a select's input sits inside the select's root). */
function focusedTestId(page: Page): Promise<string | null> {
  return page.evaluate(() => document.activeElement?.closest('[data-testid]')?.getAttribute('data-testid') ?? null);
}

/**
 * Fills a keyboard form by following the cursor: a field named in `values` gets its text then Enter, any other field
 * an Enter (its default stands). `done` says the form was sent.
 */
async function fillByCursor(page: Page, keys: Keyboard, values: Record<string, string[]>, done: () => Promise<boolean>): Promise<void> {
  const seen = new Map<string, number>();
  for (let i = 0; i < 60 && !(await done()); i++) {
    const at = (await focusedTestId(page)) ?? '';
    const times = seen.get(at) ?? 0;
    seen.set(at, times + 1);
    const value = values[at];
    // Each value once; a field met again (a list of names after its Enter) gets only the Enter that moves on.
    if (value && times === 0) {
      for (const [n, part] of value.entries()) {
        if (n > 0) await keys.press('Enter');
        await keys.type(part);
      }
      await page.waitForTimeout(250); // suggestions and the cabinet list answer before Enter decides
    }
    await keys.press('Enter');
    await page.waitForTimeout(50);
  }
  expect(await done(), 'the form was sent').toBe(true);
}

test('first run to the first registered document by the keyboard alone stays under the bound', async ({ page, host }) => {
  test.setTimeout(120_000);
  const keys = new Keyboard(page);
  await page.goto(host.current.url);

  // The wizard: unit, first account (passwords counted apart), recovery code, the other accounts skipped.
  await expect(page.getByTestId('setup-unit-name')).toBeFocused();
  await keys.type(UNIT);
  await keys.press('Enter');
  await expect(page.getByTestId('setup-username')).toBeFocused();
  await keys.type(ADMIN.username);
  await keys.press('Tab');
  await keys.type(ADMIN.displayName);
  await keys.press('Tab');
  await keys.typePassword(ADMIN.password);
  await keys.press('Tab');
  await keys.typePassword(ADMIN.password);
  await keys.press('Enter');
  await expect(page.getByTestId('recovery-code')).toBeVisible();
  keys.step('wizard: unit and first account');
  await keys.tabTo('recovery-stored-checkbox');
  await keys.press('Space');
  await keys.tabTo('recovery-continue');
  await keys.press('Enter');
  keys.step('wizard: recovery code kept');
  for (const role of ['approver', 'auditor']) {
    await expect(page.getByTestId(`${role}-username`)).toBeVisible();
    await keys.tabTo(`${role}-skip`);
    await keys.press('Enter');
  }
  keys.step('wizard: approver and auditor skipped');

  // The first cabinet: the wizard's last step where it has one, otherwise the 保密柜 register (Alt+3).
  const wizardStep = page.getByTestId('cabinet-code');
  const mainLayout = page.getByTestId('header-unit-name');
  await expect(wizardStep.or(mainLayout)).toBeVisible();
  const cabinet = { code: ['G-01'], name: ['保密柜一'] };
  if (await wizardStep.isVisible()) {
    await expect(wizardStep).toBeFocused();
    await fillByCursor(page, keys, { 'cabinet-code': cabinet.code, 'cabinet-name': cabinet.name }, () => mainLayout.isVisible());
  } else {
    await keys.press('Alt+3');
    await expect(page.getByTestId('location-create-button')).toBeVisible();
    await keys.tabTo('location-create-button');
    await keys.press('Enter');
    await expect(page.getByTestId('location-create-code')).toBeFocused();
    await fillByCursor(page, keys, { 'location-create-code': cabinet.code, 'location-create-name': cabinet.name }, () =>
      page.getByTestId('location-create-form').isHidden(),
    );
  }
  await expect(mainLayout).toHaveText(UNIT);
  keys.step('cabinet');

  // 收文登记 (Alt+2): the form puts the cursor on 来文单位; Enter moves on, Enter on the last field saves.
  await keys.press('Alt+2');
  await expect(page.getByTestId('register-origin-unit')).toBeFocused();
  await fillByCursor(
    page,
    keys,
    {
      'register-origin-unit': ['山东省某厅办公室'],
      'register-doc-number': ['鲁X发〔2026〕3号'],
      'register-title': ['关于加强网络失泄密防范工作的通知'],
      'register-marking': ['机密★10年'],
      'register-issue-date': ['2026-11-01'],
      'register-scope': ['李四', '办公室'],
      'register-copies': ['3'],
      'register-location': ['G-01'],
    },
    () => page.getByTestId('register-saved').isVisible(),
  );
  await expect(page.getByTestId('register-saved')).toContainText('2026-0001');
  keys.step('收文登记');

  const detail = keys.steps.map(([name, n]) => `${name} ${n}`).join(', ');
  console.log(`[keystrokes] first run to the first document: ${keys.counted} keystrokes (passwords apart: ${keys.passwords}); ${detail}`);
  expect(keys.counted, detail).toBeLessThan(BOUND);
});
