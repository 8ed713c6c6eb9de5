// e2e fixtures: a real backend in the browser test host, on a fresh ledger folder per test.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { startHost, type RunningHost } from '../host/server';

/** Cheap scrypt: the UI flows are under test here, not the KDF's cost. */
const E2E_KDF = { N: 2 ** 12, r: 8, p: 1 };

export interface HostControl {
  current: RunningHost;
  /** Stops the host and starts a new one on the same folder, as a restart of the app. */
  restart(): Promise<RunningHost>;
}

export const test = base.extend<{ ledgerDir: string; host: HostControl }>({
  // eslint-disable-next-line no-empty-pattern
  ledgerDir: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'ledger-e2e-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
  host: async ({ ledgerDir }, use) => {
    const control: HostControl = {
      current: await startHost({ dir: ledgerDir, kdf: E2E_KDF }),
      async restart() {
        await control.current.close();
        control.current = await startHost({ dir: ledgerDir, kdf: E2E_KDF });
        return control.current;
      },
    };
    await use(control);
    await control.current.close();
  },
});

export { expect };

export const UNIT = '山东省某某厅保密办公室';
export const ADMIN = { username: 'zhangsan', displayName: '张三', password: 'Baomi2026' };
export const AUDITOR = { username: 'lisi', displayName: '李四', password: 'Shenji2026' };
export const APPROVER = { username: 'zhaoliu', displayName: '赵六', password: 'Shenpi2026' };

/** Calls the backend from the page, through window.ledger as the UI does. */
export async function invoke<T = unknown>(page: Page, name: string, input: unknown = {}): Promise<{ ok: boolean; value?: T; error?: { code: string } }> {
  return page.evaluate(([n, i]) => window.ledger.invoke(n as never, i as never), [name, input] as const) as never;
}

/** Sets up a ledger with ADMIN through the backend (for tests that are not about the wizard) and reloads. */
export async function setUpQuickly(page: Page, host: RunningHost): Promise<string> {
  await page.goto(host.url);
  const r = await invoke<{ recoveryCode: string }>(page, 'ledger.setup', { unitName: UNIT, ...ADMIN });
  expect(r.ok).toBe(true);
  await page.reload();
  await expect(page.getByTestId('header-unit-name')).toHaveText(UNIT);
  return r.value!.recoveryCode;
}

/**
 * Creates APPROVER through the backend as the signed-in admin, and has the approver replace the admin's first password
 * (an approver still on it cannot countersign); the admin is signed in again after.
 */
export async function createApprover(page: Page): Promise<void> {
  const first = 'Temp2026pass';
  for (const [name, input] of [
    ['account.create', { ...APPROVER, password: first, roles: ['approver'] }],
    ['session.login', { username: APPROVER.username, password: first }],
    ['account.changePassword', { oldPassword: first, newPassword: APPROVER.password }],
    ['session.login', { username: ADMIN.username, password: ADMIN.password }],
  ] as const) {
    const r = await invoke(page, name, input);
    expect(r.ok, `${name}: ${JSON.stringify(r.error)}`).toBe(true);
  }
  await page.reload();
  await expect(page.getByTestId('header-user')).toContainText(ADMIN.displayName);
}

/** 当面审批 in the action dialog whose approval fields carry `prefix`: APPROVER picks their account and types their password. */
export async function approveOnTheSpot(page: Page, prefix: string): Promise<void> {
  await page.getByTestId(`${prefix}-way`).getByText('当面审批').click();
  await page.getByTestId(`${prefix}-approver`).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: APPROVER.displayName }).first().click();
  await page.getByTestId(`${prefix}-password`).fill(APPROVER.password);
}

export async function login(page: Page, user: { username: string; password: string }): Promise<void> {
  await page.getByTestId('login-username').fill(user.username);
  await page.getByTestId('login-password').fill(user.password);
  await page.getByTestId('login-password').press('Enter');
}

