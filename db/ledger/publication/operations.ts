// 信息公开保密审查 (先审查后公开, 一事一审): open a review, decide it, confirm the changes it asked, record the
// publication, withdraw it before a decision. Each checks its rules before it writes and runs inside the command's
// transaction; every row it writes is history (append-only). Decisions and confirmations are an approver account's:
// signed in themselves, or countersigned on the spot with their own password, never a typed name.
import type { PublicationChannel, PublicationDecision, PublicationState } from '../../domain/publication';
import { PUBLICATION_REVIEW_PREFIX } from '../../domain/publication';
import type { SignedInContext } from '../../context';
import { LedgerError } from '../../errors';
import { all, get, run, sql, type Db } from '../../store/sql';
import { countersignature } from '../approvals/use';
import { assertNotBefore, dayOfTime, happenedBefore, requireDocument, yearOf, type Recorder } from '../documents/model';
import { batchNumber } from '../documents/operations';
import { carryOutPublication } from '../documents/conveyance';
import { itemKey, requireReview, stateOf, STANDING_STATES, type ReviewRow } from './model';

/** An approver's own password given on the spot, for a decision or a confirmation recorded by the custodian. */
export interface Countersign {
  approverId: number;
  password: string;
}

/** Who signs a decision or a confirmation: the approver signed in, or the one who countersigns on the spot. */
export interface Signer {
  id: number;
  name: string;
  way: 'in_app' | 'on_the_spot';
}

/**
 * The approver account behind a decision: the one countersigning on the spot (never the account signed in), or else
 * the account signed in when it is an approver's. A custodian without a countersignature has no one to sign.
 */
export function signerOf(ctx: SignedInContext, countersign: Countersign | undefined): Signer {
  if (countersign) {
    const approver = countersignature(ctx, countersign.approverId, countersign.password);
    return { id: approver.id, name: approver.displayName, way: 'on_the_spot' };
  }
  if (!ctx.session.roles.includes('approver')) throw new LedgerError('E_VALIDATION', { field: 'approver' });
  return { id: ctx.session.accountId, name: ctx.session.displayName, way: 'in_app' };
}

/** The one who opened a review never decides or confirms it. */
function assertNotOpener(review: ReviewRow, signer: Signer): void {
  if (review.opened_by === signer.id) throw new LedgerError('E_SELF_APPROVAL', { approvalNo: review.review_no });
}

function assertState(review: ReviewRow, allowed: readonly PublicationState[], action: 'decide' | 'confirm' | 'publish' | 'withdraw'): void {
  const state = stateOf(review);
  if (!allowed.includes(state)) throw new LedgerError('E_REVIEW_STATE', { reviewNo: review.review_no, state, action });
}

/** 一事一审: no second review of an item while one stands (undecided, approved, published). */
function assertNoneStanding(db: Db, key: string, title: string): void {
  const rows = all<ReviewRow>(
    db,
    sql`SELECT r.review_no, d.decision, c.confirmed_at, p.published_at, w.at AS withdrawn_at
        FROM publication_reviews r
        LEFT JOIN publication_decisions d ON d.review_id = r.id
        LEFT JOIN publication_confirmations c ON c.review_id = r.id
        LEFT JOIN publication_releases p ON p.review_id = r.id
        LEFT JOIN publication_withdrawals w ON w.review_id = r.id
        WHERE r.item_key = ${key}`,
  );
  const standing = rows.find((r) => STANDING_STATES.includes(stateOf(r)));
  if (standing) throw new LedgerError('E_REVIEW_STANDS', { reviewNo: standing.review_no, title });
}

export interface OpenReviewInput {
  title: string;
  department: string;
  channel: PublicationChannel;
  documentId?: number | undefined;
  telegram: boolean;
  /** 内容摘要. */
  abstract: string;
  submittedBy: string;
  at: string;
}

/**
 * 送审登记: one item proposed for publication (what, from which department, where), linked to the ledger document
 * when it is one (a telegram document makes it a telegram's review). Dated not before the document's registration.
 */
export function openReview(rec: Recorder, accountId: number, input: OpenReviewInput): { id: number; reviewNo: string } {
  let telegram = input.telegram;
  if (input.documentId !== undefined) {
    const doc = requireDocument(rec.db, input.documentId);
    if (doc.voided_at) throw new LedgerError('E_VOIDED', { receiptNo: doc.receipt_no });
    assertNotBefore(input.at, doc.registered_at, 'before_registration');
    if (doc.carrier === 'telegram') telegram = true;
  }
  const key = itemKey(input);
  assertNoneStanding(rec.db, key, input.title);
  const year = yearOf(dayOfTime(input.at));
  const seq = (get<{ n: number | null }>(rec.db, sql`SELECT max(seq) AS n FROM publication_reviews WHERE year = ${year}`)?.n ?? 0) + 1;
  const reviewNo = batchNumber(PUBLICATION_REVIEW_PREFIX, year, seq);
  const id = Number(
    run(
      rec.db,
      sql`INSERT INTO publication_reviews (review_no, year, seq, title, department, channel, document_id, telegram, content, submitted_by, item_key,
                                           opened_at, opened_by, recorded_at, recorded_by)
          VALUES (${reviewNo}, ${year}, ${seq}, ${input.title}, ${input.department}, ${input.channel}, ${input.documentId ?? null}, ${telegram},
                  ${input.abstract}, ${input.submittedBy}, ${key}, ${input.at}, ${accountId}, ${rec.now}, ${rec.actor})`,
    ).lastInsertRowid,
  );
  return { id, reviewNo };
}

