import type { Role } from '../../../../preload/contract';

export const ROLE_COLORS: Record<Role, string> = { custodian: 'blue', approver: 'green', auditor: 'purple', admin: 'volcano' };
