import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { brokenPasswordRule, type PasswordPolicy } from './password';

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
  const isNew = name === 'newPassword';
  const min = Math.max(policy.minLength, 8);
  const ruleText =
    t('password.rule', { min }) +
    (policy.requireMixedCase ? t('password.ruleMixedCase') : '') +
    (policy.requireSymbol ? t('password.ruleSymbol') : '');
  const messages = {
    minLength: t('password.tooShort', { min }),
    lettersAndDigits: t('password.needLetterAndDigit'),
    mixedCase: t('password.needMixedCase'),
    symbol: t('password.needSymbol'),
  };

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
              const broken = value ? brokenPasswordRule(value, policy) : null;
              if (broken) throw new Error(messages[broken]);
            },
          },
        ]}
      >
        <Input.Password autoFocus={autoFocus} autoComplete="new-password" data-testid={testId} />
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
        <Input.Password autoComplete="new-password" data-testid={`${testId}-confirm`} />
      </Form.Item>
    </>
  );
}
