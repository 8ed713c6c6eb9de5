// Which roles one account may hold (issue 12, 三员分立 and the two-person rules), and why a combination is refused.
import { describe, expect, it } from 'vitest';
import { ROLES, addedRoles, roleConflict, type Role } from './roles';

describe('role combinations', () => {
  it('the auditor stands alone: no other role beside it', () => {
    for (const other of ROLES.filter((r) => r !== 'auditor')) {
      expect(roleConflict(['auditor', other])).toBe('auditor_alone');
      expect(roleConflict([other], 'auditor')).toBe('auditor_alone');
      expect(roleConflict(['auditor'], other)).toBe('auditor_alone');
    }
    expect(roleConflict(['auditor'])).toBeNull();
  });

  it('the approver is never also the custodian (no one approves their own request)', () => {
    expect(roleConflict(['custodian', 'approver'])).toBe('approver_not_custodian');
    expect(roleConflict(['admin', 'custodian', 'approver'])).toBe('approver_not_custodian');
    expect(roleConflict(['custodian'], 'approver')).toBe('approver_not_custodian');
    expect(roleConflict(['approver'], 'custodian')).toBe('approver_not_custodian');
  });

  it('allows admin + custodian (a one-person secrecy room) and admin + approver', () => {
    const allowed: Role[][] = [['admin'], ['custodian'], ['approver'], ['admin', 'custodian'], ['admin', 'approver']];
    for (const roles of allowed) expect({ roles, conflict: roleConflict(roles) }).toEqual({ roles, conflict: null });
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