/** Opens the print preview of the documents register (with its current filters) from the register's 打印 menu; returns the dialog. */
export async function openRegisterPreview(page: Page): Promise<Locator> {
  await page.reload();
  await page.getByTestId('menu-documents').click();
  await page.getByTestId('documents-print').click();
  await page.getByText('涉密文件登记台账（按当前筛选）').click();
  return page.getByTestId('print-preview');
}

/** The local calendar day `offset` days from today (YYYY-MM-DD). */
export function day(offset: number): string {
  const d = new Date();
  d.setDate(d.getDate() + offset);
  return d.toLocaleDateString('sv-SE');
}

/** Types a day into a date field (DateField's input) and leaves it by Tab, as the custodian does. */
export async function typeDay(page: Page, testId: string, value: string): Promise<void> {
  await page.mouse.move(0, 0);
  await page.getByTestId(testId).fill(value);
  await expect(page.getByTestId(testId)).toHaveValue(value);
  await page.getByTestId(testId).press('Tab');
}

/** A backend call in the test's host that must succeed: a test's setup, not what it tests. */
export function must<T>(host: RunningHost, name: string, input: unknown): T {
  const r = host.invoke(name, input);
  if (!r.ok) throw new Error(`${name}: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

/** The print records in the audit log, newest first, read as an auditor (the session returns to ADMIN). */
export function printAudit(host: RunningHost): { action: string; summary: Record<string, unknown> }[] {
  must(host, 'account.create', { username: AUDITOR.username, displayName: AUDITOR.displayName, roles: ['auditor'], password: 'Temp2026pass' });
  must(host, 'session.login', { username: AUDITOR.username, password: 'Temp2026pass' });
  must(host, 'account.changePassword', { oldPassword: 'Temp2026pass', newPassword: AUDITOR.password });
  const rows = must<{ rows: { action: string; summary: Record<string, unknown> }[] }>(host, 'audit.list', { kind: 'print' }).rows;
  must(host, 'session.login', { username: ADMIN.username, password: ADMIN.password });
  return rows.filter((r) => r.action === 'print.record');
}

const ENTER_KEY = { key: 'Enter', code: 'Enter', text: '\r' };

/**
 * A USB barcode scanner (a keyboard wedge) reads a label: the code at 5 ms a key, then Enter, each key stamped with the time the keyboard sent it, as the
 * system stamps a real one. (keyboard.type waits for each key to be handled: on a loaded machine its keys came 100 ms
 * apart, slower than any scanner.)
 */
export async function scan(page: Page, code: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const start = Date.now() / 1000;
  const keys = [...code.split('').map((ch) => ({ key: ch, code: /\d/.test(ch) ? `Digit${ch}` : `Key${ch.toUpperCase()}`, text: ch })), ENTER_KEY];
  // Sent at once: the browser queues them with their stamps, as it does a scanner's while the screen is busy.
  await Promise.all(
    keys.flatMap(({ key, code: keyCode, text }, i) => {
      const at = start + i * 0.005;
      const vk = key === 'Enter' ? 13 : key.toUpperCase().charCodeAt(0);
      return [
        cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key, code: keyCode, text, windowsVirtualKeyCode: vk, timestamp: at }),
        cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key, code: keyCode, windowsVirtualKeyCode: vk, timestamp: at + 0.002 }),
      ];
    }),
  );
  await cdp.detach();
}

/**
 * Picks an option of a select field by its text (the dropdown's item title), as the custodian clicks it; `containing`:
 * the first option whose text holds it (a computer by its code, before its name).
 */
export async function pickOption(page: Page, testId: string, option: string, how: { containing?: boolean } = {}): Promise<void> {
  await page.getByTestId(testId).click();
  // This select's own dropdown (its listbox id), not the one of the select before it still fading out.
  const list = await page.getByTestId(testId).locator('input[role="combobox"]').getAttribute('aria-controls');
  const dropdown = page.locator('.ant-select-dropdown', { has: page.locator(`[id="${list}"]`) });
  const item = how.containing
    ? dropdown.locator('.ant-select-item-option', { hasText: option }).first()
    : dropdown.locator(`.ant-select-item-option[title="${option}"]`);
  await item.click();
}
