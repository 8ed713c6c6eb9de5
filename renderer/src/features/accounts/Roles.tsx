import { Checkbox, Space, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../../preload/contract';
import { ROLES, addedRoles, roleConflict } from '../../../../db/domain/roles';
import { useRefusalText } from '../../i18n/errors';
import { ROLE_COLORS } from './roles';

export function RoleTags({ roles }: { roles: readonly Role[] }) {
  const { t } = useTranslation();
  return (
    <Space size={[0, 4]} wrap>
      {ROLES.filter((role) => roles.includes(role)).map((role) => (
        <Tag key={role} color={ROLE_COLORS[role]}>
          {t(`roles.${role}`)}
        </Tag>
      ))}
    </Space>
  );
}

interface RolePickerProps {
  value?: Role[];
  onChange?: (roles: Role[]) => void;
  /** Each checkbox gets `${testIdPrefix}-<role>`, the reason it is disabled `${testIdPrefix}-<role>-why`. */
  testIdPrefix: string;
  /** The administrator's own account: the roles it holds, the only ones it may tick (E_OWN_ROLES). */
  ownRoles?: readonly Role[];
}

/**
 * Role checkboxes for a Form.Item: a role the backend would refuse beside the ticked ones (the auditor alone, the
 * approver never the custodian) or on one's own account cannot be ticked, and the backend's sentence says why.
 */
export function RolePicker({ value = [], onChange, testIdPrefix, ownRoles }: RolePickerProps) {
  const { t } = useTranslation();
  const refusal = useRefusalText();
  const why = (role: Role): string | null => {
    if (value.includes(role)) return null;
    if (ownRoles && addedRoles(ownRoles, [role]).length) return refusal({ code: 'E_OWN_ROLES' });
    const rule = roleConflict(value, role);
    return rule && refusal({ code: 'E_ROLE_CONFLICT', details: { rule } });
  };
  const reasons = ROLES.map((role) => ({ role, reason: why(role) }));
  return (
    <>
      <Checkbox.Group value={value} onChange={(roles) => onChange?.(roles)}>
        <Space wrap>
          {reasons.map(({ role, reason }) => (
            <Tooltip key={role} title={reason}>
              <Checkbox value={role} disabled={reason !== null} data-testid={`${testIdPrefix}-${role}`}>
                {t(`roles.${role}`)}
              </Checkbox>
            </Tooltip>
          ))}
        </Space>
      </Checkbox.Group>
      {reasons.map(
        ({ role, reason }) =>
          reason && (
            <Typography.Text key={role} type="secondary" style={{ display: 'block', fontSize: 12 }} data-testid={`${testIdPrefix}-${role}-why`}>
              {t('account.roleDisabled', { role: t(`roles.${role}`), reason })}
            </Typography.Text>
          ),
      )}
    </>
  );
}
