// 信息公开保密审查 on real ledgers: 一事一审, a decision by an approver account only (signed in, or countersigned on
// the spot), nothing published before it is cleared, a telegram published only declassified and with its headers
// removed, dates in order, nothing written on a refusal, the audit entries, and a year's counts for the annual pack.
import { describe, expect, it } from 'vitest';
import { auditFields } from '../../domain/audit';
import { auditRows, ok, withRaw } from '../../testing';
import { countReviews, reviewsOfYear, type ReviewView } from './queries';
import { ITEM, publicationLedger } from './fixture';

const rowsOf = (l: ReturnType<typeof publicationLedger>) =>
  withRaw(l.t, (db) =>
    ['publication_reviews', 'publication_decisions', 'publication_confirmations', 'publication_releases', 'publication_withdrawals'].map(
      (table) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n,
    ),
  );

describe('one review per item (一事一审)', () => {
  it('refuses a second review of an item while one stands, the same title however spaced and punctuated', () => {
    const l = publicationLedger();
    const first = l.open();
    expect(first.reviewNo).toBe('GK-2026-001');
    expect(l.get(first.id)).toMatchObject({ state: 'pending', title: ITEM.title, department: '办公室', channel: 'website', decision: null });
    expect(l.refused('publication.open', { ...ITEM, title: ' 2026 年度《政务公开工作总结》' })).toMatchObject({
      code: 'E_REVIEW_STANDS',
      details: { reviewNo: 'GK-2026-001' },
    });
    // Another channel is another publication, reviewed on its own; another department's item of that title is another item.
    expect(l.open({ channel: 'notice_board' }).reviewNo).toBe('GK-2026-002');
    expect(l.open({ department: '财务处' }).reviewNo).toBe('GK-2026-003');
    // Approved (and published), it still stands.
    l.decide(first.id, 'approve');
    expect(l.refused('publication.open', ITEM).code).toBe('E_REVIEW_STANDS');
    l.publish(first.id);
    expect(l.refused('publication.open', ITEM).code).toBe('E_REVIEW_STANDS');
  });

  it('a refused or withdrawn review no longer stands: the item, revised, is submitted again as a review of its own', () => {
    const l = publicationLedger();
    const a = l.open({ channel: 'notice_board' });
    l.decide(a.id, 'refuse', { reasons: '含有内部工作部署' });
    const b = l.open({ channel: 'notice_board' });
    ok(l.t.service, 'publication.withdraw', { id: b.id, reason: '送审材料有误', at: '2026-11-25' });
    expect(l.get(b.id)).toMatchObject({ state: 'withdrawn', withdrawal: { reason: '送审材料有误', at: '2026-11-25' } });
    expect(l.open({ channel: 'notice_board' }).reviewNo).toBe('GK-2026-003');
  });

  it('a ledger document is one item whatever its title is typed as; it is not reviewed before it was registered', () => {
    const l = publicationLedger();
    l.open({ title: '关于开展年度保密自查自评工作的通知', documentId: l.notice });
    expect(l.refused('publication.open', { ...ITEM, title: '自查通知', documentId: l.notice })).toMatchObject({ code: 'E_REVIEW_STANDS' });
    expect(l.refused('publication.open', { ...ITEM, channel: 'media', documentId: l.notice, at: '2026-11-19' })).toMatchObject({
      code: 'E_DATE_ORDER',
      details: { rule: 'before_registration' },
    });
    expect(l.refused('publication.open', { ...ITEM, channel: 'media', at: '2026-11-26' })).toMatchObject({ code: 'E_VALIDATION', details: { field: 'at' } });
  });
});

describe('the decision is an approver account’s (审查决定)', () => {
  it('the custodian records it only with the approver countersigning on the spot, with their own password', () => {
    const l = publicationLedger();
    const { id } = l.open();
    const input = { id, verdict: 'approve', reasons: '不涉密' };
    expect(l.refused('publication.decide', input)).toMatchObject({ code: 'E_VALIDATION', details: { field: 'approver' } });
    expect(l.refused('publication.decide', { ...input, countersign: { ...l.spot, password: 'wrong-password-1' } }).code).toBe('E_APPROVER_PASSWORD');
    expect(rowsOf(l)[1]).toBe(0);
    const decided = l.decide(id, 'approve');
    expect(decided).toMatchObject({
      state: 'cleared',
      decision: { verdict: 'approve', by: '王局长', way: 'on_the_spot', reasons: '不涉及国家秘密和工作秘密' },
    });
  });

  it('an approver signed in decides in the app; a review is decided once', () => {
    const l = publicationLedger();
    const { id } = l.open();
    const decided = l.asApprover(() =>
      ok<ReviewView>(l.t.service, 'publication.decide', {
        id,
        verdict: 'approve_with_changes',
        reasons: '第三段涉及内部数字',
        changes: '删去第三段的统计数字',
      }),
    );
    expect(decided).toMatchObject({ state: 'awaiting_changes', decision: { verdict: 'approve_with_changes', way: 'in_app', changes: '删去第三段的统计数字' } });
    expect(l.refused('publication.decide', { id, verdict: 'refuse', reasons: '再议', countersign: l.spot })).toMatchObject({
      code: 'E_REVIEW_STATE',
      details: { state: 'awaiting_changes', action: 'decide' },
    });
  });

  it('修改后公开 names what must change', () => {
    const l = publicationLedger();
    const { id } = l.open();
    expect(l.refused('publication.decide', { id, verdict: 'approve_with_changes', reasons: '需修改', countersign: l.spot })).toMatchObject({
      code: 'E_VALIDATION',
      details: { field: 'change' },
    });
  });
});

