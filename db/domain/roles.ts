// The four duties (domain.md "People and duties"), 三员分立 and the two-person rules: the auditor watches the others,
// so is never one of them; the approver decides the custodian's requests, so is never the custodian.

export const ROLES = ['custodian', 'approver', 'auditor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** The rule a combination of roles breaks (typed details of E_ROLE_CONFLICT). */
export type RoleConflict = 'auditor_alone' | 'approver_not_custodian';

const RULES: readonly { rule: RoleConflict; breaks(roles: readonly Role[]): boolean }[] = [
  { rule: 'auditor_alone', breaks: (roles) => roles.includes('auditor') && roles.some((r) => r !== 'auditor') },
  { rule: 'approver_not_custodian', breaks: (roles) => roles.includes('approver') && roles.includes('custodian') },
];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** The rule broken by `roles` (with `adding` ticked as well), or null when one account may hold them. */
export function roleConflict(roles: readonly Role[], adding?: Role): RoleConflict | null {
  const all = adding && !roles.includes(adding) ? [...roles, adding] : roles;
  return RULES.find((r) => r.breaks(all))?.rule ?? null;
}

/** The roles `after` gives that `before` did not hold: what an administrator may not give their own account. */
export function addedRoles(before: readonly Role[], after: readonly Role[]): Role[] {
  return after.filter((r) => !before.includes(r));
}
