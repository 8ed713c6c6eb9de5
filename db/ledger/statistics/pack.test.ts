// 年度自查材料 (issue 17): the annual pack of a year on a real ledger the test builds with known events — each check
// point's exception where the ledger can really hold one (a receipt without 文号, a loan back late and one still out,
// an item not returned to its issuer on time and one returned late, an imported destruction without approval or
// witnesses, a copy missing in a stocktake), the pack's figures against the registers' counts, the digest that
// refuses a Word export once the ledger changed, and the .docx itself opened with JSZip.
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { PACK_CHECKS, type PackCheck } from '../../domain/pack';
import type { ReportBlock, ReportDocument } from '../../domain/report';
import { auditRows, makeLedger, ok, okAsync, refused, refusedAsync, withRaw, type SetUpLedger } from '../../testing';
import type { StatisticsView } from '../../views';
import { createApprover, onTheSpot } from '../approvals/fixture';
import { computerInput, mediumInput } from '../devices/fixture';
import { receiveInput } from '../documents/fixture';
import type { PrintPayload } from '../print/commands';
import { csvOf } from '../transfer/fixture';

const YEAR = 2026;

async function yearLedger() {
  const t = makeLedger();
  const approver = createApprover(t, '陈主任');
  const spot = () => onTheSpot(approver.id, approver.password);
  const a = ok<{ id: number }>(t.service, 'locations.create', { code: 'G-01', name: '一号柜', maxLevel: 'secret' }).id;
  const receive = (over: Record<string, unknown>) =>
    ok<{ id: number }>(t.service, 'documents.receive', receiveInput(a, { issueDate: '2026-01-02', ...over })).id;

  const d1 = receive({ receivedAt: '2026-10-10', copies: 3 });
  // 登记手续: a receipt registered without its 文号.
  const d2 = receive({ receivedAt: '2026-11-02', docNumber: '', marking: '秘密★5年', copies: 2 });
  // 按期清退: due back on 11-20 and still here; due back on 11-10 and returned on 11-21.
  receive({ receivedAt: '2026-11-03', copies: 1, mustReturn: true, returnBy: '2026-11-20' });
  const d4 = receive({ receivedAt: '2026-11-03', copies: 1, mustReturn: true, returnBy: '2026-11-10' });
  ok(t.service, 'documents.returnToIssuer', {
    items: [{ documentId: d4, copyNos: [1] }],
    toUnit: '省国家保密局',
    returner: '李明',
    receiver: '张三',
    at: '2026-11-21',
  });
  // Last year's: in no flow of this year.
  receive({ receivedAt: '2025-06-01', issueDate: '2025-05-20', copies: 2 });

  ok(t.service, 'documents.copy', { documentId: d1, sourceCopyNo: 1, count: 1, approval: spot() });
  // 借阅: back 3 days late; out past its due date (the ledger's last entry is 2026-11-25).
  ok(t.service, 'documents.lend', { documentId: d1, copyNos: [2], borrower: { name: '王芳', department: '办公室' }, dueAt: '2026-11-10', at: '2026-11-01' });
  ok(t.service, 'documents.returnLoan', { documentId: d1, copyNos: [2], receivedBy: '李明', at: '2026-11-13' });
  ok(t.service, 'documents.lend', { documentId: d2, copyNos: [1], borrower: { name: '王芳', department: '办公室' }, dueAt: '2026-11-20', at: '2026-11-05' });
  // Not due yet on the day of the ledger's last entry, whatever the clock says later.
  ok(t.service, 'documents.lend', { documentId: d1, copyNos: [1], borrower: { name: '赵六', department: '办公室' }, dueAt: '2026-12-10', at: '2026-11-20' });
  ok(t.service, 'documents.destroy', {
    items: [{ documentId: d1, copyNos: [4] }],
    approval: spot(),
    method: 'shredder',
    place: '保密室',
    destroyers: ['李明'],
    witnesses: ['王芳'],
  });
  // 销毁: an old register's destruction, taken over without an approval or its witnesses.
  const csv = csvOf(
    [
      ['收文日期', '来文单位', '文号', '标题', '密级', '保密期限', '份数', '份号', '签收人', '知悉范围', '状态', '销毁日期'],
      ['2026-03-09', '省国家保密局', '鲁保发〔2026〕99号', '旧文件', '秘密', '5年', 2, '0001-0002', '李明', '办公室', '已销毁', '2026-06-01'],
    ],
    'utf-8-bom',
  );
  await okAsync(t.service, 'import.apply', { register: 'documents', fileName: '旧收文.csv', data: csv.toString('base64'), defaults: { location: 'G-01' } });
  // 账物一致: a copy missing in a stocktake, never found.
  ok(t.service, 'documents.inventory', { missing: [{ documentId: d1, copyNos: [3] }], checkedBy: ['李明', '王芳'] });

  const pc = ok<{ id: number }>(t.service, 'computers.register', computerInput(1)).id;
  ok(t.service, 'computers.register', computerInput(2, { level: 'non_secret', network: 'internet', department: '财务科' }));
  ok(t.service, 'computers.repair', { id: pc, offSite: false, repairer: '信息科', reason: '硬盘故障', at: '2026-03-01' });
  ok(t.service, 'computers.backFromRepair', { id: pc, checkedBy: '李明', at: '2026-03-02' });
  const medium = ok<{ id: number }>(t.service, 'media.register', mediumInput(3)).id;
  ok(t.service, 'media.logUsage', { mediumId: medium, computerId: pc, user: '李明', purpose: '拷贝文件', dataLevel: 'secret', at: '2026-06-02' });
  return { t };
}

