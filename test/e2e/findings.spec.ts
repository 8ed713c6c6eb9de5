// 问题整改 through the browser host: a finding registered with the keyboard (Alt+N, typed fields, Ctrl+Enter), one
// from a computer check past its deadline on the overview's reminders, the first closed with the approver countersigning
// on the spot, the second recorded as done and confirmed by the approver signed in; the 问题整改登记表 saved as PDF and
// read with pdftotext (title, columns, marking top left, 第 N 页 共 M 页, the audit head), its first page as PNG.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import dayjs from 'dayjs';
import type { Page } from '@playwright/test';
import { ADMIN, APPROVER, createApprover, expect, invoke, setUpQuickly, test, UNIT } from './fixtures';

const SHOTS = process.env.SCREENSHOTS_DIR ?? '/tmp/shots';
const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
/** pdftotext spaces CJK glyphs as the layout placed them; compare without the spaces. */
const squeeze = (text: string) => text.replace(/\s+/g, '');
const day = (offset: number) => dayjs().add(offset, 'day').format('YYYY-MM-DD');

/** Signs in as `user` through the backend and reloads (the page follows the session). */
async function signIn(page: Page, user: { username: string; password: string; displayName: string }) {
  expect((await invoke(page, 'session.login', { username: user.username, password: user.password })).ok).toBe(true);
  await page.reload();
  await expect(page.getByTestId('header-user')).toContainText(user.displayName);
}

