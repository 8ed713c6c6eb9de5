// Opens the print preview of a printout; shown wherever a register, a batch or an item can be printed.
import { Button } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { useLedger } from '../../store';
import type { PrintRequest } from '../../../../preload/contract';

export function PrintButton({ request, label, testId }: { request: PrintRequest; label: string; testId: string }) {
  const openPrint = useLedger((s) => s.openPrint);
  return (
    <Button icon={<PrinterOutlined />} onClick={() => openPrint(request)} data-testid={testId}>
      {label}
    </Button>
  );
}