interface PackOut {
  document: ReportDocument;
  digest: string;
}
const pack = (t: SetUpLedger, language = 'zh-CN') => ok<PackOut>(t.service, 'statistics.pack', { year: YEAR, language });

const tables = (doc: ReportDocument) => doc.blocks.filter((b): b is Extract<ReportBlock, { kind: 'table' }> => b.kind === 'table');
const tableOf = (doc: ReportDocument, caption: string) => tables(doc).find((b) => b.caption === caption)!;
const column = (table: Extract<ReportBlock, { kind: 'table' }>, label: string) => table.rows.map((r) => r[table.columns.findIndex((c) => c.label === label)]);

/** The check list as {point index: [verdict, exceptions]}. */
function checks(doc: ReportDocument): Record<PackCheck, { checked: string; exceptions: string; verdict: string }> {
  const list = tableOf(doc, '自查要点及台账依据');
  return Object.fromEntries(
    PACK_CHECKS.map((check, i) => [check, { checked: list.rows[i]![2]!, exceptions: list.rows[i]![3]!, verdict: list.rows[i]![4]! }]),
  ) as never;
}

function png(width: number, height: number): string {
  const image = new PNG({ width, height });
  image.data.fill(200);
  return PNG.sync.write(image).toString('base64');
}
const chartIds = (doc: ReportDocument) => doc.blocks.flatMap((b) => (b.kind === 'chart' ? [b.chart.id] : []));
// Each its own size: the same picture twice is one file in word/media.
const drawn = (doc: ReportDocument) => Object.fromEntries(chartIds(doc).map((id, i) => [id, png(640, 320 + i)]));

