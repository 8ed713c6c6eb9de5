// The audit log as the auditor reads it, and the check that its hash chain is intact.
import { z } from 'zod';
import { queryAudit, verifyChain, type AuditRow } from '../../audit/chain';
import { command } from '../../command-kit';
import type { AuditEntryView } from '../../views';
import { ADMIN, AUDITOR, empty, page } from '../fields';

function toAuditView(row: AuditRow): AuditEntryView {
  return {
    seq: row.seq,
    at: row.at,
    actor: row.actor,
    kind: row.kind,
    action: row.action,
    target: row.target,
    summary: JSON.parse(row.summary) as Record<string, unknown>,
    outcome: row.outcome,
    errorCode: row.error_code,
    hash: row.hash,
  };
}

export const auditCommands = {
  'audit.list': command({
    input: z
      .object({
        actor: z.string().trim().max(32).optional(),
        kind: z.string().trim().max(32).optional(),
        outcome: z.enum(['ok', 'refused', 'failed']).optional(),
        from: z.iso.datetime({ offset: true }).optional(),
        to: z.iso.datetime({ offset: true }).optional(),
        ...page,
      })
      .strict(),
    roles: AUDITOR,
    mutates: false,
    run(ctx, input) {
      const { total, rows } = queryAudit(ctx.db, {
        ...input,
        from: input.from && new Date(input.from).toISOString(),
        to: input.to && new Date(input.to).toISOString(),
      });
      return { total, rows: rows.map(toAuditView) };
    },
  }),
  'audit.verify': command({
    input: empty,
    // The administrator may check integrity too (it reveals no entry), e.g. from the operator CLI.
    roles: [...AUDITOR, ...ADMIN],
    mutates: true, // the check itself is an audit entry, recorded after the walk
    run(ctx) {
      const result = verifyChain(ctx.db, ctx.ledgerId);
      ctx.note({ summary: result.intact ? { intact: true, count: result.count } : { intact: false, firstBroken: result.firstBroken } });
      return result;
    },
  }),
};
