// 导出 Excel / 导出 CSV: the register as printed, with the filters on screen, saved as a file. The backend writes
// the file (the same columns as the printout, the marking first) and records the export in the audit log.
import { useState } from 'react';
import { App, Button, Space } from 'antd';
import { FileExcelOutlined, FileTextOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useLedger, type ExportInput } from '../store';
import { useErrorText } from '../i18n/errors';
import { base64ToBytes, saveFile } from './files';

const TYPES = { xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', csv: 'text/csv;charset=utf-8' } as const;
type Format = keyof typeof TYPES;

export function ExportButtons({ register, filters }: { register: ExportInput['register']; filters: Record<string, unknown> }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const language = useLedger((s) => s.language);
  const exportRegister = useLedger((s) => s.exportRegister);
  const [busy, setBusy] = useState<Format | null>(null);
  const run = async (format: Format) => {
    setBusy(format);
    try {
      const out = await exportRegister({ register, filters, format, language });
      saveFile(out.fileName, base64ToBytes(out.data), TYPES[format]);
      void message.success(t('export.done', { count: out.rows, fileName: out.fileName }));
    } catch (err) {
      void message.error(errorText(err));
    } finally {
      setBusy(null);
    }
  };
  return (
    <Space size={8}>
      <Button
        icon={<FileExcelOutlined />}
        loading={busy === 'xlsx'}
        disabled={busy !== null}
        onClick={() => void run('xlsx')}
        data-testid={`export-xlsx-${register}`}
      >
        {t('export.xlsx')}
      </Button>
      <Button
        icon={<FileTextOutlined />}
        loading={busy === 'csv'}
        disabled={busy !== null}
        onClick={() => void run('csv')}
        data-testid={`export-csv-${register}`}
      >
        {t('export.csv')}
      </Button>
    </Space>
  );
}
