// The four duties (domain.md "People and duties") and 三员分立: the auditor watches the others, so is never one of them.

export const ROLES = ['custodian', 'approver', 'auditor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

const CONFLICTS: Record<Role, readonly Role[]> = { auditor: ['admin', 'custodian'], admin: ['auditor'], custodian: ['auditor'], approver: [] };

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Whether adding `role` to the roles already chosen would break 三员分立. */
export function conflictsWith(role: Role, chosen: readonly Role[]): boolean {
  return CONFLICTS[role].some((other) => chosen.includes(other));
}

/** Whether a set of roles may be one account's: 'empty' (none), 'conflict' (三员分立), or null when allowed. */
export function rolesProblem(roles: readonly Role[]): 'empty' | 'conflict' | null {
  if (roles.length === 0) return 'empty';
  return roles.some((role) => conflictsWith(role, roles)) ? 'conflict' : null;
}