test('findings: registered by keyboard, overdue on the overview, closed on the spot and confirmed signed in; the register printed', async ({ page, host }) => {
  test.setTimeout(90_000);
  mkdirSync(SHOTS, { recursive: true });
  await setUpQuickly(page, host.current);
  await createApprover(page);
  const pc = await invoke<{ id: number }>(page, 'computers.register', {
    code: 'JM-PC-001',
    name: '保密室办公机',
    model: '联想 M720',
    serial: 'SN-PC-001',
    os: '银河麒麟 V10',
    level: 'secret',
    network: 'standalone',
    purpose: '涉密文件处理',
    department: '办公室',
    responsible: '王五',
    location: '保密室',
    enabledAt: day(-60),
  });
  expect(pc.ok).toBe(true);
  // From a computer check, its deadline already passed: overdue on the overview.
  const late = await invoke<{ id: number; no: string }>(page, 'findings.register', {
    source: 'computer_check',
    computerId: pc.value!.id,
    foundOn: day(-20),
    description: '未安装违规外联监控软件，计算机接入内网后未经审批连接过手机热点，且未留存检查记录',
    place: '办公室 保密室',
    severity: 'grave',
    owner: '王五',
    deadline: day(-5),
    measures: '安装违规外联监控并登记',
  });
  expect(late.ok).toBe(true);
  await page.reload();
  await expect(page.getByTestId('reminder-findings-overdue')).toContainText('1');
  await shot(page, 'overview');
  // 登记问题 with the keyboard alone.
  await page.getByTestId('menu-findings').click();
  await expect(page.getByTestId('findings-page')).toBeVisible();
  await page.keyboard.press('Alt+N');
  const form = page.getByTestId('findings-register-form');
  await expect(form).toBeVisible();
  await page.getByTestId('findings-register-source-ref').fill('2026年度保密自查');
  await page.getByTestId('findings-register-description').fill('保密柜钥匙未随身保管');
  await page.getByTestId('findings-register-place').fill('办公室 保密室');
  await page.getByTestId('findings-register-owner').fill('李明');
  await page.mouse.move(0, 0); // a pointer resting on the calendar would preview the day under it in the field
  await page.getByTestId('findings-register-deadline').fill(day(20));
  await expect(page.getByTestId('findings-register-deadline')).toHaveValue(day(20));
  await page.getByTestId('findings-register-deadline').press('Tab');
  await page.getByTestId('findings-register-measures').fill('钥匙由保密员随身保管，下班前检查');
  await shot(page, 'register');
  await page.keyboard.press('Control+Enter');
  await expect(form).toHaveCount(0);
  const year = dayjs().year();
  const first = `ZG-${year}-002`;
  await expect(page.getByTestId(`finding-row-${first}`)).toContainText('整改中');
  await expect(page.getByTestId(`finding-row-${late.value!.no}`)).toContainText('逾期未整改');

  // The overview's number opens 问题整改 with those it counts: the overdue one of the two.
  await page.getByTestId('menu-overview').click();
  await page.getByTestId('reminder-findings-overdue').click();
  await expect(page.getByTestId('findings-status-filter')).toContainText('逾期未整改');
  await expect(page.getByTestId(`finding-row-${late.value!.no}`)).toBeVisible();
  await expect(page.getByTestId('finding-status')).toHaveCount(1);
  // The filter stays while other pages are visited, as a register's do; cleared, both are listed again.
  await page.getByTestId('menu-overview').click();
  await page.getByTestId('menu-findings').click();
  await expect(page.getByTestId('findings-status-filter')).toContainText('逾期未整改');
  await page.getByTestId('findings-status-filter').hover();
  await page.getByTestId('findings-status-filter').locator('.ant-select-clear').click();
  await expect(page.getByTestId('finding-status')).toHaveCount(2);
  // At 1366 px (the viewport) every column is in sight: the long description wraps, the list does not scroll sideways.
  const overflow = await page
    .getByTestId('findings-list')
    .locator('.ant-table-content')
    .evaluate((el) => el.scrollWidth - el.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);

  // 整改完成, the approver countersigning on the spot.
  await page.getByTestId(`finding-row-${first}`).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('finding-close')).toBeVisible();
  await page.getByTestId('finding-close').click();
  await page.getByTestId('finding-close-done').fill('已配发带锁钥匙盒，保密员随身保管');
  // The approver picks their own account (the list loads as the dialog opens: pick again until it holds).
  await expect(async () => {
    await page.getByTestId('finding-close-approval-approver').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: APPROVER.displayName }).first().click({ timeout: 2000 });
    await expect(page.getByTestId('finding-close-approval-approver')).toContainText(APPROVER.displayName, { timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await page.getByTestId('finding-close-approval-password').fill(APPROVER.password);
  await page.getByTestId('finding-close-submit').click();
  await expect(page.getByTestId('finding-close-form')).toHaveCount(0);
  await expect(page.getByTestId('finding-dialog').getByTestId('finding-status')).toHaveAttribute('data-status', 'closed');
  await expect(page.getByTestId('finding-closed')).toContainText(`${APPROVER.displayName} 确认`);
  await shot(page, 'closed');
  await page.getByTestId('finding-dialog-close').click();

  // The late one recorded as done, to be confirmed by the approver signed in.
  await page.getByTestId(`finding-row-${late.value!.no}`).click();
  await page.getByTestId('finding-close').click();
  await page.getByTestId('finding-close-done').fill('已安装违规外联监控');
  await page.getByTestId('finding-close-way').getByText('由审批人登录后确认').click();
  await page.getByTestId('finding-close-submit').click();
  await expect(page.getByTestId('finding-dialog').getByTestId('finding-status')).toHaveAttribute('data-status', 'awaiting');
  await page.getByTestId('finding-dialog-close').click();

  await signIn(page, APPROVER);
  await page.getByTestId('menu-findings').click();
  await page.getByTestId(`finding-row-${late.value!.no}`).click();
  await page.getByTestId('finding-confirm').click();
  await page.getByTestId('finding-confirm-submit').click();
  await expect(page.getByTestId('finding-dialog').getByTestId('finding-status')).toHaveAttribute('data-status', 'closed');
  await shot(page, 'confirmed');
  await page.getByTestId('finding-dialog-close').click();
  await shot(page, 'list');
  // zh-CN: no English word, no code, no raw value on the screen.
  const words = await page.getByTestId('findings-page').innerText();
  // (导出 Excel / CSV name the file formats, as on every register.)
  expect(words.replace(/Excel|CSV/g, '')).not.toMatch(/[A-Za-z]{3,}|\d{4}-\d{2}-\d{2}T/);
  await signIn(page, ADMIN);
  // No finding overdue any more: its tile says 0 (or the overview has nothing to do at all).
  await page.getByTestId('menu-overview').click();
  const tile = page.getByTestId('reminder-findings-overdue');
  await expect(page.getByTestId('reminders-empty').or(tile)).toBeVisible();
  if (await tile.count()) await expect(tile).toContainText('0');

  // 问题整改登记表 as PDF through the print route.
  const r = await page.evaluate((job) => window.ledger.print!(job as never), { request: { kind: 'sheet', name: 'findings', filters: {} }, target: 'pdf' });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  const pdf = join(SHOTS, 'findings.pdf');
  writeFileSync(pdf, Buffer.from(r.value.pdfBase64!, 'base64'));
  const raw = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  const text = squeeze(raw);
  // The marking of the most secret row (the 机密 computer's finding) at the top left.
  expect(raw.trimStart().startsWith('机密')).toBe(true);
  expect(text).toContain(`${UNIT}问题整改登记表`);
  for (const column of ['编号', '发现日期', '来源', '发现的问题', '程度', '整改责任人', '整改期限', '整改措施', '整改情况', '完成日期', '确认人', '状态'])
    expect(text).toContain(column);
  expect(text).toContain(first);
  // A cell wrapped over lines reads line by line across the row: short pieces of each.
  for (const piece of ['保密柜钥匙', '计算机检查', 'JM-PC-001', `${APPROVER.displayName}（当面`, `${APPROVER.displayName}（系统`, day(-5)])
    expect(text).toContain(piece);
  expect(text).toContain('已整改');
  expect(text).toContain('第1页共1页');
  expect(text).toMatch(new RegExp(`打印[:：]${ADMIN.displayName}（${ADMIN.username}）`));
  expect(text).toMatch(/审计链#\d+[0-9a-f]{6}/);
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdf, join(SHOTS, 'findings-page')]);

  // The annual pack lists them in 问题及整改 and judges the point 发现的问题按期整改并经确认 (the late one: done after its deadline).
  const packed = await page.evaluate((job) => window.ledger.print!(job as never), { request: { kind: 'annual-pack', year }, target: 'pdf' });
  if (!packed.ok) throw new Error(JSON.stringify(packed.error));
  const packPdf = join(SHOTS, 'findings-pack.pdf');
  writeFileSync(packPdf, Buffer.from(packed.value.pdfBase64!, 'base64'));
  const packText = squeeze(execFileSync('pdftotext', ['-layout', packPdf, '-'], { encoding: 'utf8' }));
  for (const words of ['信息公开保密审查登记：无', '问题及整改', '问题整改登记', '本年度问题2项', '发现的问题按期整改', `${late.value!.no}（逾期5天整改）`])
    expect(packText).toContain(words);
});