describe('the annual pack: the check list', () => {
  it('names each exception the ledger holds by its number, and claims nothing it cannot back', async () => {
    const { t } = await yearLedger();
    const c = checks(pack(t).document);
    expect(c.registration).toMatchObject({ checked: '本年度收文登记 5 件', verdict: '有例外', exceptions: '2026-0002（无文号）' });
    expect(c.storage.verdict).toBe('符合');
    expect(c.copying).toMatchObject({ checked: '本年度复制 1 次', verdict: '符合', exceptions: '无' });
    expect(c.lending.verdict).toBe('有例外');
    expect(c.lending.exceptions).toBe('2026-0001 份号0002（逾期 3 天归还）、2026-0002 份号0001（逾期未还）');
    expect(c.returning).toMatchObject({ checked: '本年度应清退 2 件', verdict: '有例外', exceptions: '2026-0003（逾期未清退）、2026-0004（逾期清退）' });
    expect(c.destruction.verdict).toBe('有例外');
    expect(c.destruction.checked).toBe('本年度销毁、报废 2 次');
    expect(c.destruction.exceptions).toBe('2026-0005 份号0001-0002（无审批记录、销毁人和监销人不足两人）');
    expect(c.network).toMatchObject({ checked: '涉密计算机 1 台', verdict: '符合' });
    expect(c.plainProcessing.verdict).toBe('本年度无此事项');
    expect(c.crossUse).toMatchObject({ checked: '本年度介质使用登记 1 条', verdict: '符合' });
    expect(c.inventory).toMatchObject({ checked: '本年度清查 1 次', verdict: '有例外', exceptions: '2026-0001 份号0003（清查缺失，尚未找回）' });
    // Its one classified computer was registered without the security fields: not recorded, an exception (pack-monitoring.test.ts).
    expect(c.monitoring).toMatchObject({ checked: '涉密计算机 1 台', exceptions: 'BM-JSJ-1（未记录违规外联监控、未记录三合一）', verdict: '有例外' });
  });

  it('a copy from before approvals were records names a typed approver only: no approval record, an exception', async () => {
    const { t } = await yearLedger();
    // As a ledger kept before migration 7 holds it: the approver's name typed in, no approval record.
    withRaw(t, (db) =>
      db
        .prepare(
          `INSERT INTO events (document_id, kind, at, approver, details, recorded_at, recorded_by)
           VALUES (1, 'copy', '2026-02-01', '王局长', '{"sourceCopyNo":1,"copyNos":[9]}', '2026-02-01T02:00:00.000Z', 'zhangwei')`,
        )
        .run(),
    );
    const { document } = pack(t);
    expect(checks(document).copying).toMatchObject({ checked: '本年度复制 2 次', verdict: '有例外', exceptions: '2026-0001 份号0009（无审批记录）' });
    expect(column(tableOf(document, '复制登记'), '批准人')).toEqual(['', '陈主任（当面审批）']);
  });

  it('on an empty ledger: nothing this year, and the stocktake not assessed without one', () => {
    const t = makeLedger();
    const c = checks(pack(t).document);
    expect(c.copying.verdict).toBe('本年度无此事项');
    expect(c.inventory.verdict).toBe('未评估（台账无此记录）');
    expect(c.monitoring.verdict).toBe('本年度无此事项');
    expect(c.rectification.verdict).toBe('本年度无此事项');
  });
});

