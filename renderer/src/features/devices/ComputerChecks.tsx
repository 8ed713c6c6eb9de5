// A computer's check log on its page (病毒查杀, 系统升级, 违规外联检查, 保密检查): newest first, the custodian's 登记检查
// dialog (keyboard-first; 发现问题 asks what was found), and the 计算机检查记录 printed or exported for this computer.
import { App, Button, Card, Form, Input, Select, Space, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { ComputerCheckView } from '../../../../preload/contract';
import { CHECK_KINDS, CHECK_RESULTS, type CheckKind, type CheckResult } from '../../../../db/domain/computer-checks';
import { selectIsCustodian, useLedger, type ComputerDetail } from '../../store';
import { FormModal } from '../../ui/FormModal';
import { DateField } from '../../ui/DateField';
import { PersonInput } from '../../ui/SuggestInput';
import { ExportButtons } from '../../ui/ExportButtons';
import { eventDate } from '../../ui/dates';
import { useKeptState } from '../../ui/hooks/useDraft';
import { PrintButton } from '../printing/PrintButton';

export function ComputerChecksCard({ computer }: { computer: ComputerDetail }) {
  const { t } = useTranslation();
  const isCustodian = useLedger(selectIsCustodian);
  const [recording, setRecording] = useKeptState(`computer-check-open:${computer.id}`, false);
  // Scrapped or destroyed: its log stays, nothing is added to it.
  const open = computer.status !== 'scrapped' && computer.status !== 'destroyed';
  return (
    <Card
      title={t('computerChecks.title')}
      size="small"
      extra={
        <Space>
          {isCustodian && (
            <Button icon={<PlusOutlined />} disabled={!open} onClick={() => setRecording(true)} data-testid="computer-check-record">
              {t('computerChecks.record')}
            </Button>
          )}
          <PrintButton
            request={{ kind: 'sheet', name: 'computer-checks', filters: { computerId: computer.id } }}
            label={t('computerChecks.print')}
            testId="computer-check-print"
          />
          <ExportButtons register="computer-checks" filters={{ computerId: computer.id }} />
        </Space>
      }
      data-testid="computer-checks"
    >
      <ChecksTable rows={computer.checks} computerId={computer.id} />
      {recording && <CheckModal computer={computer} onClose={() => setRecording(false)} />}
    </Card>
  );
}

function ChecksTable({ rows, computerId }: { rows: ComputerCheckView[]; computerId: number }) {
  const { t } = useTranslation();
  const isCustodian = useLedger(selectIsCustodian);
  const openFindings = useLedger((s) => s.openFindings);
  return (
    <Table<ComputerCheckView>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={rows}
      locale={{ emptyText: t('computerChecks.empty') }}
      scroll={rows.length > 12 ? { y: 420 } : undefined}
      columns={[
        { key: 'at', dataIndex: 'at', title: t('computerChecks.columns.at'), width: 120 },
        { key: 'kind', title: t('computerChecks.columns.kind'), width: 140, render: (_, c) => t(`computerChecks.kinds.${c.kind}`) },
        { key: 'checker', dataIndex: 'checker', title: t('computerChecks.columns.checker'), width: 100 },
        {
          key: 'result',
          title: t('computerChecks.columns.result'),
          width: 110,
          render: (_, c) => <Typography.Text type={c.result === 'problems' ? 'danger' : undefined}>{t(`computerChecks.results.${c.result}`)}</Typography.Text>,
        },
        { key: 'problems', dataIndex: 'problems', title: t('computerChecks.columns.problems') },
        { key: 'recordedBy', dataIndex: 'recordedBy', title: t('computerChecks.columns.recordedBy'), width: 100 },
        // What a check found is rectified as a finding that names this check (问题及整改措施).
        ...(isCustodian
          ? [
              {
                key: 'finding',
                width: 110,
                render: (_: unknown, c: ComputerCheckView) =>
                  c.result === 'problems' && (
                    <Button
                      type="link"
                      size="small"
                      title={t('computerChecks.toFindingHint')}
                      onClick={() => openFindings({ seed: { computerId, computerCheckId: c.id, description: c.problems, foundOn: c.at } })}
                      data-testid={`computer-check-finding-${c.id}`}
                    >
                      {t('computerChecks.toFinding')}
                    </Button>
                  ),
              },
            ]
          : []),
      ]}
      data-testid="computer-checks-table"
    />
  );
}

interface CheckValues {
  kind: CheckKind;
  checker: string;
  result: CheckResult;
  problems?: string;
  at: Dayjs;
}

function CheckModal({ computer, onClose }: { computer: ComputerDetail; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const run = useLedger((s) => s.runDeviceCommand);
  const [form] = Form.useForm<CheckValues>();
  const result = Form.useWatch('result', form);
  return (
    <FormModal<CheckValues>
      title={t('computerChecks.recordTitle', { code: computer.code })}
      submitText={t('computerChecks.record')}
      testId="computer-check"
      draftKey={computer.id}
      form={form}
      keyboard
      initialValues={{ result: 'normal', at: dayjs() }}
      onSubmit={async (v) => {
        await run('computers.check', {
          computerId: computer.id,
          kind: v.kind,
          checker: v.checker.trim(),
          result: v.result,
          problems: v.problems?.trim() ?? '',
          at: eventDate(v.at),
        });
        void message.success({ content: <span data-testid="computer-check-done">{t('computerChecks.recorded')}</span> });
      }}
      onClose={onClose}
    >
      <Form.Item name="kind" label={t('computerChecks.form.kind')} rules={[{ required: true }]}>
        <Select
          autoFocus
          showSearch
          optionFilterProp="label"
          options={CHECK_KINDS.map((k) => ({ value: k, label: t(`computerChecks.kinds.${k}`) }))}
          data-testid="computer-check-kind"
        />
      </Form.Item>
      <Form.Item name="checker" label={t('computerChecks.form.checker')} rules={[{ required: true, whitespace: true }, { max: 50 }]}>
        <PersonInput testId="computer-check-checker" />
      </Form.Item>
      <Form.Item name="result" label={t('computerChecks.form.result')} rules={[{ required: true }]}>
        <Select
          showSearch
          optionFilterProp="label"
          options={CHECK_RESULTS.map((r) => ({ value: r, label: t(`computerChecks.results.${r}`) }))}
          data-testid="computer-check-result"
        />
      </Form.Item>
      <Form.Item
        name="problems"
        label={t('computerChecks.form.problems')}
        extra={t('computerChecks.form.problemsHint')}
        rules={[{ required: result === 'problems', whitespace: true }, { max: 500 }]}
      >
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} data-testid="computer-check-problems" />
      </Form.Item>
      <DateField name="at" label={t('computerChecks.form.at')} testId="computer-check-at" />
    </FormModal>
  );
}
