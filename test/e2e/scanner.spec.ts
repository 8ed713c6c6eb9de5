// The scanner everywhere (issue 16): a USB scanner types the label code fast and then Enter. A scan opens what it
// names, never types into the field that has the cursor, says so (with a tone) when the code is unknown or mistyped,
// and in the lend dialog and the destroy batch it adds that copy.
import type { Page } from '@playwright/test';
import { itemCode, parseItemCode } from '../../db/domain/item-codes';
import type { RunningHost } from '../host/server';
import { expect, must, scan, setUpQuickly, test } from './fixtures';

interface Seeded {
  cabinet: { id: number; labelCode: string };
  docs: { id: number; copies: { id: number; copyNo: number; labelCode: string }[] }[];
}

/** A cabinet and two received 机密 items of two copies each (2026-0001, 2026-0002), with their label codes. */
function seed(host: RunningHost): Seeded {
  const cabinetId = must<{ id: number }>(host, 'locations.create', { code: 'G-01', name: '一号保密柜', maxLevel: 'secret' }).id;
  const docs = [1, 2].map((n) => {
    const id = must<{ id: number }>(host, 'documents.receive', {
      originUnit: '省国家保密局',
      docNumber: `鲁保发〔2026〕${n}号`,
      title: `关于做好第${n}批涉密载体清查工作的通知`,
      marking: '机密★10年',
      issueDate: '2026-11-02',
      scope: ['王芳'],
      copies: 2,
      locationId: cabinetId,
      signedBy: '李明',
    }).id;
    return { id, copies: must<{ copyList: Seeded['docs'][number]['copies'] }>(host, 'documents.get', { id }).copyList };
  });
  const cabinet = must<{ id: number; labelCode: string }[]>(host, 'locations.list', {}).find((l) => l.id === cabinetId)!;
  return { cabinet, docs };
}

/** A 机密 computer in use (JSJ-01); its id. */
function registerComputer(host: RunningHost): number {
  return must<{ id: number }>(host, 'computers.register', {
    code: 'JSJ-01',
    name: '机要室一号机',
    model: '联想 M720',
    serial: 'PC001',
    os: '银河麒麟 V10',
    level: 'secret',
    network: 'standalone',
    purpose: '文件处理',
    department: '办公室',
    responsible: '王芳',
    location: '机要室',
    enabledAt: '2026-01-05',
    remarks: '',
  }).id;
}

/** Counts the tones played (Web Audio oscillators started), from before the app loads. */
async function countTones(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { tones: number };
    w.tones = 0;
    const start = OscillatorNode.prototype.start;
    OscillatorNode.prototype.start = function (this: OscillatorNode, ...args: Parameters<OscillatorNode['start']>) {
      w.tones += 1;
      return start.apply(this, args);
    };
  });
}
const tones = (page: Page) => page.evaluate(() => (window as unknown as { tones: number }).tones);

const message = (page: Page) => page.getByTestId('scan-message');

test('a scan on the register opens the copy’s document with the copy shown; a code typed into the search box or the palette opens it too', async ({
  page,
  host,
}) => {
  await setUpQuickly(page, host.current);
  const { docs, cabinet } = seed(host.current);
  await page.getByTestId('menu-documents').click();
  const search = page.getByTestId('documents-search');
  await expect(search).toBeFocused();

  const copy = docs[1]!.copies[1]!;
  await scan(page, copy.labelCode);
  await expect(page.getByTestId('doc-receipt-no')).toHaveText('2026-0002');
  await expect(page.locator(`[data-testid="doc-copies"] tr[data-row-key="${copy.id}"]`)).toHaveAttribute('data-scanned', 'true');

  // Typed by hand (lower case, as a person might) into the register's search box, then Enter.
  await page.getByTestId('doc-back').click();
  await expect(search).toHaveValue('');
  await search.fill(docs[0]!.copies[0]!.labelCode.toLowerCase());
  await search.press('Enter');
  await expect(page.getByTestId('doc-receipt-no')).toHaveText('2026-0001');

  // The palette: a typed code, then a scan while it is open.
  await page.keyboard.press('Control+K');
  await page.getByTestId('command-palette-input').fill(docs[1]!.copies[0]!.labelCode);
  await expect(page.getByTestId('palette-code')).toContainText(`打开标签编码 ${docs[1]!.copies[0]!.labelCode} 对应的载体、设备或保密柜`);
  await page.getByTestId('command-palette-input').press('Enter');
  await expect(page.getByTestId('doc-receipt-no')).toHaveText('2026-0002');
  await page.keyboard.press('Control+K');
  await expect(page.getByTestId('command-palette-input')).toBeFocused();
  await scan(page, docs[0]!.copies[1]!.labelCode);
  await expect(page.getByTestId('doc-receipt-no')).toHaveText('2026-0001');
  await expect(page.getByTestId('command-palette')).toBeHidden();

  // A cabinet's label: the register of what it holds.
  await scan(page, cabinet.labelCode);
  await expect(page.getByTestId('documents-total')).toBeVisible();
  await expect(page.getByTestId('documents-filter-location')).toContainText('一号保密柜');

  // A computer's label: its page.
  const computer = registerComputer(host.current);
  await scan(page, must<{ labelCode: string }>(host.current, 'computers.get', { id: computer }).labelCode);
  await expect(page.getByText('机要室一号机')).toBeVisible();
  await expect(page.getByTestId('documents-title')).toHaveCount(0);
});