describe('the annual pack: its figures are the registers’ counts', () => {
  it('the summary quotes the statistics, the sections list as many rows as the registers of the year', async () => {
    const { t } = await yearLedger();
    const { document } = pack(t);
    const figures = ok<StatisticsView>(t.service, 'statistics.figures', { from: '2026-01-01', to: '2026-12-31' }).figures;
    const summary = tableOf(document, '主要数字');
    const quoted = Object.fromEntries(summary.rows.map((r) => [r[0], [r[1], r[2]]]));
    expect(quoted['收到密件']).toEqual([`${figures.received!.count} 件`, `${figures.received!.copies} 份`]);
    expect(quoted['复制']).toEqual([`${figures.copied!.count} 次`, `${figures.copied!.copies} 份`]);
    // A figure counted in 份 says its number once.
    expect(quoted['逾期归还']).toEqual(['1 份', '']);
    expect(quoted['涉密计算机']).toEqual(['1 台', '']);

    const register = (name: string) =>
      ok<PrintPayload>(t.service, 'print.prepare', { request: { kind: 'sheet', name, filters: { year: YEAR } } }).document.rows.length;
    expect(tableOf(document, '复制登记').rows).toHaveLength(register('copies'));
    expect(tableOf(document, '借阅登记').rows).toHaveLength(register('loans'));
    expect(tableOf(document, '涉密计算机登记备案').rows).toHaveLength(
      ok<PrintPayload>(t.service, 'print.prepare', { request: { kind: 'sheet', name: 'secret-computers' } }).document.rows.length,
    );
    expect(tableOf(document, '涉密存储介质登记备案').rows).toHaveLength(
      ok<PrintPayload>(t.service, 'print.prepare', { request: { kind: 'sheet', name: 'secret-media' } }).document.rows.length,
    );

    // 收到密件 by 密级 and 载体形式 (件 / 份): the 合计 row is the figure.
    const received = tableOf(document, '收到密件（按密级、载体形式）');
    expect(received.rows.at(-1)).toEqual([
      '合计',
      `${figures.received!.count} / ${figures.received!.copies}`,
      `${figures.received!.count} / ${figures.received!.copies}`,
    ]);
    // 复制 names the approval record; 借阅 its return; 销毁 where it went and who.
    expect(column(tableOf(document, '复制登记'), '批准人')).toEqual(['陈主任（当面审批）']);
    expect(column(tableOf(document, '借阅登记'), '归还时间')).toEqual(['2026-11-13', '', '']);
    const disposed = tableOf(document, '销毁、报废登记');
    expect(column(disposed, '流向')).toEqual(['（导入的历史记录）', '符合保密标准的碎纸机 保密室']);
    expect(column(disposed, '监销人')).toEqual(['', '王芳']);
    expect(column(tableOf(document, '维修登记'), '维修单位')).toEqual(['信息科']);
    expect(document.markingText).toBe('机密');
  });

  it('a list longer than the pack shows says how many in all, and where the rest are', () => {
    const t = makeLedger();
    const a = ok<{ id: number }>(t.service, 'locations.create', { code: 'G-01', name: '一号柜', maxLevel: 'secret' }).id;
    const doc = ok<{ id: number }>(t.service, 'documents.receive', receiveInput(a, { receivedAt: '2026-10-10', issueDate: '2026-10-01', copies: 501 })).id;
    for (let copyNo = 1; copyNo <= 501; copyNo += 1)
      ok(t.service, 'documents.lend', {
        documentId: doc,
        copyNos: [copyNo],
        borrower: { name: '王芳', department: '办公室' },
        dueAt: '2026-12-20',
        at: '2026-11-01',
      });
    const { document } = pack(t);
    const loans = document.blocks.findIndex((b) => b.kind === 'table' && b.caption === '借阅登记');
    expect((document.blocks[loans] as Extract<ReportBlock, { kind: 'table' }>).rows).toHaveLength(500);
    expect(document.blocks[loans + 1]).toEqual({
      kind: 'paragraph',
      text: '共 501 条，此处列出前 500 条；全部条目请在“统计”中打开该项数字，打印或导出其明细。',
    });
    expect(Object.fromEntries(tableOf(document, '主要数字').rows.map((r) => [r[0], r[1]]))['借阅']).toBe('501 次');
  });

  it('is reproducible: the same year and ledger give the same blocks and digest; only the build line moves', async () => {
    const { t } = await yearLedger();
    const first = pack(t);
    // A month later by the clock, nothing entered since: overdue is as of the ledger's last entry, so nothing moves.
    t.clock.jumpWall(30 * 86_400_000);
    const second = pack(t);
    expect(second.digest).toBe(first.digest);
    const withoutHead = (doc: ReportDocument) => doc.blocks.filter((b) => !(b.kind === 'paragraph' && b.text.startsWith('生成：')));
    expect(withoutHead(second.document)).toEqual(withoutHead(first.document));
    expect(second.document.blocks).not.toEqual(first.document.blocks);
    // In each language its own words: the check list's points and verdicts, the headings.
    const en = pack(t, 'en').document;
    expect(en.title).toBe('Secrecy work ledger (carriers and devices)');
    const enChecks = tableOf(en, 'Points and the ledger’s evidence');
    expect(enChecks.rows.map((r) => r[4])).toContain('Exceptions');
    expect(enChecks.rows.map((r) => r[3]).join(' ')).toContain('2026-0001 copy 0002 (back 3 days late)');
    expect(en.blocks.filter((b) => b.kind === 'heading').map((b) => (b as { text: string }).text)).not.toContainEqual(expect.stringMatching(/[\u4e00-\u9fff]/));
    const tw = pack(t, 'zh-TW').document;
    expect(tableOf(tw, '自查要點及台帳依據').rows.map((r) => r[3])).toContain('BM-JSJ-1（未記錄違規外聯監控、未記錄三合一）');
  });
});

