import { Form } from 'antd';
import { PasswordInput } from '../../ui/PasswordInput';
import { useTranslation } from 'react-i18next';
import { brokenPasswordRule, minPasswordLength, type PasswordPolicy } from '../../../../db/domain/passwords';
import { useRefusalText } from '../../i18n/errors';

interface PasswordFieldsProps {
  /** Form field name of the password; its confirmation is `${name}Confirm`. */
  name: 'password' | 'newPassword';
  policy: PasswordPolicy;
  /** data-testid of the password input; the confirmation input gets `${testId}-confirm`. */
  testId: string;
  autoFocus?: boolean;
}

/** Password + confirmation inside an antd Form, with the rule shown and checked as the backend checks it. */
export function PasswordFields({ name, policy, testId, autoFocus = false }: PasswordFieldsProps) {
  const { t } = useTranslation();
  const refusalText = useRefusalText();
  const isNew = name === 'newPassword';
  const min = minPasswordLength(policy);
  const ruleText =
    t('password.rule', { min }) + (policy.requireMixedCase ? t('password.ruleMixedCase') : '') + (policy.requireSymbol ? t('password.ruleSymbol') : '');

  return (
    <>
      <Form.Item
        name={name}
        label={isNew ? t('password.newPassword') : t('password.password')}
        extra={ruleText}
        rules={[
          { required: true },
          {
            validator: async (_, value: string | undefined) => {
              const rule = value ? brokenPasswordRule(value, policy) : null;
              if (rule) throw new Error(refusalText({ code: 'E_WEAK_PASSWORD', details: { rule, minLength: min } }));
            },
          },
        ]}
      >
        <PasswordInput autoFocus={autoFocus} autoComplete="new-password" data-testid={testId} />
      </Form.Item>
      <Form.Item
        name={`${name}Confirm`}
        label={isNew ? t('password.confirmNew') : t('password.confirm')}
        dependencies={[name]}
        rules={[
          { required: true },
          ({ getFieldValue }) => ({
            validator: async (_, value: string | undefined) => {
              if (value && value !== getFieldValue(name)) throw new Error(t('password.mismatch'));
            },
          }),
        ]}
      >
        <PasswordInput autoComplete="new-password" data-testid={`${testId}-confirm`} />
      </Form.Item>
    </>
  );
}
