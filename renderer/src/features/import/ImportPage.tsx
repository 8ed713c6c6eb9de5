// 导入: bring an old register in from .xlsx / .csv. Register → file → sheet, header row and columns (suggested
// from the headers) with a preview → 试导入 (dry run: every bad row by row, column and reason) → 确认导入 (the dry
// run's counts, asked once more) → 导入. Reasons and field names are said in the reader's language (db/domain).
import { useState } from 'react';
import { Alert, App, Button, Card, Flex, Input, InputNumber, Select, Space, Statistic, Steps, Table, Typography, type TableProps } from 'antd';
import { ImportOutlined, SaveOutlined, SafetyCertificateOutlined, TagsOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useLedger, type ImportDryRun, type ImportInspection, type ImportRegisterName } from '../../store';
import { useAction } from '../../ui/hooks/useAction';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { fileToBase64, saveFile } from '../../ui/files';
import { ConfirmSummary } from '../../ui/ConfirmSummary';
import { say } from '../../../../db/domain';
import { importIssueText } from '../../../../db/domain/import-issues';
import { toLanguage } from '../../i18n/language';
import { LabelDialog } from '../labels/LabelDialog';
import type { LabelItems } from '../../../../preload/contract';

const REGISTERS: ImportRegisterName[] = ['documents', 'secret-computers', 'plain-computers', 'secret-media', 'plain-media'];

/** The imported items' labels: every copy held of each document, or each device. */
function labelItemsOf(register: ImportRegisterName, ids: number[]): LabelItems {
  if (register === 'documents') return { copies: ids.map((documentId) => ({ documentId })) };
  const device = register.endsWith('computers') ? 'computer' : 'medium';
  return { devices: ids.map((id) => ({ device, id })) };
}

interface PickedFile {
  fileName: string;
  data: string;
}

type Issue = ImportDryRun['issues'][number];