describe('nothing is published before it is cleared (先审查后公开)', () => {
  it('refuses an undecided, a refused and a not yet changed item; 修改后公开 is published once an approver confirmed the changes', () => {
    const l = publicationLedger();
    const pending = l.open();
    expect(l.refused('publication.publish', { id: pending.id, place: '门户网站', at: '2026-11-25' })).toMatchObject({
      code: 'E_NOT_CLEARED_FOR_PUBLICATION',
      details: { reviewNo: pending.reviewNo, state: 'pending' },
    });
    const refusedOne = l.open({ channel: 'notice_board' });
    l.decide(refusedOne.id, 'refuse', { reasons: '涉及工作秘密' });
    expect(l.refused('publication.publish', { id: refusedOne.id, place: '公开栏', at: '2026-11-25' })).toMatchObject({
      code: 'E_NOT_CLEARED_FOR_PUBLICATION',
      details: { state: 'refused' },
    });
    l.decide(pending.id, 'approve_with_changes', { changes: '删去人员名单' });
    expect(l.refused('publication.publish', { id: pending.id, place: '门户网站', at: '2026-11-25' })).toMatchObject({
      code: 'E_NOT_CLEARED_FOR_PUBLICATION',
      details: { state: 'awaiting_changes' },
    });
    // The changes are confirmed by an approver too, never by the custodian alone.
    expect(l.refused('publication.confirmChanges', { id: pending.id, note: '已删去' })).toMatchObject({ code: 'E_VALIDATION', details: { field: 'approver' } });
    expect(l.refused('publication.confirmChanges', { id: refusedOne.id, note: '已删去', countersign: l.spot })).toMatchObject({
      code: 'E_REVIEW_STATE',
      details: { state: 'refused', action: 'confirm' },
    });
    expect(ok<ReviewView>(l.t.service, 'publication.confirmChanges', { id: pending.id, note: '已删去人员名单', countersign: l.spot })).toMatchObject({
      state: 'cleared',
      confirmation: { note: '已删去人员名单', by: '王局长', way: 'on_the_spot' },
    });
    expect(l.publish(pending.id)).toMatchObject({
      state: 'published',
      publication: { at: '2026-11-25', place: '门户网站 政务公开栏目', headersRemoved: false },
    });
    expect(l.refused('publication.publish', { id: pending.id, place: '门户网站', at: '2026-11-25' })).toMatchObject({
      code: 'E_REVIEW_STATE',
      details: { state: 'published', action: 'publish' },
    });
  });

  it('a publication is not dated before its decision, nor in the future', () => {
    const l = publicationLedger();
    const { id } = l.open();
    l.decide(id, 'approve');
    expect(l.refused('publication.publish', { id, place: '门户网站', at: '2026-11-24' })).toMatchObject({
      code: 'E_DATE_ORDER',
      details: { rule: 'before_approval', earliest: '2026-11-25' },
    });
    expect(l.refused('publication.publish', { id, place: '门户网站', at: '2026-11-26' })).toMatchObject({ code: 'E_VALIDATION', details: { field: 'at' } });
  });

  it('an undecided review is withdrawn, a decided one is not', () => {
    const l = publicationLedger();
    const { id } = l.open();
    l.decide(id, 'approve');
    expect(l.refused('publication.withdraw', { id, reason: '不再公开', at: '2026-11-25' })).toMatchObject({
      code: 'E_REVIEW_STATE',
      details: { state: 'cleared', action: 'withdraw' },
    });
  });
});