describe('the annual pack: publication reviews and findings (issue 19)', () => {
  it('counts the year’s reviews by decision and lists them; lists the findings of the year with where each stands', () => {
    const t = makeLedger();
    const approver = createApprover(t, '陈主任');
    const countersign = { approverId: approver.id, password: approver.password };
    const open = (title: string, at: string) =>
      ok<{ id: number }>(t.service, 'publication.open', { title, department: '办公室', channel: 'website', submittedBy: '赵六', at }).id;
    const decide = (id: number, verdict: string, changes = '') => ok(t.service, 'publication.decide', { id, verdict, reasons: '经审查', changes, countersign });
    const a = open('2026年度政务公开工作总结', '2026-11-02');
    decide(a, 'approve');
    ok(t.service, 'publication.publish', { id: a, place: '门户网站', at: '2026-11-25' });
    decide(open('内部会议纪要', '2026-11-04'), 'refuse');
    decide(open('工作动态第3期', '2026-11-05'), 'approve_with_changes', '删去人员名单');
    open('通知公告', '2026-11-06');

    const pc = ok<{ id: number }>(t.service, 'computers.register', computerInput(1)).id;
    const finding = (over: Record<string, unknown>) =>
      ok<{ id: number }>(t.service, 'findings.register', {
        source: 'self_inspection',
        foundOn: '2026-11-10',
        description: '保密柜钥匙未随身保管',
        place: '保密室',
        severity: 'minor',
        owner: '李明',
        deadline: '2026-11-20',
        measures: '专人保管',
        ...over,
      }).id;
    const closed = finding({});
    ok(t.service, 'findings.close', { id: closed, done: '已配发钥匙盒', closedOn: '2026-11-15', confirmation: countersign });
    finding({ source: 'computer_check', computerId: pc, description: '未安装违规外联监控', severity: 'grave', deadline: '2026-11-22' });
    finding({ description: '借阅登记不全', deadline: '2026-12-31' });
    // Last year's, not closed when this year began: listed too; last year's closed then: not.
    const old = finding({ foundOn: '2025-12-01', deadline: '2025-12-20', description: '去年的问题' });
    const done = finding({ foundOn: '2025-11-01', deadline: '2025-11-20', description: '去年已整改' });
    ok(t.service, 'findings.close', { id: done, done: '已整改', closedOn: '2025-11-15', confirmation: countersign });
    ok(t.service, 'findings.close', { id: old, done: '已整改', closedOn: '2026-01-10' });

    const { document } = pack(t);
    const headings = document.blocks.filter((b) => b.kind === 'heading').map((b) => (b as { text: string }).text);
    expect(headings.slice(headings.indexOf('维修'))).toEqual(['维修', '信息公开保密审查', '问题及整改', '三、自查要点']);
    expect(tableOf(document, '审查结论统计').rows).toEqual([
      ['同意公开', '1'],
      ['修改后公开', '1'],
      ['不予公开', '1'],
      ['待审查', '1'],
      ['撤回', '0'],
      ['合计', '4'],
      ['其中已公开', '1'],
    ]);
    const reviews = tableOf(document, '信息公开保密审查登记');
    expect(column(reviews, '拟公开信息')).toEqual(['2026年度政务公开工作总结', '内部会议纪要', '工作动态第3期', '通知公告']);
    expect(column(reviews, '审查意见')).toEqual(['同意公开', '不予公开', '修改后公开', '']);
    expect(column(reviews, '审查人')).toEqual(['陈主任', '陈主任', '陈主任', undefined].map((v) => v ?? ''));
    expect(column(reviews, '审查状态')[0]).toBe('已公开 2026-11-25');

    const findings = tableOf(document, '问题整改登记');
    expect(column(findings, '发现的问题')).toEqual([
      '自查：去年的问题（保密室，一般）',
      '自查：保密柜钥匙未随身保管（保密室，一般）',
      '计算机检查 BM-JSJ-1：未安装违规外联监控（保密室，严重）',
      '自查：借阅登记不全（保密室，一般）',
    ]);
    expect(column(findings, '状态')).toEqual(['整改完成待确认', '已整改 陈主任（当面确认）', '逾期未整改', '整改中']);
    expect(column(findings, '整改情况')[1]).toBe('已配发钥匙盒 2026-11-15');
    // 自查要点: the finding open past its deadline is an exception, and so is last year's, done in January after its deadline.
    expect(checks(document).rectification).toEqual({
      checked: '本年度问题 4 项',
      exceptions: 'ZG-2025-001（逾期 21 天整改）、ZG-2026-002（逾期未整改）',
      verdict: '有例外',
    });
    const count = document.blocks.find((b) => b.kind === 'paragraph' && b.text.startsWith('本年度问题'));
    expect(count).toMatchObject({ text: '本年度问题 4 项（含以前年度未整改完毕的）：已整改 1 项，整改完成待确认 1 项，整改中 1 项，逾期未整改 1 项。' });
  });

  it('says none of either on a year without them', () => {
    const t = makeLedger();
    const paragraphs = pack(t).document.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));
    expect(paragraphs).toContain('信息公开保密审查登记：无');
    expect(paragraphs).toContain('问题整改登记：无');
  });
});