export function ImportPage() {
  const { t, i18n } = useTranslation();
  const language = toLanguage(i18n.language);
  const [confirming, setConfirming] = useState(false);
  const { message } = App.useApp();
  const inspectImport = useLedger((s) => s.inspectImport);
  const dryRunImport = useLedger((s) => s.dryRunImport);
  const applyImport = useLedger((s) => s.applyImport);
  const [register, setRegister] = useState<ImportRegisterName>('documents');
  const [file, setFile] = useState<PickedFile | null>(null);
  const [view, setView] = useState<ImportInspection | null>(null);
  const [mapping, setMapping] = useState<Record<string, number>>({});
  const [defaults, setDefaults] = useState<Record<string, string>>({});
  const [report, setReport] = useState<ImportDryRun | null>(null);
  const [done, setDone] = useState<{ imported: number; historical: number; ids: number[]; register: ImportRegisterName } | null>(null);
  const [printingLabels, setPrintingLabels] = useState(false);

  const inspect = useAction(async (picked: PickedFile, reg: ImportRegisterName, sheet?: string, headerRow?: number) => {
    setReport(null);
    setDone(null);
    const v = await inspectImport({ register: reg, ...picked, ...(sheet ? { sheet } : {}), ...(headerRow ? { headerRow } : {}) });
    setView(v);
    setMapping(v.mapping);
  });
  const checkInput = () => ({ register, ...file!, sheet: view!.sheet, headerRow: view!.headerRow!, mapping, defaults });
  const dryRun = useAction(async () => {
    setDone(null);
    setReport(await dryRunImport(checkInput()));
  });
  const apply = useAction(async () => {
    const out = await applyImport(checkInput());
    setDone({ ...out, register });
    setReport(null);
    void message.success(t('import.done', { count: out.imported }));
  });

  const pick = async (f: File | undefined) => {
    if (!f) return;
    const picked = { fileName: f.name, data: await fileToBase64(f) };
    setFile(picked);
    await inspect.run(picked, register);
  };

  const step = done ? 4 : report ? 3 : view ? 2 : file ? 1 : 0;
  const columnOptions = (view?.columns ?? []).map((c) => ({ value: c.index, label: `${c.letter}${c.header ? ` · ${c.header}` : ''}` }));

  const mappingColumns: TableProps<ImportInspection['fields'][number]>['columns'] = [
    {
      key: 'label',
      title: t('import.field'),
      width: 180,
      render: (_, f) => (
        <Space size={4}>
          {say(f.label, language)}
          {f.required && <Typography.Text type="danger">*</Typography.Text>}
        </Space>
      ),
    },
    {
      key: 'column',
      title: t('import.column'),
      render: (_, f) => (
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: '100%' }}
          placeholder={t('import.noColumn')}
          value={mapping[f.key]}
          options={columnOptions}
          onChange={(v: number | undefined) => {
            const next = { ...mapping };
            if (v === undefined) delete next[f.key];
            else next[f.key] = v;
            setMapping(next);
            setReport(null);
          }}
          data-testid={`import-map-${f.key}`}
        />
      ),
    },
    {
      key: 'default',
      title: t('import.default'),
      width: 260,
      render: (_, f) => (
        <Input
          value={defaults[f.key] ?? ''}
          placeholder={t('import.defaultHint')}
          onChange={(e) => {
            setDefaults({ ...defaults, [f.key]: e.target.value });
            setReport(null);
          }}
          data-testid={`import-default-${f.key}`}
        />
      ),
    },
  ];

  const previewColumns = (view?.columns ?? []).map((c) => ({
    key: c.letter,
    title: `${c.letter} ${c.header}`,
    render: (_: unknown, r: { cells: string[] }) => r.cells[c.index] ?? '',
  }));
  const issueColumns: TableProps<Issue>['columns'] = [
    { key: 'row', dataIndex: 'row', title: t('import.row'), width: 80 },
    {
      key: 'column',
      title: t('import.column'),
      width: 160,
      render: (_, i) => (i.column ? `${i.column}${i.header ? ` · ${i.header}` : ''}` : (i.header ?? '')),
    },
    { key: 'reason', title: t('import.reason'), render: (_, i) => <span data-testid="import-issue-message">{importIssueText(i, language)}</span> },
  ];

  return (
    <Card title={t('import.title')} data-testid="import-page">
      <Steps
        size="small"
        current={step}
        style={{ marginBottom: 24 }}
        items={[
          { title: t('import.steps.register') },
          { title: t('import.steps.file') },
          { title: t('import.steps.columns') },
          { title: t('import.steps.dryRun') },
          { title: t('import.steps.apply') },
        ]}
      />
      <Flex vertical gap={16}>
        <Space wrap>
          <Typography.Text>{t('import.register')}</Typography.Text>
          <Select<ImportRegisterName>
            aria-label={t('import.register')}
            style={{ width: 280 }}
            value={register}
            options={REGISTERS.map((r) => ({ value: r, label: t(`import.registers.${r}`) }))}
            onChange={(r) => {
              setRegister(r);
              if (file) void inspect.run(file, r);
            }}
            data-testid="import-register"
          />
          <Button icon={<UploadOutlined />} onClick={() => document.getElementById('import-file-input')?.click()}>
            {t('import.chooseFile')}
          </Button>
          <input
            id="import-file-input"
            type="file"
            accept=".xlsx,.csv"
            style={{ display: 'none' }}
            onChange={(e) => {
              void pick(e.target.files?.[0]);
              e.target.value = '';
            }}
            data-testid="import-file"
          />
          {file && <Typography.Text data-testid="import-file-name">{file.fileName}</Typography.Text>}
        </Space>
        <Typography.Text type="secondary">{t('import.fileHint')}</Typography.Text>
        <ErrorAlert error={inspect.error} testId="import-inspect-error" />

        {view && (
          <>
            <Space wrap>
              <Typography.Text>{t('import.sheet')}</Typography.Text>
              <Select
                style={{ width: 200 }}
                value={view.sheet}
                options={view.sheets.map((s) => ({ value: s.name, label: s.name }))}
                onChange={(s: string) => void inspect.run(file!, register, s)}
                data-testid="import-sheet"
              />
              <Typography.Text>{t('import.headerRow')}</Typography.Text>
              <InputNumber
                min={1}
                max={1000}
                value={view.headerRow ?? undefined}
                onChange={(n) => n && void inspect.run(file!, register, view.sheet, n)}
                data-testid="import-header-row"
              />
              <Typography.Text type="secondary" data-testid="import-data-rows">
                {t('import.dataRows', { count: view.dataRows })}
              </Typography.Text>
            </Space>
            {view.headerRow === null && <Alert type="warning" showIcon title={t('import.noHeader')} />}
            <Table rowKey="key" size="small" pagination={false} columns={mappingColumns} dataSource={view.fields} data-testid="import-mapping" />
            <Typography.Title level={5}>{t('import.preview')}</Typography.Title>
            <Table
              rowKey="row"
              size="small"
              pagination={false}
              scroll={{ x: true }}
              columns={[{ key: 'row', title: t('import.row'), dataIndex: 'row', width: 60 }, ...previewColumns]}
              dataSource={view.preview}
              data-testid="import-preview"
            />
            <Space>
              <Button
                icon={<SafetyCertificateOutlined />}
                loading={dryRun.busy}
                disabled={view.headerRow === null}
                onClick={() => void dryRun.run()}
                data-testid="import-dry-run"
              >
                {t('import.dryRun')}
              </Button>
              <Button
                type="primary"
                icon={<ImportOutlined />}
                loading={apply.busy}
                disabled={!report || report.bad > 0}
                onClick={() => setConfirming(true)}
                data-testid="import-apply"
              >
                {t('import.apply')}
              </Button>
            </Space>
            <ErrorAlert error={dryRun.error ?? apply.error} testId="import-error" />
          </>
        )}

        {report && (
          <Flex vertical gap={12} data-testid="import-report">
            <Space size="large">
              <Statistic title={t('import.good')} value={report.good} data-testid="import-good" />
              <Statistic title={t('import.bad')} value={report.bad} data-testid="import-bad" />
              <Statistic title={t('import.skipped')} value={report.skipped.length} data-testid="import-skipped" />
              <Statistic title={t('import.historical')} value={report.historical} />
            </Space>
            {report.bad === 0 ? (
              <Alert type="success" showIcon title={t('import.allGood', { count: report.good })} />
            ) : (
              <Alert type="error" showIcon title={t('import.hasBad', { count: report.bad })} />
            )}
            <Space>
              <Button
                icon={<SaveOutlined />}
                onClick={() => saveFile(`${report.fileName.replace(/\.[^.]*$/, '')}-试导入报告.csv`, report.csv, 'text/csv;charset=utf-8')}
                data-testid="import-save-report"
              >
                {t('import.saveReport')}
              </Button>
            </Space>
            {report.notes.length > 0 && (
              <Alert
                type="info"
                showIcon
                title={t('import.notesTitle', { count: report.notes.length })}
                description={<NoteList notes={report.notes} />}
                data-testid="import-notes"
              />
            )}
            {report.issues.length > 0 && (
              <Table<Issue>
                rowKey={(i) => `${i.row}-${i.field}-${i.reason}`}
                size="small"
                columns={issueColumns}
                dataSource={report.issues}
                pagination={{ pageSize: 50 }}
                data-testid="import-issues"
              />
            )}
          </Flex>
        )}
        {confirming && report && (
          <ConfirmSummary
            title={t('confirm.importTitle')}
            confirmText={t('import.apply')}
            facts={[
              { label: t('import.register'), value: t(`import.registers.${report.register}`), testId: 'register' },
              {
                label: t('confirm.newItems'),
                // The dry run's own counts: the import runs the same checks on the same file and mapping.
                value:
                  report.register === 'documents'
                    ? t('confirm.count', { items: report.good, copies: report.copies })
                    : t('confirm.newRows', { count: report.good }),
                testId: 'amount',
              },
              ...(report.historical
                ? [{ label: t('confirm.historical'), value: t('confirm.newRows', { count: report.historical }), testId: 'historical' }]
                : []),
              { label: t('confirm.skipped'), value: t('confirm.skippedRows', { count: report.skipped.length }), testId: 'skipped' },
              ...(report.notes.length ? [{ label: t('confirm.notes'), value: t('confirm.notesRows', { count: report.notes.length }), testId: 'notes' }] : []),
            ]}
            onBack={() => setConfirming(false)}
            onConfirm={() => {
              setConfirming(false);
              void apply.run();
            }}
          >
            {report.notes.length > 0 && (
              <div style={{ marginTop: 12 }} data-testid="confirm-notes-list">
                <NoteList notes={report.notes} />
              </div>
            )}
          </ConfirmSummary>
        )}
        {done && (
          <Alert
            type="success"
            showIcon
            title={t('import.done', { count: done.imported })}
            description={done.historical ? t('import.doneHistorical', { count: done.historical }) : undefined}
            action={
              done.ids.length > 0 && (
                <Button icon={<TagsOutlined />} onClick={() => setPrintingLabels(true)} data-testid="import-print-labels">
                  {t('labels.printImported', { count: done.ids.length })}
                </Button>
              )
            }
            data-testid="import-done"
          />
        )}
        {done && <LabelDialog open={printingLabels} items={labelItemsOf(done.register, done.ids)} onClose={() => setPrintingLabels(false)} />}
      </Flex>
    </Card>
  );
}

/** What the dry run read by a rule (a bare level as its default period), one line per row, in the reader's words. */
function NoteList({ notes }: { notes: Issue[] }) {
  const { t, i18n } = useTranslation();
  const language = toLanguage(i18n.language);
  return (
    <ul style={{ margin: 0, paddingInlineStart: 20 }}>
      {notes.map((note) => (
        <li key={`${note.row}-${note.field}-${note.reason}`} data-testid="import-note">
          {t('import.noteLine', { row: note.row, message: importIssueText(note, language) })}
        </li>
      ))}
    </ul>
  );
}
