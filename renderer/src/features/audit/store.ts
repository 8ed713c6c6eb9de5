// Audit slice: one filtered page of the audit log, paged on the backend (auditor), the chain check, and 核对打印件
// (custodian, administrator and auditor).
import { send } from '../../api';
import type { AuditEntryView, AuditVerifyView, CommandInput, PrintoutCheckView } from '../../../../preload/contract';
import type { SliceCreator } from '../../store/types';

export type AuditFilters = Omit<CommandInput<'audit.list'>, 'offset' | 'limit'>;

export const AUDIT_PAGE_SIZE = 50;

export interface AuditSlice {
  auditFilters: AuditFilters;
  /** 1-based, as antd's pagination counts. */
  auditPage: number;
  auditTotal: number;
  auditRows: AuditEntryView[];
  auditVerification: AuditVerifyView | null;
  /** What the last 核对打印件 found, with the seq and hash it checked. */
  printoutCheck: (PrintoutCheckView & { seq: number; hash: string }) | null;
  /** Applies new filters and shows their first page. */
  searchAudit(filters: AuditFilters): Promise<void>;
  loadAuditPage(page: number): Promise<void>;
  verifyAudit(): Promise<void>;
  checkPrintout(seq: number, hash: string): Promise<void>;
}

export const initialAudit = {
  auditFilters: {},
  auditPage: 1,
  auditTotal: 0,
  auditRows: [],
  auditVerification: null,
  printoutCheck: null,
} satisfies Partial<AuditSlice>;

export const createAuditSlice: SliceCreator<AuditSlice> = (set, get, session) => {
  session.clearsOnEnd(initialAudit);
  return {
    ...initialAudit,

    async searchAudit(filters) {
      set({ auditFilters: filters });
      await get().loadAuditPage(1);
    },

    async loadAuditPage(page) {
      const { total, rows } = await send('audit.list', {
        ...get().auditFilters,
        offset: (page - 1) * AUDIT_PAGE_SIZE,
        limit: AUDIT_PAGE_SIZE,
      });
      set({ auditPage: page, auditTotal: total, auditRows: rows });
    },

    async verifyAudit() {
      set({ auditVerification: await send('audit.verify', {}) });
    },

    async checkPrintout(seq, hash) {
      set({ printoutCheck: null });
      set({ printoutCheck: { ...(await send('audit.checkPrintout', { seq, hash })), seq, hash } });
    },
  };
};
