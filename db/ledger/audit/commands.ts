// The audit log as the auditor reads it, the check that its hash chain is intact, and 核对打印件: what the
// `审计链 #seq hash` on a printout proves.
import { z } from 'zod';
import { queryAudit, verifyChain, verifyFrom, type AuditRow } from '../../audit/chain';
import { command } from '../../command-kit';
import { AUDIT_CATEGORIES, auditCategoryOf, auditFamiliesOf } from '../../domain/audit';
import { all, sql, type Db } from '../../store/sql';
import type { AuditEntryView, PrintoutCheckView } from '../../views';
import { ADMIN, AUDITOR, CUSTODIAN, empty, page } from '../fields';
import { refsOf } from './refs';

/** Categories whose entries name an account as their target. */
const ACCOUNT_TARGETS: ReadonlySet<string> = new Set(['accounts', 'session']);

function toAuditView(db: Db, row: AuditRow, names: ReadonlyMap<string, string>): AuditEntryView {
  const summary = JSON.parse(row.summary) as Record<string, unknown>;
  return {
    seq: row.seq,
    at: row.at,
    actor: row.actor,
    actorName: row.actor === null ? null : (names.get(row.actor.toLowerCase()) ?? null),
    kind: row.kind,
    category: auditCategoryOf(row.action),
    action: row.action,
    target: row.target,
    // An account is named by its login name in the log; people read its display name.
    targetName: ACCOUNT_TARGETS.has(auditCategoryOf(row.action) ?? '') && row.target !== null ? (names.get(row.target.toLowerCase()) ?? null) : null,
    summary,
    refs: refsOf(db, row.action, summary),
    outcome: row.outcome,
    errorCode: row.error_code,
    hash: row.hash,
  };
}

const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** The print entries whose pages showed the head #seq. */
function printsAt(db: Db, seq: number): PrintoutCheckView['prints'] {
  // Who printed, by display name as the printout's footer names them (the account name when the account is gone).
  const rows = all<AuditRow & { actor_name: string | null }>(
    db,
    sql`SELECT audit_log.*, accounts.display_name AS actor_name FROM audit_log LEFT JOIN accounts ON accounts.username = audit_log.actor
        WHERE action = 'print.record' AND outcome = 'ok' AND seq > ${seq} AND json_extract(summary, '$.auditSeq') = ${seq} ORDER BY seq`,
  );
  return rows.map((r) => {
    const s = JSON.parse(r.summary) as Record<string, unknown>;
    const reported = (s['reported'] ?? {}) as Record<string, unknown>;
    // Entries from before print.record kept what it was sent beside its pages (no `reported`).
    return {
      seq: r.seq,
      at: r.at,
      actor: r.actor_name ?? r.actor,
      title: str(s['title']) ?? '',
      pages: num(reported['pages'] ?? s['pages']),
      copies: num(s['copies']),
      destination: str(s['destination']),
    };
  });
}

export const auditCommands = {
  'audit.list': command({
    input: z
      .object({
        actor: z.string().trim().max(32).optional(),
        kind: z.string().trim().max(32).optional(),
        category: z.enum(AUDIT_CATEGORIES).optional(),
        action: z.string().trim().max(64).optional(),
        target: z.string().trim().max(60).optional(),
        outcome: z.enum(['ok', 'refused', 'failed']).optional(),
        from: z.iso.datetime({ offset: true }).optional(),
        to: z.iso.datetime({ offset: true }).optional(),
        ...page,
      })
      .strict(),
    roles: AUDITOR,
    mutates: false,
    run(ctx, { category, ...input }) {
      const { total, rows } = queryAudit(ctx.db, {
        ...input,
        families: category && auditFamiliesOf(category),
        from: input.from && new Date(input.from).toISOString(),
        to: input.to && new Date(input.to).toISOString(),
      });
      const names = new Map(
        all<{ u: string; n: string }>(ctx.db, sql`SELECT username AS u, display_name AS n FROM accounts`).map((a) => [a.u.toLowerCase(), a.n]),
      );
      return { total, rows: rows.map((row) => toAuditView(ctx.db, row, names)) };
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
  'audit.checkPrintout': command({
    input: z
      .object({
        seq: z.number().int().min(1),
        /** The short hash as printed (6 characters), or more of it. */
        hash: z
          .string()
          .trim()
          .regex(/^[0-9a-fA-F]{6,64}$/),
      })
      .strict(),
    // Whoever holds a printout may check it; it shows the print entry, not the log.
    roles: [...CUSTODIAN, ...AUDITOR, ...ADMIN],
    mutates: true, // the check is an audit entry, recorded after the walk
    run(ctx, input): PrintoutCheckView {
      const hash = input.hash.toLowerCase();
      const stored = all<{ hash: string }>(ctx.db, sql`SELECT hash FROM audit_log WHERE seq = ${input.seq}`)[0];
      const chain = verifyFrom(ctx.db, input.seq);
      const result: PrintoutCheckView = stored
        ? { found: true, matches: stored.hash.startsWith(hash), chain: chain!, prints: printsAt(ctx.db, input.seq) }
        : { found: false, matches: false, chain: verifyChain(ctx.db, ctx.ledgerId), prints: [] };
      ctx.note({
        target: `#${input.seq}`,
        summary: {
          seq: input.seq,
          hash,
          found: result.found,
          matches: result.matches,
          chainIntact: result.chain.intact,
          ...(result.chain.intact ? {} : { firstBroken: result.chain.firstBroken }),
          prints: result.prints.map((p) => p.seq),
        },
      });
      return result;
    },
  }),
};
