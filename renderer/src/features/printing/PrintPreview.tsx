// The print preview: the printout as it will print (the same PrintView), with 打印 (copies, a printer when the host
// lists printers) and 保存为PDF. The host renders and records the print; the preview only shows and asks.
import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Flex, InputNumber, Modal, Select, Space, Spin } from 'antd';
import { FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import i18n from '../../i18n';
import { ApiError, send } from '../../api';
import { useErrorText } from '../../i18n/errors';
import { useLedger } from '../../store';
import type { LabelsDocument, PrinterInfo, PrintDocument, PrintOutcome, PrintPayload, PrintRequest, ReportDocument } from '../../../../preload/contract';
import { PrintView } from './PrintView';
import { ReportView } from './ReportView';
import { LabelSheet } from '../labels/LabelSheet';

/** Pages shown on screen; all are counted, and the printout and the PDF carry every one. */
const PREVIEW_PAGES = 20;
const FIRST_PAGES = { from: 0, to: PREVIEW_PAGES };

function download(base64: string, name: string): void {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function PrintPreview() {
  const request = useLedger((s) => s.printRequest);
  const close = useLedger((s) => s.closePrint);
  return request ? <PreviewModal request={request} onClose={close} /> : null;
}

function PreviewModal({ request, onClose }: { request: PrintRequest; onClose(): void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const paperT = useMemo(() => i18n.getFixedT(request.language ?? 'zh-CN'), [request.language]);
  const [payload, setPayload] = useState<PrintPayload<PrintDocument | LabelsDocument | ReportDocument> | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [copies, setCopies] = useState(1);
  const [printers, setPrinters] = useState<PrinterInfo[]>([]);
  const [printer, setPrinter] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState<'pdf' | 'printer' | null>(null);
  const [pages, setPages] = useState(0);
  const host = window.ledger;
  // Only what this host can do is offered: the browser test host saves PDFs but has no printer.
  const toPrinter = host.capabilities.printToPrinter && typeof host.print === 'function';
  const toPdf = host.capabilities.savePdf && typeof host.print === 'function';

  useEffect(() => {
    send('print.prepare', { request }).then(setPayload, setError);
    // No printer chosen: the host's print dialog asks.
    if (host.capabilities.printToPrinter) void host.printers?.().then(setPrinters);
  }, [request, host]);

  async function print(target: 'pdf' | 'printer') {
    if (!host.print || !payload) return;
    setBusy(target);
    setError(null);
    try {
      const r = await host.print({ request, target, ...(target === 'printer' ? { copies, ...(printer ? { deviceName: printer } : {}) } : {}) });
      if (!r.ok) throw new ApiError(r.error.code, r.error.message, r.error.details);
      const outcome: PrintOutcome = r.value;
      if (outcome.cancelled) return void message.info(t('print.cancelled'));
      if (outcome.pdfBase64) download(outcome.pdfBase64, `${payload.document.title}${payload.document.number ? ` ${payload.document.number}` : ''}.pdf`);
      void message.success(t(target === 'pdf' ? 'print.saved' : 'print.printed', { pages: outcome.pages }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
    }
  }

  return (
    <Modal open title={t('print.preview')} width={1240} onCancel={onClose} footer={null} destroyOnHidden data-testid="print-preview">
      <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }}>
        {toPrinter && (
          <>
            <Space>
              <span>{t('print.copies')}</span>
              <InputNumber min={1} max={99} value={copies} onChange={(v) => setCopies(v ?? 1)} style={{ width: 72 }} data-testid="print-copies" />
            </Space>
            {printers.length > 0 && (
              <Select
                style={{ minWidth: 220 }}
                value={printer}
                onChange={setPrinter}
                allowClear
                placeholder={t('print.systemDialog')}
                options={printers.map((p) => ({ value: p.name, label: p.displayName || p.name }))}
                data-testid="print-printer"
              />
            )}
            <Button
              type="primary"
              icon={<PrinterOutlined />}
              disabled={!payload}
              loading={busy === 'printer'}
              onClick={() => void print('printer')}
              data-testid="print-printer-button"
            >
              {t('print.print')}
            </Button>
          </>
        )}
        {toPdf && (
          <Button
            type={toPrinter ? 'default' : 'primary'}
            icon={<FilePdfOutlined />}
            disabled={!payload}
            loading={busy === 'pdf'}
            onClick={() => void print('pdf')}
            data-testid="print-pdf-button"
          >
            {t('print.savePdf')}
          </Button>
        )}
        {!toPrinter && !toPdf && <Alert type="info" showIcon title={t('print.unavailable')} />}
      </Flex>
      {error !== null && <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 12 }} data-testid="print-error" />}
      {pages > PREVIEW_PAGES && (
        <Alert type="info" showIcon title={t('print.previewLimited', { shown: PREVIEW_PAGES, total: pages })} style={{ marginBottom: 12 }} />
      )}
      <div className="print-desk">
        {payload?.document.kind === 'labels' ? (
          <LabelSheet labels={payload.document.labels} layout={payload.document.layout} pageLimit={PREVIEW_PAGES} onPaged={setPages} />
        ) : payload?.document.kind === 'report' ? (
          <ReportView doc={payload.document} meta={payload.meta} t={paperT} shown={FIRST_PAGES} onPaged={setPages} />
        ) : payload ? (
          <PrintView doc={payload.document} meta={payload.meta} t={paperT} shown={FIRST_PAGES} onPaged={setPages} />
        ) : (
          error === null && <Spin />
        )}
      </div>
    </Modal>
  );
}
