// 信息公开保密审查: the commands. The custodian opens a review, records the publication and withdraws an undecided
// one; an approver decides and confirms the changes, signed in themselves or countersigning on the spot at the
// custodian's desk (their own password). Each write is one audit entry naming the review's number with what an
// inspector asks of it: the item, its department and channel, the decision and who gave it, where and when it went out.
// No import: a decision is given in the app by the approver, never read from a sheet.
import { z } from 'zod';
import { command, recorder, registerRead, registerWrite } from '../../command-kit';
import { PUBLICATION_CHANNELS, PUBLICATION_DECISIONS, PUBLICATION_STATES } from '../../domain/publication';
import { at, id, optionalText, text } from '../fields';
import { confirmChanges, decideReview, openReview, publishReview, signerOf, withdrawReview } from './operations';
import { getReview, listReviews, reviewsOfYear, toReviewView } from './queries';

/** Who signs a review's decision or confirmation: the approver signed in, or the custodian with the approver on the spot. */
const SIGNERS = ['custodian', 'approver'] as const;
const year = z.number().int().min(1949).max(2200);
/** The approver's own password, checked against their key slot and never kept. */
const countersign = z
  .object({ approverId: id, password: z.string().min(1).max(200) })
  .strict()
  .optional();

export const publicationCommands = {
  'publication.open': registerWrite({
    input: z
      .object({
        title: text(200),
        department: text(50),
        channel: z.enum(PUBLICATION_CHANNELS),
        documentId: id.optional(),
        telegram: z.boolean().default(false),
        abstract: optionalText(500),
        submittedBy: text(50),
        at,
      })
      .strict(),
    run: (rec, input, ctx) => openReview(rec, ctx.session.accountId, input),
    target: (_ctx, _input, out) => out.reviewNo,
    summary: (input) => ({
      title: input.title,
      department: input.department,
      publicationChannel: input.channel,
      ...(input.documentId !== undefined ? { documentId: input.documentId } : {}),
      telegram: input.telegram,
      submittedBy: input.submittedBy,
      at: input.at,
    }),
  }),

  'publication.decide': command({
    input: z.object({ id, verdict: z.enum(PUBLICATION_DECISIONS), reasons: text(500), changes: optionalText(500), countersign }).strict(),
    roles: SIGNERS,
    mutates: true,
    run(ctx, input) {
      const signer = signerOf(ctx, input.countersign);
      const review = decideReview(recorder(ctx), signer, input);
      ctx.note({
        target: review.review_no,
        summary: {
          verdict: input.verdict,
          reasons: input.reasons,
          ...(review.changes ? { changes: review.changes } : {}),
          reviewer: signer.name,
          signedWay: signer.way,
        },
      });
      return toReviewView(review);
    },
  }),

  'publication.confirmChanges': command({
    input: z.object({ id, note: text(500), countersign }).strict(),
    roles: SIGNERS,
    mutates: true,
    run(ctx, input) {
      const signer = signerOf(ctx, input.countersign);
      const review = confirmChanges(recorder(ctx), signer, input);
      ctx.note({ target: review.review_no, summary: { note: input.note, reviewer: signer.name, signedWay: signer.way } });
      return toReviewView(review);
    },
  }),

  'publication.publish': registerWrite({
    input: z.object({ id, place: text(200), headersRemoved: z.boolean().default(false), at }).strict(),
    run: (rec, input) => toReviewView(publishReview(rec, input)),
    target: (_ctx, _input, out) => out.reviewNo,
    summary: (input, out) => ({ place: input.place, at: out.publication!.at, ...(out.telegram ? { headersRemoved: input.headersRemoved } : {}) }),
  }),

  'publication.withdraw': registerWrite({
    input: z.object({ id, reason: text(200), at }).strict(),
    run: (rec, input) => toReviewView(withdrawReview(rec, input)),
    target: (_ctx, _input, out) => out.reviewNo,
    summary: (input, out) => ({ reason: input.reason, at: out.withdrawal!.at }),
  }),

  'publication.list': registerRead(z.object({ year: year.optional(), state: z.enum(PUBLICATION_STATES).optional() }).strict(), (ctx, input) =>
    listReviews(ctx.db, input),
  ),
  'publication.get': registerRead(z.object({ id }).strict(), (ctx, input) => getReview(ctx.db, input.id)),
  /** The year's reviews and their counts by decision (the annual pack's and the statistics' figures). */
  'publication.year': registerRead(z.object({ year }).strict(), (ctx, input) => reviewsOfYear(ctx.db, input.year)),
};
