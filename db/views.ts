// Domain-facing shapes returned by commands (row types stay inside db/).
export const ROLES = ['custodian', 'approver', 'auditor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface SessionInfo {
  username: string;
  displayName: string;
  roles: Role[];
  mustChangePassword: boolean;
  unitName: string;
  idleMinutes: number;
}

export interface LedgerStatus {
  state: 'no-ledger' | 'locked' | 'unlocked';
  session: SessionInfo | null;
  /** The user whose session the lock screen resumes, when the ledger was locked rather than logged out. */
  lockedUser: { username: string; displayName: string } | null;
  /** Milliseconds until the next password attempt is accepted (0 when none is pending). */
  retryAfterMs: number;
}

export interface AccountView {
  username: string;
  displayName: string;
  roles: Role[];
  active: boolean;
  mustChangePassword: boolean;
  createdAt: string;
  lastLoginAt: string | null;
}

export interface PasswordPolicy {
  minLength: number;
  requireMixedCase: boolean;
  requireSymbol: boolean;
}

export interface LedgerSettings {
  unitName: string;
  idleMinutes: number;
  passwordPolicy: PasswordPolicy;
}

export interface AuditEntryView {
  seq: number;
  at: string;
  actor: string | null;
  kind: string;
  action: string;
  target: string | null;
  summary: Record<string, unknown>;
  outcome: 'ok' | 'refused' | 'failed';
  errorCode: string | null;
  hash: string;
}

export type AuditVerifyView =
  | { intact: true; count: number; head: { seq: number; hash: string } }
  | { intact: false; count: number; firstBroken: { seq: number; reason: 'hash' | 'link' | 'sequence' } };