describe('a telegram’s publication (删除电报格式的报头等)', () => {
  it('a telegram document is published only declassified, and with its headers and codes removed', () => {
    const l = publicationLedger();
    const { id, reviewNo } = l.open({ title: '关于做好冬季安全生产工作的电报', documentId: l.telegram.id });
    expect(l.get(id)).toMatchObject({ telegram: true, receiptNo: l.telegram.receiptNo });
    l.decide(id, 'approve');
    expect(l.refused('publication.publish', { id, place: '门户网站', headersRemoved: true, at: '2026-11-25' })).toMatchObject({
      code: 'E_TELEGRAM_HEADERS',
      details: { rule: 'classified', receiptNo: l.telegram.receiptNo },
    });
    l.declassifyTelegram();
    expect(l.refused('publication.publish', { id, place: '门户网站', at: '2026-11-25' })).toMatchObject({
      code: 'E_TELEGRAM_HEADERS',
      details: { rule: 'headers', reviewNo },
    });
    expect(l.publish(id, { headersRemoved: true })).toMatchObject({ state: 'published', publication: { headersRemoved: true } });
  });

  it('an item flagged as a telegram (no ledger document) records the headers removed too', () => {
    const l = publicationLedger();
    const { id } = l.open({ telegram: true });
    l.decide(id, 'approve');
    expect(l.refused('publication.publish', { id, place: '门户网站', at: '2026-11-25' }).code).toBe('E_TELEGRAM_HEADERS');
    expect(l.publish(id, { headersRemoved: true }).publication).toMatchObject({ headersRemoved: true });
  });
});

describe('what the register keeps', () => {
  it('a refusal writes nothing; each write is one audit entry naming the review, the decision and who gave it', () => {
    const l = publicationLedger();
    const { id, reviewNo } = l.open();
    const before = rowsOf(l);
    l.refused('publication.publish', { id, place: '门户网站', at: '2026-11-25' });
    l.refused('publication.decide', { id, verdict: 'approve', reasons: '不涉密' });
    expect(rowsOf(l)).toEqual(before);
    l.decide(id, 'approve');
    const entries = auditRows(l.t).filter((r) => r.action.startsWith('publication.') && r.outcome === 'ok');
    expect(entries.map((e) => [e.action, e.target])).toEqual([
      ['publication.open', reviewNo],
      ['publication.decide', reviewNo],
    ]);
    expect(JSON.parse(entries[0]!.summary)).toMatchObject({ title: ITEM.title, department: '办公室', publicationChannel: 'website', submittedBy: '赵六' });
    const decision = JSON.parse(entries[1]!.summary) as Record<string, unknown>;
    expect(decision).toMatchObject({ verdict: 'approve', reviewer: '王局长', signedWay: 'on_the_spot' });
    expect(JSON.stringify(decision)).not.toContain(l.approver.password);
    // Read in words: no code among the values.
    const words = entries.flatMap((e) => auditFields(JSON.parse(e.summary) as Record<string, unknown>, 'zh-CN'));
    expect(words).toEqual(
      expect.arrayContaining([
        { labels: ['公开渠道'], value: '网站' },
        { labels: ['审查意见'], value: '同意公开' },
        { labels: ['签核方式'], value: '当面签核' },
        { labels: ['审查人'], value: '王局长' },
      ]),
    );
    expect(words.map((w) => `${w.labels.join('')}${w.value}`).join()).not.toMatch(/approve|on_the_spot|website|verdict|signedWay/);
  });

  it('reviewsOfYear: a year’s reviews in order and their counts by decision, for the annual pack', () => {
    const l = publicationLedger();
    const a = l.open();
    const b = l.open({ channel: 'notice_board' });
    const c = l.open({ channel: 'document_release' });
    const d = l.open({ channel: 'media' });
    l.open({ channel: 'other' });
    l.decide(a.id, 'approve');
    l.publish(a.id);
    l.decide(b.id, 'approve_with_changes', { changes: '删去附件' });
    l.decide(c.id, 'refuse');
    ok(l.t.service, 'publication.withdraw', { id: d.id, reason: '不再公开', at: '2026-11-25' });
    const year = withRaw(l.t, (db) => reviewsOfYear(db, 2026));
    expect(year.rows.map((r) => [r.reviewNo, r.state])).toEqual([
      ['GK-2026-001', 'published'],
      ['GK-2026-002', 'awaiting_changes'],
      ['GK-2026-003', 'refused'],
      ['GK-2026-004', 'withdrawn'],
      ['GK-2026-005', 'pending'],
    ]);
    expect(year.counts).toEqual({ total: 5, approve: 1, approve_with_changes: 1, refuse: 1, pending: 1, withdrawn: 1, published: 1 });
    expect(withRaw(l.t, (db) => reviewsOfYear(db, 2025))).toEqual({ year: 2025, rows: [], counts: countReviews([]) });
    expect(ok(l.t.service, 'publication.year', { year: 2026 })).toEqual(year);
  });
});