test('an unknown or mistyped code is said with a tone, and nothing is typed or opened', async ({ page, host }) => {
  await countTones(page);
  await setUpQuickly(page, host.current);
  const { docs } = seed(host.current);
  await page.getByTestId('menu-documents').click();
  const search = page.getByTestId('documents-search');
  await expect(search).toBeFocused();

  const real = parseItemCode(docs[0]!.copies[0]!.labelCode);
  if (!real.ok) throw new Error('the seeded label code does not parse');
  const unknown = itemCode(real.prefix, 'copy', 999);
  await scan(page, unknown);
  await expect(message(page)).toHaveText(`本台账中没有标签编码为 ${unknown} 的载体、设备或保密柜。`);
  await expect(search).toHaveValue('');
  await expect(page.getByTestId('documents-title')).toBeVisible();
  await expect.poll(() => tones(page)).toBe(1);

  // One character mistyped: the check character catches it.
  const code = docs[0]!.copies[0]!.labelCode;
  const mistyped = code.slice(0, -3) + (code.at(-3) === '9' ? '8' : '9') + code.slice(-2);
  await scan(page, mistyped);
  await expect(message(page)).toHaveText(`“${mistyped}”中有字符输错（校验位不符），请对照标签重新输入或重新扫描。`);
  await expect(search).toHaveValue('');
  await expect.poll(() => tones(page)).toBe(2);

  // Another ledger's label.
  const foreign = itemCode(real.prefix === 'ZZ' ? 'ZY' : 'ZZ', 'copy', real.id);
  await scan(page, foreign);
  await expect(message(page)).toHaveText(`${foreign} 是另一本台账的标签，不是本台账的载体、设备或保密柜。`);

  // Typing by hand is never taken for a scan, Enter included.
  await search.pressSequentially('2026-0001', { delay: 90 });
  await expect(search).toHaveValue('2026-0001');

  // Locked: a scan is dropped, never tried as the password.
  await page.keyboard.press('Control+l');
  const password = page.getByTestId('lock-password');
  await expect(password).toBeFocused();
  await scan(page, code);
  await expect(message(page)).toHaveText('请先登录或解锁台账，再扫描标签。');
  await expect(password).toHaveValue('');
  await expect(page.getByTestId('lock-error')).toHaveCount(0);
});

