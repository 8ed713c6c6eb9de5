// A folder path for backup and restore: typed, and where the host has a folder dialog (Electron), chosen in it.
import { Button, Input, Space } from 'antd';
import { FolderOpenOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

/** Whether the host shows a folder dialog (the browser test host does not: the path is typed). */
export const canPickFolder = (): boolean => window.ledger.capabilities.pickFolder && typeof window.ledger.pickFolder === 'function';

interface FolderInputProps {
  /** Set by Form.Item. */
  value?: string;
  onChange?: (value: string) => void;
  id?: string;
  placeholder?: string;
  /** The dialog's title. */
  title: string;
  autoFocus?: boolean;
  testId: string;
}

export function FolderInput({ value, onChange, id, placeholder, title, autoFocus, testId }: FolderInputProps) {
  const { t } = useTranslation();
  async function pick() {
    const folder = await window.ledger.pickFolder!({ title, ...(value?.trim() ? { defaultPath: value.trim() } : {}) });
    if (folder) onChange?.(folder);
  }
  const input = (
    <Input
      id={id}
      value={value}
      onChange={(e) => onChange?.(e.target.value)}
      autoFocus={autoFocus}
      autoComplete="off"
      spellCheck={false}
      placeholder={placeholder}
      data-testid={testId}
    />
  );
  if (!canPickFolder()) return input;
  return (
    <Space.Compact style={{ width: '100%' }}>
      {input}
      <Button icon={<FolderOpenOutlined />} onClick={() => void pick()} data-testid={`${testId}-pick`}>
        {t('backup.pickFolder')}
      </Button>
    </Space.Compact>
  );
}
