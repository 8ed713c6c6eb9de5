// 年度自查材料 for a year: 打印 (the print route lays the pack out on A4) and 导出 Word. The Word document is built by
// the backend from the pack it reads and the charts drawn here, each chart of the pack as a PNG; it names the digest
// of the figures the charts were drawn from, and is refused (E_STATISTICS_CHANGED) if the ledger changed meanwhile.
import { useState } from 'react';
import { App, Button, Space } from 'antd';
import { FileWordOutlined, PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { send } from '../../../api';
import type { CommandOutput } from '../../../../../preload/contract';
import type { Language } from '../../../../../db/domain/terms';
import { useLedger } from '../../../store';
import { useErrorText } from '../../../i18n/errors';
import { chartPng } from '../../../ui/charts/chartPng';
import { base64ToBytes, saveFile } from '../../../ui/files';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
/** A chart's size in the Word document (CSS pixels; drawn at twice that): the text width of A4 at 2.5 cm margins. */
const CHART_PX = { width: 640, height: 360 };

/** Reads the pack, draws its charts, and has the backend write the .docx of exactly that pack. */
async function packDocx(year: number, language: Language): Promise<CommandOutput<'statistics.packDocx'>> {
  const { document, digest } = await send('statistics.pack', { year, language });
  const charts: Record<string, string> = {};
  for (const block of document.blocks) if (block.kind === 'chart') charts[block.chart.id] = await chartPng(block.chart, CHART_PX.width, CHART_PX.height);
  return send('statistics.packDocx', { year, language, digest, charts });
}

export function AnnualPackActions({ year }: { year: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const language = useLedger((s) => s.language);
  const openPrint = useLedger((s) => s.openPrint);
  const [busy, setBusy] = useState(false);
  const exportWord = async () => {
    setBusy(true);
    try {
      const out = await packDocx(year, language);
      saveFile(out.fileName, base64ToBytes(out.data), DOCX);
      void message.success(t('pack.done', { fileName: out.fileName }));
    } catch (err) {
      void message.error(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space size={8} wrap>
      <Button icon={<PrinterOutlined />} onClick={() => openPrint({ kind: 'annual-pack', year })} data-testid="pack-print">
        {t('pack.print')}
      </Button>
      <Button icon={<FileWordOutlined />} loading={busy} onClick={() => void exportWord()} data-testid="pack-docx">
        {t('pack.word')}
      </Button>
    </Space>
  );
}
