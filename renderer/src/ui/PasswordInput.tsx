import { Input } from 'antd';
import type { PasswordProps } from 'antd/es/input';

/**
 * Every password field of the app. The "eye" that shows the password stays clickable but is no Tab stop:
 * Tab goes from the password to the next field, and an Enter meant to move on never reveals the password.
 */
export function PasswordInput(props: Omit<PasswordProps, 'visibilityToggle'>) {
  return <Input.Password {...props} visibilityToggle={{ tabIndex: -1 }} />;
}
