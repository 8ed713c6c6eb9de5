import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';

interface IdentityFieldsProps {
  /** data-testids: `${testIdPrefix}-username`, `${testIdPrefix}-display-name`. */
  testIdPrefix: string;
  autoFocus?: boolean;
}

/** Username and display name of a new account, with the backend's limits (2–32, no spaces; 1–50). */
export function IdentityFields({ testIdPrefix, autoFocus = false }: IdentityFieldsProps) {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item
        name="username"
        label={t('account.username')}
        extra={t('account.usernameRule')}
        rules={[
          { required: true, whitespace: true },
          { min: 2, max: 32 },
          { pattern: /^\S+$/, message: t('account.usernameRule') },
        ]}
      >
        <Input autoFocus={autoFocus} autoComplete="off" data-testid={`${testIdPrefix}-username`} />
      </Form.Item>
      <Form.Item name="displayName" label={t('account.displayName')} rules={[{ required: true, whitespace: true }, { max: 50 }]}>
        <Input autoComplete="off" data-testid={`${testIdPrefix}-display-name`} />
      </Form.Item>
    </>
  );
}
