import { Form } from 'antd';
import { PasswordInput } from '../../ui/PasswordInput';
import { useTranslation } from 'react-i18next';
import { useLedger } from '../../store';
import { BASE_POLICY } from '../../../../db/domain/passwords';
import { PasswordFields } from './PasswordFields';

export interface ChangePasswordValues {
  oldPassword: string;
  newPassword: string;
}

/** Current password + new password with confirmation, checked against the ledger's password rule. */
export function ChangePasswordFields() {
  const { t } = useTranslation();
  const policy = useLedger((s) => s.settings?.passwordPolicy ?? BASE_POLICY);
  return (
    <>
      <Form.Item name="oldPassword" label={t('password.current')} rules={[{ required: true }]}>
        <PasswordInput autoFocus autoComplete="current-password" data-testid="change-password-old" />
      </Form.Item>
      <PasswordFields name="newPassword" policy={policy} testId="change-password-new" />
    </>
  );
}