describe('the annual pack printed', () => {
  it('print kind annual-pack prints the same pack, and its print is an audit entry named by its title and year', async () => {
    const { t } = await yearLedger();
    const { document } = pack(t);
    const printed = ok<{ document: ReportDocument; meta: { printId: string } }>(t.service, 'print.prepare', { request: { kind: 'annual-pack', year: YEAR } });
    expect(printed.document.blocks.filter((b) => b.kind !== 'paragraph')).toEqual(document.blocks.filter((b) => b.kind !== 'paragraph'));
    ok(t.service, 'print.record', { printId: printed.meta.printId, pages: 6, destination: 'pdf' });
    expect(auditRows(t).at(-1)).toMatchObject({ action: 'print.record', target: '保密工作台账（载体和设备部分） 2026年度' });
  });
});

describe('the annual pack as a Word document', () => {
  it('has the tables, the figures and the charts as PNGs, the marking in the header and 第 N 页 共 M 页 in the footer', async () => {
    const { t } = await yearLedger();
    const { document, digest } = pack(t);
    expect(chartIds(document).length).toBeGreaterThan(0);
    const out = await okAsync<{ fileName: string; data: string; marking: string }>(t.service, 'statistics.packDocx', {
      year: YEAR,
      language: 'zh-CN',
      digest,
      charts: drawn(document),
    });
    expect(out.fileName).toMatch(/\.docx$/);
    const zip = await JSZip.loadAsync(Buffer.from(out.data, 'base64'));
    const xml = await zip.file('word/document.xml')!.async('string');
    const words = xml.replace(/<[^>]+>/g, '');
    for (const caption of ['收到密件', '复制', '借阅', '销毁 / 报废', '涉密计算机', '涉密存储介质', '维修', '主要数字', '三、自查要点'])
      expect(words).toContain(caption);
    expect(words).toContain('2026-0002（无文号）');
    expect(words).toContain('BM-JSJ-1（未记录违规外联监控、未记录三合一）');
    // Each chart with the table of its numbers under it, as printed.
    expect(words).toContain('单位：份');
    expect(xml).toContain('<w:tblHeader/>');
    const media = Object.keys(zip.files).filter((f) => f.startsWith('word/media/'));
    expect(media).toHaveLength(chartIds(document).length);
    for (const f of media) expect((await zip.file(f)!.async('nodebuffer')).subarray(1, 4).toString()).toBe('PNG');
    const header = await zip.file(/word\/header\d+\.xml/)[0]!.async('string');
    expect(header.replace(/<[^>]+>/g, '')).toBe('机密');
    const footer = await zip.file(/word\/footer\d+\.xml/)[0]!.async('string');
    expect(footer).toMatch(/PAGE[\s\S]*NUMPAGES/);
    expect(footer.replace(/<[^>]+>/g, '')).toMatch(/^第 .* 页 共 .* 页$/);
    const core = await zip.file('docProps/core.xml')!.async('string');
    expect(core).toContain(`<dcterms:created xsi:type="dcterms:W3CDTF">${new Date(t.clock.now).toISOString()}</dcterms:created>`);
    // A4 portrait.
    expect(xml).toContain('w:w="11906" w:h="16838"');
    // The export is an audit entry, and it leaves the figures as they were: the same digest after it.
    expect(pack(t).digest).toBe(digest);
  });

  it('is refused once the ledger changed since the charts were drawn, and for charts that are not the pack’s or not PNGs', async () => {
    const { t } = await yearLedger();
    const { document, digest } = pack(t);
    const charts = drawn(document);
    const [first] = chartIds(document);
    expect((await refusedAsync(t.service, 'statistics.packDocx', { year: YEAR, digest, charts: { ...charts, other: png(10, 10) } })).code).toBe('E_VALIDATION');
    expect(
      (await refusedAsync(t.service, 'statistics.packDocx', { year: YEAR, digest, charts: { ...charts, [first!]: Buffer.from('GIF89a').toString('base64') } }))
        .code,
    ).toBe('E_VALIDATION');
    const a = ok<{ id: number }[]>(t.service, 'locations.list', {});
    ok(t.service, 'documents.receive', receiveInput(a[0]!.id, { receivedAt: '2026-11-24', issueDate: '2026-11-01' }));
    const changed = await refusedAsync(t.service, 'statistics.packDocx', { year: YEAR, digest, charts });
    expect(changed).toMatchObject({ code: 'E_STATISTICS_CHANGED', details: { year: YEAR } });
    expect(refused(t.service, 'statistics.pack', { year: 1900 }).code).toBe('E_VALIDATION');
  });
});