export interface DecideInput {
  id: number;
  verdict: PublicationDecision;
  reasons: string;
  changes?: string | undefined;
}

/** 审查决定: once, by an approver account that did not open the review, dated now (never before the review was opened). */
export function decideReview(rec: Recorder, signer: Signer, input: DecideInput): ReviewRow {
  const review = requireReview(rec.db, input.id);
  assertState(review, ['pending'], 'decide');
  assertNotOpener(review, signer);
  assertNotBefore(rec.now, review.opened_at, 'before_opening');
  const changes = input.verdict === 'approve_with_changes' ? input.changes?.trim() : undefined;
  if (input.verdict === 'approve_with_changes' && !changes) throw new LedgerError('E_VALIDATION', { field: 'change' });
  run(
    rec.db,
    sql`INSERT INTO publication_decisions (review_id, decision, reasons, changes, way, decided_by, decided_at, recorded_at, recorded_by)
        VALUES (${review.id}, ${input.verdict}, ${input.reasons}, ${changes ?? null}, ${signer.way}, ${signer.id}, ${rec.now}, ${rec.now}, ${rec.actor})`,
  );
  return requireReview(rec.db, review.id);
}

/** 修改后公开: an approver confirms the changes asked were made (not the one who opened it), before it may be published. */
export function confirmChanges(rec: Recorder, signer: Signer, input: { id: number; note: string }): ReviewRow {
  const review = requireReview(rec.db, input.id);
  assertState(review, ['awaiting_changes'], 'confirm');
  assertNotOpener(review, signer);
  run(
    rec.db,
    sql`INSERT INTO publication_confirmations (review_id, note, way, confirmed_by, confirmed_at, recorded_at, recorded_by)
        VALUES (${review.id}, ${input.note}, ${signer.way}, ${signer.id}, ${rec.now}, ${rec.now}, ${rec.actor})`,
  );
  return requireReview(rec.db, review.id);
}

/**
 * 登记公开: only a cleared review (同意公开, or 修改后公开 with its changes confirmed), dated not before it was cleared
 * nor in the future; a telegram's only once declassified and with its headers and codes removed.
 */
export function publishReview(rec: Recorder, input: { id: number; place: string; headersRemoved: boolean; at: string }): ReviewRow {
  const review = requireReview(rec.db, input.id);
  const state = stateOf(review);
  if (state === 'published' || state === 'withdrawn') throw new LedgerError('E_REVIEW_STATE', { reviewNo: review.review_no, state, action: 'publish' });
  if (state !== 'cleared') throw new LedgerError('E_NOT_CLEARED_FOR_PUBLICATION', { reviewNo: review.review_no, state });
  if (review.telegram) {
    if (review.document_id !== null) {
      const doc = requireDocument(rec.db, review.document_id);
      if (doc.level !== 'internal' && !doc.declassified) {
        throw new LedgerError('E_TELEGRAM_HEADERS', { reviewNo: review.review_no, rule: 'classified', receiptNo: doc.receipt_no });
      }
    }
    if (!input.headersRemoved) throw new LedgerError('E_TELEGRAM_HEADERS', { reviewNo: review.review_no, rule: 'headers' });
  }
  const cleared = review.confirmed_at ?? review.decided_at!;
  if (happenedBefore(input.at, cleared)) throw new LedgerError('E_DATE_ORDER', { rule: 'before_approval', at: input.at, earliest: dayOfTime(cleared) });
  run(
    rec.db,
    sql`INSERT INTO publication_releases (review_id, published_at, place, headers_removed, recorded_at, recorded_by)
        VALUES (${review.id}, ${input.at}, ${input.place}, ${review.telegram === 1 && input.headersRemoved}, ${rec.now}, ${rec.actor})`,
  );
  // A ledger document not declassified goes out only as its 公开方案 allows, and its publication carries that plan out.
  if (review.document_id !== null)
    carryOutPublication(rec, { documentId: review.document_id, reviewId: review.id, reference: `${review.review_no} ${input.place}`, at: input.at });
  return requireReview(rec.db, review.id);
}

/** 撤回: a review no decision was given to, withdrawn with its reason (it stays in the register as withdrawn). */
export function withdrawReview(rec: Recorder, input: { id: number; reason: string; at: string }): ReviewRow {
  const review = requireReview(rec.db, input.id);
  assertState(review, ['pending'], 'withdraw');
  assertNotBefore(input.at, review.opened_at, 'before_opening');
  run(
    rec.db,
    sql`INSERT INTO publication_withdrawals (review_id, reason, at, recorded_at, recorded_by) VALUES (${review.id}, ${input.reason}, ${input.at}, ${rec.now}, ${rec.actor})`,
  );
  return requireReview(rec.db, review.id);
}