test('in the lend dialog a scan ticks the copy and types nothing into the field with the cursor; a dialog without scans says so', async ({ page, host }) => {
  await setUpQuickly(page, host.current);
  const { docs } = seed(host.current);
  must(host.current, 'documents.lend', { documentId: docs[1]!.id, copyNos: [1], borrower: { name: '王芳' }, dueAt: '2099-12-31' });
  await page.getByTestId('menu-documents').click();
  await page.getByTestId(`documents-open-${docs[0]!.id}`).click();
  await page.getByTestId('doc-action-lend').click();

  const borrower = page.getByTestId('lend-borrower');
  await expect(borrower).toBeFocused();
  await borrower.pressSequentially('王', { delay: 60 });
  await scan(page, docs[0]!.copies[1]!.labelCode);
  await expect(page.getByTestId('lend-copies-2')).toBeChecked();
  await expect(page.getByTestId('lend-copies-1')).not.toBeChecked();
  await expect(message(page)).toHaveText('已勾选份号 0002。');
  await expect(borrower).toHaveValue('王');
  await expect(page.getByTestId('lend-form')).toBeVisible();

  // In the date picker: its text stays as it was.
  const due = page.getByTestId('lend-due-at');
  await due.click();
  const dueText = await due.inputValue();
  await scan(page, docs[0]!.copies[0]!.labelCode);
  await expect(page.getByTestId('lend-copies-1')).toBeChecked();
  await expect(due).toHaveValue(dueText);

  // A copy of another item is named, not ticked.
  await scan(page, docs[1]!.copies[1]!.labelCode);
  await expect(message(page)).toHaveText('扫描的是收文编号 2026-0002 的份号 0002，不是本文件的份。');
  await page.getByTestId('lend-cancel').click();

  // A copy on loan cannot be moved: the backend's own words.
  await page.getByTestId('doc-back').click();
  await page.getByTestId(`documents-open-${docs[1]!.id}`).click();
  await page.getByTestId('doc-action-move').click();
  await expect(page.getByTestId('move-form')).toBeVisible();
  await scan(page, docs[1]!.copies[0]!.labelCode);
  await expect(message(page)).toHaveText('份号 0001 当前为“借出”，不能移库。');
  await page.getByTestId('move-cancel').click();

  // 定密审查 takes no scans: it says so and stays open, its field as it was.
  await page.getByTestId('doc-action-review').click();
  const reviewer = page.getByTestId('review-reviewed-by');
  await expect(reviewer).toBeFocused();
  await scan(page, docs[0]!.copies[0]!.labelCode);
  await expect(message(page)).toHaveText('此对话框不接受扫描。');
  await expect(reviewer).toHaveValue('');
  await expect(page.getByTestId('review-form')).toBeVisible();
  await expect(page.getByTestId('doc-receipt-no')).toHaveText('2026-0002');
});

test('in the destroy batch a scan adds the copy’s item with that copy ticked, and ticks the next one on its line', async ({ page, host }) => {
  await setUpQuickly(page, host.current);
  const { docs } = seed(host.current);
  must(host.current, 'documents.lend', { documentId: docs[1]!.id, copyNos: [1], borrower: { name: '王芳' }, dueAt: '2099-12-31' });
  await page.getByTestId('menu-documents').click();
  await page.getByTestId('documents-destroy-button').click();
  await expect(page.getByTestId('batch-search')).toBeFocused();

  await scan(page, docs[0]!.copies[1]!.labelCode);
  const line = page.getByTestId(`batch-item-${docs[0]!.id}`);
  await expect(line).toBeVisible();
  await expect(message(page)).toHaveText('已加入收文编号 2026-0001，勾选份号 0002。');
  await expect(page.getByTestId(`batch-copies-${docs[0]!.id}-2`)).toBeChecked();
  await expect(page.getByTestId(`batch-copies-${docs[0]!.id}-1`)).not.toBeChecked();
  await expect(page.getByTestId('batch-search')).toHaveValue('');

  await scan(page, docs[0]!.copies[0]!.labelCode);
  await expect(page.getByTestId(`batch-copies-${docs[0]!.id}-1`)).toBeChecked();
  await expect(page.getByTestId('batch-totals')).toContainText('2');

  // On loan: not destroyed, and said why.
  await scan(page, docs[1]!.copies[0]!.labelCode);
  await expect(message(page)).toHaveText('份号 0001 当前为“借出”，不能销毁。');
  await expect(page.getByTestId(`batch-item-${docs[1]!.id}`)).toHaveCount(0);

  // What the scanner reads that is no label code (a 收文编号 barcode) is typed into the field, and its Enter looks it up.
  await scan(page, '2026-0002');
  await expect(page.getByTestId(`batch-item-${docs[1]!.id}`)).toBeVisible();
  await expect(page.getByTestId('batch-search')).toHaveValue('');
});

