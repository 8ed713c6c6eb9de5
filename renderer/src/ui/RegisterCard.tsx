// A register's page frame: its title, the custodian's 新登记 button on Alt+N, 打印登记表 and the exports of its sheet,
// with the page below. The registers added since issue 19 (信息公开保密审查, 问题整改 ...) share it.
import type { ReactNode } from 'react';
import { Button, Card, Space } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { PrintRequest } from '../../../preload/contract';
import { PrintButton } from '../features/printing/PrintButton';
import { ExportButtons } from './ExportButtons';
import { useAltKey } from './hooks/useAltKey';

type SheetName = Extract<PrintRequest, { kind: 'sheet' }>['name'];

interface RegisterCardProps {
  title: ReactNode;
  /** data-testid of the card; the button is `${testId}-new` unless `add.testId` says otherwise. */
  testId: string;
  /** The register's new entry, for those who may make one: its button, and Alt+N from anywhere on the page. */
  add?: { label: ReactNode; onClick(): void; testId: string } | undefined;
  /** The register's sheet, printed and exported with the filters on screen. */
  sheet: { name: SheetName; filters: Record<string, unknown>; printLabel: string; printTestId: string };
  children: ReactNode;
}

export function RegisterCard({ title, testId, add, sheet, children }: RegisterCardProps) {
  useAltKey('KeyN', !!add, () => add?.onClick());
  return (
    <Card
      title={title}
      extra={
        <Space wrap>
          {add && (
            <Button type="primary" icon={<PlusOutlined />} onClick={add.onClick} aria-keyshortcuts="Alt+N" data-testid={add.testId}>
              {add.label}
            </Button>
          )}
          <PrintButton request={{ kind: 'sheet', name: sheet.name, filters: sheet.filters }} label={sheet.printLabel} testId={sheet.printTestId} />
          <ExportButtons register={sheet.name} filters={sheet.filters} />
        </Space>
      }
      data-testid={testId}
    >
      {children}
    </Card>
  );
}
