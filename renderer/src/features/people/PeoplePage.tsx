// What one person holds (copies on loan, computers and media they answer for or borrowed) and 离岗交接,
// which the backend refuses while anything is still held (E_STILL_HOLDS: the counts, and each item listed in the dialog).
import { useState } from 'react';
import { App, Button, Card, Empty, Flex, Form, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { selectIsCustodian, useLedger, type Holdings } from '../../store';
import { useAction } from '../../ui/hooks/useAction';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FormModal } from '../../ui/FormModal';
import { PersonInput } from '../../ui/SuggestInput';
import { DeviceLevelTag } from '../devices/DeviceTags';
import { formatCopyNo } from '../../../../db/domain/copies';
import type { HeldItems } from '../../../../db/domain/errors';
import { ApiError } from '../../api';

export function PeoplePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const isCustodian = useLedger(selectIsCustodian);
  const holdingsOf = useLedger((s) => s.holdings);
  const depart = useLedger((s) => s.depart);
  const openDevice = useLedger((s) => s.openDevice);
  const openDocument = useLedger((s) => s.openDocument);
  const [person, setPerson] = useState('');
  const [shown, setShown] = useState<{ person: string; holdings: Holdings } | null>(null);
  const [departing, setDeparting] = useState(false);
  // What a refused departure named: each copy (收文编号 + 份号) and device still held.
  const [stillHeld, setStillHeld] = useState<HeldItems | null>(null);
  const { run, busy, error } = useAction(async (name: string) => setShown({ person: name, holdings: await holdingsOf(name) }));
  const lookup = () => person.trim() && void run(person.trim());

  const h = shown?.holdings;
  const empty = h && h.documentCopies.length + h.computers.length + h.media.length === 0;
  return (
    <Card title={t('people.title')}>
      <Flex gap={8} style={{ marginBottom: 16 }} onKeyDown={(e) => e.key === 'Enter' && lookup()}>
        <div style={{ width: 220 }}>
          <PersonInput autoFocus placeholder={t('people.person')} value={person} onChange={setPerson} testId="people-person" />
        </div>
        <Button type="primary" loading={busy} onClick={lookup} data-testid="people-lookup">
          {t('people.lookup')}
        </Button>
        {isCustodian && shown && (
          <Button onClick={() => setDeparting(true)} data-testid="people-depart-button">
            {t('people.depart')}
          </Button>
        )}
      </Flex>
      <ErrorAlert error={error} testId="people-error" />
      {shown && empty && <Empty description={<span data-testid="people-nothing">{t('people.nothing', { person: shown.person })}</span>} />}
      {h && !empty && (
        <Flex vertical gap={12} data-testid="people-holdings">
          <List
            size="small"
            bordered
            header={t('people.documentCopies')}
            dataSource={h.documentCopies}
            renderItem={(c) => (
              <List.Item>
                <a onClick={() => openDocument(c.documentId)}>{c.receiptNo}</a> {c.title} <Tag>{c.marking}</Tag> {t('people.copyNo')} {formatCopyNo(c.copyNo)}{' '}
                {c.dueAt && `${t('people.dueAt')} ${c.dueAt}`}
              </List.Item>
            )}
            data-testid="people-copies"
          />
          <List
            size="small"
            bordered
            header={t('people.computers')}
            dataSource={h.computers}
            renderItem={(c) => (
              <List.Item>
                <a onClick={() => openDevice('computer', c.id)}>{c.code}</a> {c.name} <DeviceLevelTag level={c.level} />
              </List.Item>
            )}
            data-testid="people-computers"
          />
          <List
            size="small"
            bordered
            header={t('people.media')}
            dataSource={h.media}
            renderItem={(m) => (
              <List.Item>
                <a onClick={() => openDevice('medium', m.id)}>{m.code}</a> <DeviceLevelTag level={m.level} /> <Tag>{t(`people.relation.${m.relation}`)}</Tag>
              </List.Item>
            )}
            data-testid="people-media"
          />
        </Flex>
      )}
      {departing && shown && (
        <FormModal<{ handedTo: string; supervisor: string }>
          title={t('people.departTitle', { person: shown.person })}
          submitText={t('people.depart')}
          testId="people-depart"
          keyboard
          onSubmit={async (v) => {
            setStillHeld(null);
            await depart({ person: shown.person, handedTo: v.handedTo.trim(), supervisor: v.supervisor.trim() }).catch((err: unknown) => {
              if (err instanceof ApiError && err.code === 'E_STILL_HOLDS' && err.details?.['items']) setStillHeld(err.details['items'] as HeldItems);
              throw err;
            });
            void message.success({ content: <span data-testid="people-departed">{t('people.departed', { person: shown.person })}</span> });
          }}
          onClose={() => {
            setDeparting(false);
            setStillHeld(null);
            void run(shown.person);
          }}
        >
          {stillHeld && <StillHeldList items={stillHeld} />}
          <Form.Item name="handedTo" label={t('people.handedTo')} rules={[{ required: true, whitespace: true }]}>
            <PersonInput autoFocus testId="people-depart-handedTo" />
          </Form.Item>
          <Form.Item name="supervisor" label={t('people.supervisor')} rules={[{ required: true, whitespace: true }]}>
            <PersonInput testId="people-depart-supervisor" />
          </Form.Item>
        </FormModal>
      )}
    </Card>
  );
}

/** The items a departure waits for, one a line, as the custodian collects them. */
function StillHeldList({ items }: { items: HeldItems }) {
  const { t } = useTranslation();
  const lines = [
    ...items.copies.map((c) => t('people.heldCopy', { receiptNo: c.receiptNo, copyNo: formatCopyNo(c.copyNo) })),
    ...items.computers.map((code) => t('people.heldComputer', { code })),
    ...items.media.map((code) => t('people.heldMedium', { code })),
  ];
  return (
    <List
      size="small"
      bordered
      header={<Typography.Text strong>{t('people.stillHolds', { n: lines.length })}</Typography.Text>}
      dataSource={lines}
      renderItem={(line) => (
        <List.Item className="monospace" data-testid="people-still-holds-item">
          {line}
        </List.Item>
      )}
      style={{ marginBottom: 16 }}
      data-testid="people-still-holds"
    />
  );
}
