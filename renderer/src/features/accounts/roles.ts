import type { Role } from '../../../../preload/contract';

// Written as a record so that a role added to the backend fails the type check here until it is placed.
const ROLE_PRESENT: Record<Role, true> = { custodian: true, approver: true, auditor: true, admin: true };
export const ROLE_ORDER = Object.keys(ROLE_PRESENT) as Role[];

/** 三员分立: the auditor is never also the administrator or the custodian. */
const CONFLICTS: Record<Role, readonly Role[]> = { auditor: ['admin', 'custodian'], admin: ['auditor'], custodian: ['auditor'], approver: [] };

export function conflictsWith(role: Role, chosen: readonly Role[]): boolean {
  return CONFLICTS[role].some((other) => chosen.includes(other));
}

export const ROLE_COLORS: Record<Role, string> = { custodian: 'blue', approver: 'green', auditor: 'purple', admin: 'volcano' };
