// 概览 (issue 17): the overview a custodian opens every morning. On an empty ledger every card says there is nothing
// yet (no wall of zeros); on a busy one every card's numbers are the ledger's, and a number opens the list it counts.
// The technical facts (schema version, audit head) are under 设置 (台账信息).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { ADMIN, expect, must, setUpQuickly, test } from './fixtures';

const SHOTS = process.env.SCREENSHOTS_DIR ?? '/tmp/shots';
const backupFolder = mkdtempSync(join(tmpdir(), 'ledger-overview-backup-'));
test.afterAll(() => rmSync(backupFolder, { recursive: true, force: true }));

/** The local calendar day `offset` days from today (YYYY-MM-DD). */
function day(offset: number): string {
  const d = new Date();
  d.setDate(d.getDate() + offset);
  return d.toLocaleDateString('sv-SE');
}

/** Latin words the overview shows (record numbers and hashes aside). */
async function latinWords(page: Page): Promise<string[]> {
  const text = await page.locator('.main-content').innerText();
  return [...text.replace(/\b[A-Z]{1,3}-[A-Z0-9-]+\b/g, '').matchAll(/[A-Za-z]{2,}/g)].map((m) => m[0]);
}

test('an empty ledger: every card says there is nothing yet, and the technical facts are under 设置', async ({ page, host }) => {
  await setUpQuickly(page, host.current);
  await page.getByTestId('menu-overview').click();
  await expect(page.getByTestId('overview-holdings-empty')).toContainText('台账中还没有在管的文件资料');
  await expect(page.getByTestId('reminders-empty')).toContainText('暂无待办事项');
  await expect(page.getByTestId('overview-devices-empty')).toContainText('尚未登记计算机或移动存储介质');
  await expect(page.getByTestId('overview-cabinets-empty')).toContainText('尚未建立保密柜');
  await expect(page.getByTestId('overview-activities-empty')).toContainText('尚无登记记录');
  await expect(page.getByTestId('backup-status')).toContainText('尚未备份过');
  // No zero stands for "nothing yet", and no word of code.
  for (const card of ['overview-holdings', 'reminders-card', 'overview-devices', 'overview-cabinets', 'overview-activities'])
    await expect(page.getByTestId(card)).not.toContainText(/\b0\b/);
  expect(await latinWords(page)).toEqual([]);
  await expect(page.getByTestId('overview-schema-version')).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/overview-empty.png`, fullPage: true });

  await page.getByTestId('menu-settings').click();
  await expect(page.getByTestId('settings-ledger-info')).toContainText('台账信息');
  await expect(page.getByTestId('overview-schema-version')).toHaveText(/^\d+$/);
  await expect(page.getByTestId('overview-audit-head')).toHaveText(/^#\d+ [0-9a-f]{8}$/);
  await expect(page.getByTestId('overview-info')).toContainText('审计记录数');
});

test('a busy ledger: holdings, 待办, devices, cabinets, backup and the latest entries are true, and each number opens its list', async ({ page, host }) => {
  await setUpQuickly(page, host.current);
  const h = host.current;
  const cabinet = (code: string, name: string, telegrams = false) =>
    must<{ id: number }>(h, 'locations.create', { code, name, maxLevel: 'secret', telegrams }).id;
  const g1 = cabinet('G-01', '一号保密柜');
  const g2 = cabinet('G-02', '二号保密柜');
  const tg = cabinet('DB-01', '电报柜', true);
  let n = 0;
  const receive = (locationId: number, over: Record<string, unknown>) =>
    must<{ id: number }>(h, 'documents.receive', {
      docNumber: `鲁保发〔2026〕${++n}号`,
      title: '关于开展年度保密自查自评工作的通知',
      originUnit: '省国家保密局',
      marking: '机密★10年',
      issueDate: day(-40),
      scope: ['办公室', '王芳'],
      copies: 3,
      locationId,
      signedBy: '李明',
      receivedAt: day(-30),
      ...over,
    }).id;
  // 机密 in three copies (one lent, due in 5 days); 秘密 in two (one lent, 2 days overdue); a telegram, due back.
  const a = receive(g1, {});
  const b = receive(g2, { marking: '秘密★5年', copies: 2, title: '秘密通知' });
  receive(tg, { carrier: 'telegram', title: '明传电报', copies: 1, returnBy: day(60) });
  must(h, 'documents.lend', { documentId: a, copyNos: [1], borrower: { name: '王芳' }, dueAt: day(5), at: day(-1) });
  must(h, 'documents.lend', { documentId: b, copyNos: [1], borrower: { name: '王芳' }, dueAt: day(-2), at: day(-10) });
  const pc = { department: '办公室', responsible: '王五', location: '保密室', enabledAt: day(-60), purpose: '文件处理', model: '联想 开天', os: '银河麒麟' };
  must(h, 'computers.register', { ...pc, code: '涉密机-001', name: '保密室办公机', serial: '序列号一', level: 'secret', network: 'standalone' });
  must(h, 'computers.register', { ...pc, code: '非密机-001', name: '上网机', serial: '序列号二', level: 'non_secret', network: 'internet' });
  const medium = must<{ id: number }>(h, 'media.register', {
    code: '备份盘-01',
    type: 'hdd',
    model: '西部数据',
    serial: '介质序列号一',
    capacity: '1T',
    level: 'secret',
    responsible: '王五',
    department: '办公室',
    usageScope: '台账备份',
    enabledAt: day(-50),
    backupApproved: true,
  }).id;
  must(h, 'backup.run', { mediumId: medium, folder: backupFolder });

  await page.reload();
  await page.getByTestId('menu-overview').click();
  const overview = page.getByTestId('overview');

  // 在管: 3 items, 6 copies; 机密 2 items (4 copies), 秘密 1 (2); 2 copies on loan; the telegram owed to its issuer.
  await expect(page.getByTestId('overview-held')).toContainText('3 件 6 份');
  await expect(page.getByTestId('overview-held-levels')).toContainText('机密');
  await expect(page.getByTestId('overview-held-secret')).toHaveText('2');
  await expect(page.getByTestId('overview-held-confidential')).toHaveText('1');
  await expect(page.getByTestId('overview-on-loan')).toContainText('2 份');
  await expect(page.getByTestId('overview-awaiting-return')).toContainText('1 件 1 份');
  await expect(page.getByTestId('reminder-telegrams-held')).toContainText('在管密码电报');
  await expect(page.getByTestId('reminder-telegrams-held')).toContainText('1 件 1 份');

  // 待办: overdue apart from due soon.
  await expect(page.getByTestId('reminders-overdue').getByTestId('reminder-loanOverdue')).toContainText('1');
  await expect(page.getByTestId('reminders-soon').getByTestId('reminder-loanDueSoon')).toContainText('1');

  // Devices by level and status; cabinets by what is in them (the copies on loan are not).
  await expect(page.getByTestId('overview-computer-secret-in_use')).toHaveText('1');
  await expect(page.getByTestId('overview-computer-non_secret-in_use')).toHaveText('1');
  await expect(page.getByTestId('overview-medium-secret-in_use')).toHaveText('1');
  await expect(page.getByTestId('overview-cabinet-G-01')).toHaveText('1 件 2 份');
  await expect(page.getByTestId('overview-cabinet-G-02')).toHaveText('1 件 1 份');
  await expect(page.getByTestId('overview-cabinet-DB-01')).toHaveText('1 件 1 份');
  await expect(page.getByTestId('overview-cabinet-G-01-secret')).toContainText('机密');

  // Backed up just now; the latest entry is the backup, by the custodian's name.
  await expect(page.getByTestId('backup-status')).toHaveAttribute('data-tone', 'success');
  const activities = page.getByTestId('overview-activities');
  await expect(activities.locator('tbody tr').first()).toContainText('备份');
  await expect(activities.locator('tbody tr').first()).toContainText(ADMIN.displayName);
  await expect(activities).toContainText('借阅');
  await expect(activities).toContainText('涉密机-001');
  await expect(activities.locator('tbody tr')).toHaveCount(10);
  expect(await latinWords(page)).toEqual([]);
  await expect(overview).not.toContainText('undefined');
  await page.screenshot({ path: `${SHOTS}/overview-busy.png`, fullPage: true });

  // Each number opens the list it counts.
  const opens = async (testId: string, total: number) => {
    await page.getByTestId('menu-overview').click();
    await page.getByTestId(testId).click();
    await expect(page.getByTestId('documents-title')).toBeVisible();
    await expect(page.getByTestId('documents-total')).toContainText(`共 ${total} `);
  };
  await opens('overview-held', 3);
  await opens('overview-held-secret', 2);
  await opens('overview-on-loan', 2);
  await opens('overview-awaiting-return', 1);
  await opens('reminder-telegrams-held', 1);
  await opens('reminder-loanOverdue', 1);
  await opens('overview-cabinet-G-01', 1);
  await opens('overview-cabinet-DB-01', 1);
  await page.getByTestId('menu-overview').click();
  await page.getByTestId('overview-computer-secret-in_use').click();
  await expect(page.getByTestId('devices-title')).toHaveText('涉密计算机登记备案表');
  await expect(page.getByTestId('device-open-涉密机-001')).toBeVisible();
  // A status's number opens the register filtered to that status; the total, unfiltered.
  await expect(page.getByTestId('devices-filter-status')).toContainText('在用');
  await page.getByTestId('menu-overview').click();
  await page.getByTestId('overview-computer-secret-total').click();
  await expect(page.getByTestId('devices-title')).toHaveText('涉密计算机登记备案表');
  await expect(page.getByTestId('devices-filter-status')).not.toContainText('在用');
  await page.getByTestId('menu-overview').click();
  await page.getByTestId('overview-medium-secret-in_use').click();
  await expect(page.getByTestId('devices-title')).toHaveText('涉密移动存储介质登记备案表');
  await page.getByTestId('menu-overview').click();
  await page.getByTestId('overview-backup-now').click();
  await expect(page.getByTestId('backup-status')).toBeVisible();
  await expect(page.getByTestId('backup-history')).toContainText('备份盘-01');

  // The same overview in the other two languages: words for every card, the numbers unchanged.
  for (const [language, held, latest] of [
    ['zh-TW', '3 件 6 份', '備份'],
    ['en', 'items 3, copies 6', 'Back up'],
  ] as const) {
    await page.getByTestId('menu-settings').click();
    await page.getByTestId(`language-${language}`).click();
    await page.getByTestId('menu-overview').click();
    await expect(page.getByTestId('overview-held')).toContainText(held);
    await expect(page.getByTestId('overview-activities').locator('tbody tr').first()).toContainText(latest);
    await page.screenshot({ path: `${SHOTS}/overview-busy-${language}.png`, fullPage: true });
  }
});

test('an auditor reads the registers’ cards but has no backup to make; an administrator only, who does not read them, sees the backup status', async ({
  page,
  host,
}) => {
  await setUpQuickly(page, host.current);
  const h = host.current;
  const signInAs = async (username: string, displayName: string, roles: string[]) => {
    must(h, 'session.login', { username: ADMIN.username, password: ADMIN.password });
    must(h, 'account.create', { username, displayName, roles, password: 'Temp2026pass' });
    must(h, 'session.login', { username, password: 'Temp2026pass' });
    must(h, 'account.changePassword', { oldPassword: 'Temp2026pass', newPassword: 'Shenji2026' });
    await page.reload();
    await expect(page.getByTestId('header-user')).toContainText(displayName);
    await page.getByTestId('menu-overview').click();
  };
  const g1 = must<{ id: number }>(h, 'locations.create', { code: 'G-01', name: '一号保密柜', maxLevel: 'secret' }).id;
  must(h, 'documents.receive', {
    docNumber: '鲁保发〔2026〕1号',
    title: '通知',
    originUnit: '省国家保密局',
    marking: '秘密★5年',
    issueDate: day(-5),
    scope: ['办公室'],
    copies: 2,
    locationId: g1,
    signedBy: '李明',
  });

  await signInAs('shenji', '审计员甲', ['auditor']);
  await expect(page.getByTestId('overview-held')).toContainText('1 件 2 份');
  await expect(page.getByTestId('overview-activities')).toContainText('收文登记');
  await expect(page.getByTestId('backup-status')).toBeVisible();
  await expect(page.getByTestId('overview-backup-now')).toHaveCount(0);

  await signInAs('guanli', '管理员乙', ['admin']);
  await expect(page.getByTestId('overview-registers')).toContainText('系统管理员不查看台账内容');
  await expect(page.getByTestId('backup-status')).toBeVisible();
  await expect(page.getByTestId('overview-holdings')).toHaveCount(0);
  await expect(page.getByTestId('overview-activities')).toHaveCount(0);
  expect(await latinWords(page)).toEqual([]);
});
