import { Checkbox, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../../preload/contract';
import { ROLES, conflictsWith } from '../../../../db/domain/roles';
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
  /** Each checkbox gets `${testIdPrefix}-<role>`. */
  testIdPrefix: string;
}

/** Role checkboxes for a Form.Item; a role that would break 三员分立 with a ticked one cannot be ticked. */
export function RolePicker({ value = [], onChange, testIdPrefix }: RolePickerProps) {
  const { t } = useTranslation();
  return (
    <Checkbox.Group value={value} onChange={(roles) => onChange?.(roles)}>
      <Space wrap>
        {ROLES.map((role) => (
          <Checkbox key={role} value={role} disabled={!value.includes(role) && conflictsWith(role, value)} data-testid={`${testIdPrefix}-${role}`}>
            {t(`roles.${role}`)}
          </Checkbox>
        ))}
      </Space>
    </Checkbox.Group>
  );
}