test('in the hand-over list a scan checks the copy against the list, and names one the list does not hold', async ({ page, host }) => {
  await setUpQuickly(page, host.current);
  const { docs } = seed(host.current);
  must(host.current, 'documents.returnToIssuer', {
    items: [{ documentId: docs[1]!.id, copyNos: [2] }],
    toUnit: '省国家保密局',
    returner: '张三',
    receiver: '李明',
  });
  await page.getByTestId('menu-documents').click();
  await page.getByTestId('documents-handover-button').click();
  await page.getByTestId('handover-to').fill('赵六');
  await page.getByTestId('handover-supervisor').fill('钱七');
  await page.getByTestId('handover-submit').click();
  await expect(page.getByTestId('handover-list')).toBeVisible();

  await scan(page, docs[0]!.copies[1]!.labelCode);
  await expect(message(page)).toHaveText('已核对收文编号 2026-0001 份号 0002。');
  await expect(page.getByTestId('handover-scanned')).toHaveText('已扫描核对 1 份，共 3 份');
  await scan(page, docs[0]!.copies[1]!.labelCode);
  await expect(message(page)).toHaveText('收文编号 2026-0001 份号 0002 已核对过。');
  // Returned to the issuer: not handed over. The scan's Enter confirmed nothing.
  await scan(page, docs[1]!.copies[1]!.labelCode);
  await expect(message(page)).toHaveText('收文编号 2026-0002 份号 0002 不在本移交清单中。');
  await expect(page.getByTestId('confirm-summary')).toBeVisible();
  await expect(page.getByTestId('handover-scanned')).toHaveText('已扫描核对 1 份，共 3 份');
});

test('in a medium’s usage log a scanned computer label picks the computer; a copy’s label is refused there', async ({ page, host }) => {
  await setUpQuickly(page, host.current);
  const { docs } = seed(host.current);
  const computer = registerComputer(host.current);
  must(host.current, 'media.register', {
    code: 'U-01',
    type: 'usb',
    model: '朗科 U盘',
    serial: 'U0001',
    capacity: '32GB',
    level: 'secret',
    responsible: '王芳',
    department: '办公室',
    usageScope: '文件拷贝',
    enabledAt: '2026-02-01',
    backupApproved: false,
  });
  await page.getByTestId('menu-secret-media').click();
  await page.getByTestId('device-open-U-01').click();
  await expect(page.getByTestId('device-code')).toHaveText('U-01');
  await page.getByTestId('device-action-logUsage').click();
  await expect(page.getByTestId('device-logUsage-form')).toBeVisible();

  await scan(page, docs[0]!.copies[0]!.labelCode);
  await expect(message(page)).toHaveText('此处只接受计算机的标签。');
  await scan(page, must<{ labelCode: string }>(host.current, 'computers.get', { id: computer }).labelCode);
  await expect(message(page)).toHaveText('已选择计算机 JSJ-01。');
  await expect(page.getByTestId('device-logUsage-form')).toContainText('JSJ-01 机要室一号机（机密）');
});

test('the registers select rows by keyboard (Space ticks a row, Ctrl+A the page) and print the labels of what is selected', async ({ page, host }) => {
  await setUpQuickly(page, host.current);
  const { docs } = seed(host.current);
  const computer = registerComputer(host.current);
  await page.getByTestId('menu-documents').click();
  const rowBox = (id: number) => page.getByTestId('documents-table').locator(`[data-row-key="${id}"] .ant-checkbox-input`);
  await rowBox(docs[0]!.id).focus();
  await page.keyboard.press('Space');
  await expect(page.getByTestId('documents-labels-button')).toHaveText('打印标签（已选 1 件）');
  await page.keyboard.press('Control+a');
  await expect(page.getByTestId('documents-labels-button')).toHaveText('打印标签（已选 2 件）');
  await page.getByTestId('documents-labels-button').click();
  await expect(page.getByTestId('labels-form')).toBeVisible();
  await page.keyboard.press('Escape');

  await page.getByTestId('menu-secret-computers').click();
  await expect(page.getByTestId('device-open-JSJ-01')).toBeVisible();
  await page.getByTestId('devices-table').locator(`[data-row-key="${computer}"] .ant-checkbox-input`).focus();
  await page.keyboard.press('Control+a');
  await expect(page.getByTestId('devices-labels-button')).toHaveText('打印标签（已选 1 项）');
  await page.getByTestId('devices-labels-button').click();
  await expect(page.getByTestId('labels-form')).toBeVisible();
});
