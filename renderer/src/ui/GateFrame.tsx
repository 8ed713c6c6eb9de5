import type { ReactNode } from 'react';
import { Card, Typography } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './LanguageSwitch';

interface GateFrameProps {
  title: ReactNode;
  children: ReactNode;
  width?: number;
  testId?: string;
}

/** The frame of every screen before the main layout (setup, login, lock, password change). */
export function GateFrame({ title, children, width = 440, testId }: GateFrameProps) {
  const { t } = useTranslation();
  return (
    <div className="gate">
      <div className="gate-bar">
        <Typography.Text strong>
          <SafetyCertificateOutlined /> {t('app.title')}
        </Typography.Text>
        <LanguageSwitch />
      </div>
      <Card title={title} style={{ width, maxWidth: '100%' }} data-testid={testId}>
        {children}
      </Card>
    </div>
  );
}
