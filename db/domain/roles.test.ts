// Which roles one account may hold (issue 12, 三员分立 and the two-person rules), and why a combination is refused.
import { describe, expect, it } from 'vitest';
import { ROLES, addedRoles, conflictsWith, roleConflict, rolesProblem, type Role } from './roles';

describe('role combinations', () => {
  it('the auditor stands alone: no other role beside it', () => {
    for (const other of ROLES.filter((r) => r !== 'auditor')) {
      expect(rolesProblem(['auditor', other])).toBe('conflict');
      expect(roleConflict(['auditor', other])).toBe('auditor_alone');
      expect(conflictsWith('auditor', [other])).toBe(true);
      expect(conflictsWith(other, ['auditor'])).toBe(true);
    }
    expect(rolesProblem(['auditor'])).toBeNull();
  });

  it('the approver is never also the custodian (no one approves their own request)', () => {
    expect(roleConflict(['custodian', 'approver'])).toBe('approver_not_custodian');
    expect(roleConflict(['admin', 'custodian', 'approver'])).toBe('approver_not_custodian');
    expect(conflictsWith('approver', ['custodian'])).toBe(true);
    expect(conflictsWith('custodian', ['approver'])).toBe(true);
  });

  it('allows admin + custodian (a one-person secrecy room) and admin + approver', () => {
    const allowed: Role[][] = [['admin'], ['custodian'], ['approver'], ['admin', 'custodian'], ['admin', 'approver']];
    for (const roles of allowed)
      expect({ roles, problem: rolesProblem(roles), conflict: roleConflict(roles) }).toEqual({ roles, problem: null, conflict: null });
    expect(rolesProblem([])).toBe('empty');
  });

  it('names the rule a role would break beside the ones chosen, for the role picker to say why it is disabled', () => {
    expect(roleConflict(['custodian'], 'approver')).toBe('approver_not_custodian');
    expect(roleConflict(['admin'], 'auditor')).toBe('auditor_alone');
    expect(roleConflict(['admin'], 'custodian')).toBeNull();
  });

  it('addedRoles: what a change gives that was not held before', () => {
    expect(addedRoles(['admin', 'custodian'], ['admin'])).toEqual([]);
    expect(addedRoles(['admin'], ['admin', 'custodian'])).toEqual(['custodian']);
  });
});
