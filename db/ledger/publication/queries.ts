// 信息公开保密审查: the register's reads: the reviews (filtered by year and state), one review, and a year's reviews
// with their counts by decision for the annual pack (reviewsOfYear).
import type { PublicationChannel, PublicationDecision, PublicationState } from '../../domain/publication';
import type { Db } from '../../store/sql';
import { requireReview, selectReviews, stateOf, type ReviewRow } from './model';

export interface ReviewSignature {
  /** The approver account's display name. */
  by: string;
  way: 'in_app' | 'on_the_spot';
  at: string;
}

export interface ReviewView {
  id: number;
  reviewNo: string;
  year: number;
  title: string;
  department: string;
  channel: PublicationChannel;
  documentId: number | null;
  /** The linked document's 收文编号. */
  receiptNo: string | null;
  telegram: boolean;
  content: string;
  /** 承办人: who in the department submitted it. */
  submittedBy: string;
  openedAt: string;
  recordedBy: string;
  state: PublicationState;
  decision: (ReviewSignature & { verdict: PublicationDecision; reasons: string; changes: string | null }) | null;
  confirmation: (ReviewSignature & { note: string }) | null;
  publication: { at: string; place: string; headersRemoved: boolean } | null;
  withdrawal: { at: string; reason: string } | null;
}

export function toReviewView(r: ReviewRow): ReviewView {
  return {
    id: r.id,
    reviewNo: r.review_no,
    year: r.year,
    title: r.title,
    department: r.department,
    channel: r.channel,
    documentId: r.document_id,
    receiptNo: r.receipt_no,
    telegram: r.telegram === 1,
    content: r.content,
    submittedBy: r.submitted_by,
    openedAt: r.opened_at,
    recordedBy: r.recorded_by,
    state: stateOf(r),
    decision:
      r.decision === null
        ? null
        : { verdict: r.decision, reasons: r.reasons ?? '', changes: r.changes, by: r.decider_name ?? '', way: r.decision_way!, at: r.decided_at! },
    confirmation:
      r.confirmed_at === null ? null : { note: r.confirmation_note ?? '', by: r.confirmer_name ?? '', way: r.confirmation_way!, at: r.confirmed_at },
    publication: r.published_at === null ? null : { at: r.published_at, place: r.place ?? '', headersRemoved: r.headers_removed === 1 },
    withdrawal: r.withdrawn_at === null ? null : { at: r.withdrawn_at, reason: r.withdrawal_reason ?? '' },
  };
}

export interface ReviewFilters {
  year?: number | undefined;
  state?: PublicationState | undefined;
}

/** The register in its order (year, number), filtered by the review's year and where it stands. */
export function listReviews(db: Db, filters: ReviewFilters = {}): ReviewView[] {
  const rows = selectReviews(db, filters.year).map(toReviewView);
  return filters.state === undefined ? rows : rows.filter((r) => r.state === filters.state);
}

export const getReview = (db: Db, id: number): ReviewView => toReviewView(requireReview(db, id));

/** A year's reviews counted: by decision (undecided and withdrawn apart), and how many were published. */
export interface ReviewCounts {
  total: number;
  approve: number;
  approve_with_changes: number;
  refuse: number;
  /** Not yet decided (and not withdrawn). */
  pending: number;
  withdrawn: number;
  published: number;
}

export function countReviews(rows: readonly ReviewView[]): ReviewCounts {
  const counts: ReviewCounts = { total: rows.length, approve: 0, approve_with_changes: 0, refuse: 0, pending: 0, withdrawn: 0, published: 0 };
  for (const r of rows) {
    if (r.decision) counts[r.decision.verdict] += 1;
    else if (r.withdrawal) counts.withdrawn += 1;
    else counts.pending += 1;
    if (r.publication) counts.published += 1;
  }
  return counts;
}

/**
 * The annual pack's publication reviews: every review opened in the year (by its number's year, as the register
 * prints it), in order, and their counts by decision.
 */
export function reviewsOfYear(db: Db, year: number): { year: number; rows: ReviewView[]; counts: ReviewCounts } {
  const rows = listReviews(db, { year });
  return { year, rows, counts: countReviews(rows) };
}
