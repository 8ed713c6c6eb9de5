// One stocktake's screen. While open: the cabinet being checked (scan its label or pick it), one scan field that keeps
// the cursor (a keyboard-wedge scanner types the code and Enter; typing works too), and live counts and lists:
// found, missing, misplaced (Alt+M moves the selected one here, Alt+F leaves it flagged), not expected (what the
// ledger says of it) and on loan apart. Ctrl+Z takes the last scan back. 完成清查 shows the result once more, then
// the 清查报告 prints. Everything comes from the backend: leaving and coming back days later resumes it.
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode, type RefObject } from 'react';
import { Alert, App, Button, Card, Checkbox, Flex, Input, Result, Space, Statistic, Tabs, Tag, Typography, type InputRef } from 'antd';
import {
  ArrowLeftOutlined,
  CheckCircleFilled,
  CheckOutlined,
  CloseCircleFilled,
  FlagOutlined,
  ImportOutlined,
  ScanOutlined,
  UndoOutlined,
  WarningFilled,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { parseItemCode } from '../../../../db/domain/item-codes';
import { selectIsCustodian, useLedger } from '../../store';
import { useErrorText } from '../../i18n/errors';
import { useAction } from '../../ui/hooks/useAction';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { ConfirmSummary, type SummaryFact } from '../../ui/ConfirmSummary';
import { PrintButton } from '../printing/PrintButton';
import { beepUnknown, useScanTarget } from '../scanner';
import { formatAt } from '../../ui/format';
import { CopyText, LabelCode, LineTable, namesOf, type LineColumn } from './lines';
import { DeviceLevelTag } from '../devices/DeviceTags';
import type { CabinetTally, DeviceTally, ScanReply, StocktakeView } from './store';
import './stocktake.css';

/** The part of the stocktake being counted: a cabinet by its id, or the devices. */
type Part = number | 'devices';

interface Feedback {
  tone: 'ok' | 'again' | 'warn' | 'error';
  text: ReactNode;
  /** Each scan's feedback is new even when its words repeat (the tick shows again). */
  seq: number;
}

type CopyLineView = CabinetTally['present'][number];
type MisplacedLineView = CabinetTally['misplaced'][number];
type UnexpectedLineView = CabinetTally['unexpected'][number];
type LoanLineView = CabinetTally['onLoan'][number];
type ScannedLine = Extract<ScanReply, { line: unknown }>['line'];

export function StocktakePage() {
  const { t } = useTranslation();
  const id = useLedger((s) => s.stocktakeId);
  const view = useLedger((s) => (s.stocktake && s.stocktake.id === id ? s.stocktake : null));
  const loadStocktake = useLedger((s) => s.loadStocktake);
  const openStocktakes = useLedger((s) => s.openStocktakes);
  const loading = useAction(loadStocktake);
  const { run } = loading;

  useEffect(() => {
    if (id !== null) void run(id);
  }, [id, run]);

  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={openStocktakes} data-testid="stocktake-back">
      {t('stocktake.toList')}
    </Button>
  );
  if (!view) {
    return (
      <Card title={t('stocktake.title')} extra={back} loading={loading.busy} data-testid="stocktake-page">
        <ErrorAlert error={loading.error} testId="stocktake-load-error" />
      </Card>
    );
  }
  return <StocktakeScreen key={view.id} view={view} back={back} />;
}

function totalsOf(view: StocktakeView) {
  const sum = (f: (c: CabinetTally) => number) => view.cabinets.reduce((n, c) => n + f(c), 0);
  return {
    expected: sum((c) => c.expected),
    present: sum((c) => c.present.length),
    missing: sum((c) => c.missing.length),
    misplaced: sum((c) => c.misplaced.length),
    unexpected: sum((c) => c.unexpected.length),
    onLoan: sum((c) => c.onLoan.length),
  };
}

function StocktakeScreen({ view, back }: { view: StocktakeView; back: ReactNode }) {
  const { t, i18n } = useTranslation();
  const language = useLedger((s) => s.language);
  const isCustodian = useLedger(selectIsCustodian);
  const live = view.status === 'open' && isCustodian;
  const [part, setPart] = useState<Part | null>(
    () => view.cabinets.find((c) => !c.visited)?.cabinet.id ?? view.cabinets[0]?.cabinet.id ?? (view.deviceTally ? 'devices' : null),
  );
  const [closing, setClosing] = useState(false);
  const field = useRef<InputRef>(null);
  const focusScan = useCallback(() => field.current?.focus(), []);
  const cabinet = typeof part === 'number' ? view.cabinets.find((c) => c.cabinet.id === part) : undefined;

  return (
    <Flex vertical gap={12} data-testid="stocktake-page" data-status={view.status}>
      <Card
        size="small"
        title={
          <Space size={12}>
            <span>{t('stocktake.title')}</span>
            <span className="monospace" data-testid="stocktake-no">
              {view.no}
            </span>
            <Tag color={view.status === 'open' ? 'processing' : 'success'}>{t(`stocktake.statuses.${view.status}`)}</Tag>
          </Space>
        }
        extra={
          <Space>
            {live && (
              <Button type="primary" icon={<CheckOutlined />} onClick={() => setClosing(true)} data-testid="stocktake-close">
                {t('stocktake.close')}
              </Button>
            )}
            {back}
          </Space>
        }
      >
        <Flex gap={24} wrap>
          <span>
            {t('stocktake.checkers')}
            {t('stocktake.colon')}
            <span data-testid="stocktake-checkers">{namesOf(view.checkers, i18n.language)}</span>
          </span>
          <span>
            {t('stocktake.startedAt')}
            {t('stocktake.colon')}
            {formatAt(view.startedAt, language)}
          </span>
          {view.closedAt && (
            <span>
              {t('stocktake.closedAt')}
              {t('stocktake.colon')}
              {formatAt(view.closedAt, language)}
            </span>
          )}
          <span>
            {t('stocktake.levels')}
            {t('stocktake.colon')}
            {namesOf(
              view.levels.map((l) => t(`levels.${l}`)),
              i18n.language,
            )}
          </span>
        </Flex>
      </Card>
      {view.status === 'closed' && <ClosedResult view={view} />}
      <Flex gap={12} align="flex-start">
        <PartList
          view={view}
          part={part}
          onPick={(p) => {
            setPart(p);
            focusScan();
          }}
        />
        <Flex vertical gap={12} style={{ flex: 1, minWidth: 0 }}>
          {live && <ScanBox view={view} part={part} onPart={setPart} field={field} />}
          {cabinet && <CabinetPanel key={cabinet.cabinet.id} tally={cabinet} live={live} focusScan={focusScan} />}
          {part === 'devices' && view.deviceTally && <DevicePanel tally={view.deviceTally} />}
          {part === null && <Alert type="info" showIcon title={t('stocktake.pickCabinet')} />}
        </Flex>
      </Flex>
      {closing && <CloseSummary view={view} onDone={() => setClosing(false)} />}
    </Flex>
  );
}

/** The cabinets of this stocktake (and the devices), each with what was found of what is expected. */
function PartList({ view, part, onPick }: { view: StocktakeView; part: Part | null; onPick(p: Part): void }) {
  const { t } = useTranslation();
  const entry = (key: Part, label: string, found: number, expected: number, visited: boolean, testId: string) => (
    <Button
      key={key}
      block
      type={part === key ? 'primary' : 'default'}
      ghost={part === key}
      onClick={() => onPick(key)}
      className="stocktake-part"
      data-testid={testId}
      data-visited={visited}
    >
      <span className="stocktake-part-name">
        {visited ? <CheckCircleFilled style={{ color: '#52c41a' }} /> : <span className="stocktake-part-dot" />}
        {label}
      </span>
      <span className="stocktake-part-count">{t('stocktake.foundOf', { found, expected })}</span>
    </Button>
  );
  return (
    <Card size="small" title={t('stocktake.cabinets')} style={{ width: 260, flex: 'none' }} styles={{ body: { padding: 8 } }}>
      <Flex vertical gap={6} data-testid="stocktake-parts">
        {view.cabinets.map((c) =>
          entry(c.cabinet.id, `${c.cabinet.code} ${c.cabinet.name}`, c.present.length, c.expected, c.visited, `stocktake-part-${c.cabinet.code}`),
        )}
        {view.deviceTally &&
          entry(
            'devices',
            t('stocktake.devices'),
            view.deviceTally.present.length,
            view.deviceTally.expected,
            view.deviceTally.visited,
            'stocktake-part-devices',
          )}
      </Flex>
    </Card>
  );
}

/** What one scan reply says, in words: a tick for a copy found here, a warning for what should not be here. */
function useFeedbackOf() {
  const { t } = useTranslation();
  return (reply: ScanReply, view: StocktakeView): Omit<Feedback, 'seq'> => {
    switch (reply.outcome) {
      case 'cabinet': {
        const c = view.cabinets.find((x) => x.cabinet.id === reply.cabinetId);
        return { tone: 'ok', text: t('stocktake.scan.cabinet', { name: c ? `${c.cabinet.code} ${c.cabinet.name}` : '' }) };
      }
      case 'present':
        return { tone: 'ok', text: <LineWords line={reply.line} suffix={t('stocktake.scan.present')} /> };
      case 'again':
        return { tone: 'again', text: <LineWords line={reply.line} suffix={t('stocktake.scan.again')} /> };
      case 'misplaced':
        return {
          tone: 'warn',
          text: <LineWords line={reply.line} suffix={t('stocktake.scan.misplaced', { name: (reply.line as MisplacedLineView).belongsTo.name })} />,
        };
      case 'unexpected': {
        const line = reply.line as UnexpectedLineView;
        return { tone: 'warn', text: <UnexpectedWords line={line} /> };
      }
    }
  };
}

/** A scanned line in words: a copy by its numbers, a device by its number and name. */
function LineWords({ line, suffix }: { line: ScannedLine; suffix: string }) {
  if ('copyNo' in line) {
    return (
      <Space size={8}>
        <CopyText receiptNo={line.receiptNo} copyNo={line.copyNo} level={line.level} />
        <span>{suffix}</span>
      </Space>
    );
  }
  if ('deviceCode' in line) {
    return (
      <Space size={8}>
        <span className="monospace">{line.deviceCode}</span>
        <span>{line.name}</span>
        <span>{suffix}</span>
      </Space>
    );
  }
  return <span>{suffix}</span>;
}

function UnexpectedWords({ line }: { line: UnexpectedLineView }) {
  const { t } = useTranslation();
  const status = t(`stocktake.ledgerStatus.${line.ledgerStatus}`, { holder: line.holder ?? '' });
  return <LineWords line={line.copy ?? line.device ?? line} suffix={t('stocktake.scan.unexpected', { status })} />;
}

/**
 * The scan field: it keeps the cursor while the stocktake is open, and scans go in order (a cabinet's label, then its
 * copies, typed by a scanner faster than the replies come: each copy is counted in the cabinet the label before it named).
 */
function ScanBox({ view, part, onPart, field }: { view: StocktakeView; part: Part | null; onPart(p: Part): void; field: RefObject<InputRef | null> }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const scan = useLedger((s) => s.scanStocktake);
  const undo = useLedger((s) => s.undoStocktakeScan);
  const feedbackOf = useFeedbackOf();
  const [text, setText] = useState('');
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const current = useRef<Part | null>(part);
  const seq = useRef(0);
  const last = useRef<{ cabinetId: number | null; reply: ScanReply } | null>(null);
  useEffect(() => {
    // Picked on the list (or switched by a label): the scans after it count there.
    current.current = part;
  }, [part]);
  const say = (f: Omit<Feedback, 'seq'>) => setFeedback({ ...f, seq: ++seq.current });

  const handle = async (code: string) => {
    const here = current.current ?? undefined;
    const parsed = parseItemCode(code);
    // A cabinet's label switches to it whatever part is shown; anything else counts where the screen is.
    const cabinetId = parsed.ok && parsed.kind === 'cabinet' ? parsed.id : here === 'devices' ? null : here;
    if (cabinetId === undefined) {
      beepUnknown();
      return say({ tone: 'error', text: t('stocktake.pickCabinet') });
    }
    try {
      const reply = await scan(cabinetId, code);
      if (reply.outcome === 'cabinet') {
        current.current = reply.cabinetId;
        onPart(reply.cabinetId);
      }
      if (reply.outcome !== 'cabinet') last.current = { cabinetId, reply };
      say(feedbackOf(reply, useLedger.getState().stocktake ?? view));
      if (reply.outcome === 'unexpected' && reply.line.ledgerStatus === 'unknown') beepUnknown();
    } catch (err) {
      beepUnknown();
      say({ tone: 'error', text: errorText(err) });
    }
  };

  const enqueue = (code: string) => {
    queue.current = queue.current.then(() => handle(code));
  };
  // The field as it is now: keys a burst held back and released just before this Enter may not have re-rendered yet.
  const submit = (value: string) => {
    const code = value.trim();
    setText('');
    if (code) enqueue(code);
  };
  // A scanner's burst comes here wherever the cursor is on this screen (typed codes come by the field's Enter).
  useScanTarget((s) => {
    // On a busy machine a scan's first key can come late enough to reach the field as typing: the field holds nothing
    // but codes, so what it holds is the start of this one when only together they make a code.
    const typed = field.current?.input?.value ?? '';
    const whole = typed + s.text;
    if (typed && !s.parsed.ok && parseItemCode(whole).ok) {
      setText('');
      enqueue(whole.trim());
    } else enqueue(s.text.trim());
    return true;
  });

  const undoLast = async () => {
    const done = last.current;
    if (!done || done.reply.outcome === 'cabinet') return;
    last.current = null;
    try {
      await undo({ cabinetId: done.cabinetId, scanId: done.reply.scanId });
      say({ tone: 'again', text: t('stocktake.undone') });
    } catch (err) {
      say({ tone: 'error', text: errorText(err) });
    }
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.target instanceof HTMLElement && e.target.closest('.ant-modal-wrap')) return;
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'z') {
        e.preventDefault();
        void undoLast();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const icon =
    feedback?.tone === 'ok' ? (
      <CheckCircleFilled style={{ color: '#52c41a' }} />
    ) : feedback?.tone === 'error' ? (
      <CloseCircleFilled style={{ color: '#cf1322' }} />
    ) : feedback?.tone === 'warn' ? (
      <WarningFilled style={{ color: '#d48806' }} />
    ) : (
      <CheckOutlined />
    );
  return (
    <Card size="small">
      <Flex vertical gap={8}>
        <label htmlFor="stocktake-scan-field">{t('stocktake.scanLabel')}</label>
        <Input
          id="stocktake-scan-field"
          ref={field}
          size="large"
          autoFocus
          autoComplete="off"
          spellCheck={false}
          prefix={<ScanOutlined />}
          placeholder={t(part === 'devices' ? 'stocktake.scanDevicesPlaceholder' : 'stocktake.scanPlaceholder')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onPressEnter={(e) => submit(e.currentTarget.value)}
          onBlur={() =>
            // The cursor comes back when it fell to nothing (a list redrawn, a dialog closed); Tab still reaches the buttons.
            setTimeout(() => {
              if (!document.activeElement || document.activeElement === document.body) field.current?.focus();
            })
          }
          data-testid="stocktake-scan"
        />
        <div
          key={feedback?.seq}
          className={`stocktake-feedback stocktake-feedback-${feedback?.tone ?? 'none'}`}
          role="status"
          aria-live="polite"
          data-testid="stocktake-feedback"
          data-tone={feedback?.tone}
        >
          {feedback && (
            <Space size={8}>
              {icon}
              {feedback.text}
            </Space>
          )}
        </div>
        <Flex gap={12} align="center" wrap>
          <Button
            size="small"
            icon={<UndoOutlined />}
            disabled={!last.current}
            onClick={() => void undoLast()}
            aria-keyshortcuts="Control+Z"
            data-testid="stocktake-undo"
          >
            {t('stocktake.undo')}
          </Button>
          <Typography.Text type="secondary">{t('stocktake.keysHint')}</Typography.Text>
        </Flex>
      </Flex>
    </Card>
  );
}

function Counts({ items }: { items: { key: string; value: number; alert?: boolean }[] }) {
  const { t } = useTranslation();
  return (
    <Flex gap={32} wrap>
      {items.map((i) => (
        <Statistic
          key={i.key}
          title={t(`stocktake.counts.${i.key}` as 'stocktake.counts.expected')}
          value={i.value}
          styles={{ content: { color: i.alert && i.value > 0 ? '#cf1322' : undefined } }}
          data-testid={`stocktake-count-${i.key}`}
        />
      ))}
    </Flex>
  );
}

function CabinetPanel({ tally, live, focusScan }: { tally: CabinetTally; live: boolean; focusScan(): void }) {
  const { t } = useTranslation();
  const language = useLedger((s) => s.language);
  const errorText = useErrorText();
  const { message } = App.useApp();
  const resolve = useLedger((s) => s.resolveMisplaced);
  const undo = useLedger((s) => s.undoStocktakeScan);
  const open = tally.misplaced.filter((m) => m.resolution === null);
  const [selected, setSelected] = useState<number | null>(null);
  const chosen = open.find((m) => m.copyId === selected) ?? open[0];
  const [tab, setTab] = useState('missing');
  const cabinetId = tally.cabinet.id;

  const act = async (line: MisplacedLineView, action: 'move' | 'flag') => {
    try {
      await resolve({ copyId: line.copyId, cabinetId, action });
      void message.success(t(action === 'move' ? 'stocktake.moved' : 'stocktake.flagged', { name: tally.cabinet.name }));
    } catch (err) {
      void message.error(errorText(err));
    }
    focusScan();
  };
  const undoOne = (line: CopyLineView) =>
    void undo({ cabinetId, scanId: line.scanId ?? undefined, copyId: line.copyId }).then(focusScan, (err: unknown) => void message.error(errorText(err)));
  // The rows' buttons call the latest handlers, so the columns stay the same from one scan to the next.
  const handlers = useRef({ act, undoOne });
  handlers.current = { act, undoOne };

  useEffect(() => {
    if (!live) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.target instanceof HTMLElement && e.target.closest('.ant-modal-wrap')) return;
      if (!e.altKey || e.ctrlKey || e.metaKey || !chosen) return;
      if (e.code === 'KeyM' || e.code === 'KeyF') {
        e.preventDefault();
        setTab('misplaced');
        void act(chosen, e.code === 'KeyM' ? 'move' : 'flag');
      } else if (e.code === 'ArrowDown' || e.code === 'ArrowUp') {
        e.preventDefault();
        const at = open.indexOf(chosen) + (e.code === 'ArrowDown' ? 1 : -1);
        setSelected(open[(at + open.length) % open.length]!.copyId);
        setTab('misplaced');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  useEffect(() => {
    // A misplaced copy just scanned is the one the keys act on.
    if (tally.misplaced[0]?.resolution === null) setSelected(tally.misplaced[0].copyId);
  }, [tally.misplaced]);

  const columns = useMemo(() => {
    const copy: LineColumn<CopyLineView>[] = [
      { key: 'copy', title: t('stocktake.copy'), render: (l) => <CopyText receiptNo={l.receiptNo} copyNo={l.copyNo} level={l.level} /> },
      { key: 'code', title: t('stocktake.labelCode'), width: 180, render: (l) => <LabelCode code={l.labelCode} /> },
    ];
    const present: LineColumn<CopyLineView>[] = [
      ...copy,
      { key: 'at', title: t('stocktake.scannedAt'), width: 150, render: (l) => (l.scannedAt ? formatAt(l.scannedAt, language) : '') },
      ...(live
        ? [
            {
              key: 'undo',
              width: 90,
              render: (l: CopyLineView) => (
                <Button
                  size="small"
                  type="text"
                  icon={<UndoOutlined />}
                  onClick={() => handlers.current.undoOne(l)}
                  data-testid={`stocktake-undo-${l.labelCode}`}
                >
                  {t('stocktake.undoOne')}
                </Button>
              ),
            },
          ]
        : []),
    ];
    const misplaced: LineColumn<MisplacedLineView>[] = [
      { key: 'copy', title: t('stocktake.copy'), render: (l) => <CopyText receiptNo={l.receiptNo} copyNo={l.copyNo} level={l.level} /> },
      { key: 'belongs', title: t('stocktake.belongsTo'), width: 160, render: (l) => l.belongsTo.name },
      {
        key: 'resolution',
        width: 230,
        render: (l) =>
          l.resolution ? (
            <Tag color={l.resolution === 'moved' ? 'success' : 'warning'}>{t(`stocktake.resolutions.${l.resolution}`)}</Tag>
          ) : live ? (
            <Space size={4}>
              <Button
                size="small"
                icon={<ImportOutlined />}
                onClick={() => void handlers.current.act(l, 'move')}
                aria-keyshortcuts="Alt+M"
                data-testid={`stocktake-move-${l.labelCode}`}
              >
                {t('stocktake.moveHere')}
              </Button>
              <Button
                size="small"
                icon={<FlagOutlined />}
                onClick={() => void handlers.current.act(l, 'flag')}
                aria-keyshortcuts="Alt+F"
                data-testid={`stocktake-flag-${l.labelCode}`}
              >
                {t('stocktake.flag')}
              </Button>
            </Space>
          ) : (
            <Tag color="warning">{t('stocktake.resolutions.flagged')}</Tag>
          ),
      },
    ];
    const unexpected: LineColumn<UnexpectedLineView>[] = [
      {
        key: 'copy',
        title: t('stocktake.copy'),
        render: (l) => (l.copy ? <CopyText receiptNo={l.copy.receiptNo} copyNo={l.copy.copyNo} level={l.copy.level} /> : <LabelCode code={l.code} />),
      },
      { key: 'status', title: t('stocktake.ledgerSays'), width: 260, render: (l) => t(`stocktake.ledgerStatus.${l.ledgerStatus}`, { holder: l.holder ?? '' }) },
    ];
    const onLoan: LineColumn<LoanLineView>[] = [
      ...copy,
      { key: 'holder', title: t('stocktake.holder'), width: 120, render: (l) => l.holder },
      { key: 'due', title: t('stocktake.dueAt'), width: 120, render: (l) => l.dueAt ?? '' },
    ];
    return { copy, present, misplaced, unexpected, onLoan };
  }, [t, language, live]);
  const byLabel = (l: { labelCode: string }) => l.labelCode;

  return (
    <Card size="small" title={`${tally.cabinet.code} ${tally.cabinet.name}`} data-testid="stocktake-cabinet" data-cabinet={tally.cabinet.code}>
      <Flex vertical gap={12}>
        {!tally.visited && live && <Alert type="info" showIcon title={t('stocktake.notVisited')} />}
        <Counts
          items={[
            { key: 'expected', value: tally.expected },
            { key: 'present', value: tally.present.length },
            { key: 'missing', value: tally.missing.length, alert: true },
            { key: 'misplaced', value: tally.misplaced.length, alert: true },
            { key: 'unexpected', value: tally.unexpected.length, alert: true },
            { key: 'onLoan', value: tally.onLoan.length },
          ]}
        />
        <Tabs
          activeKey={tab}
          destroyOnHidden
          onChange={(k) => {
            setTab(k);
            focusScan();
          }}
          items={[
            {
              key: 'missing',
              label: t('stocktake.tabs.missing', { n: tally.missing.length }),
              children: <LineTable rows={tally.missing} columns={columns.copy} keyOf={byLabel} testId="stocktake-missing" />,
            },
            {
              key: 'present',
              label: t('stocktake.tabs.present', { n: tally.present.length }),
              children: <LineTable rows={tally.present} columns={columns.present} keyOf={byLabel} testId="stocktake-present" />,
            },
            {
              key: 'misplaced',
              label: t('stocktake.tabs.misplaced', { n: tally.misplaced.length }),
              children: (
                <LineTable
                  rows={tally.misplaced}
                  columns={columns.misplaced}
                  keyOf={byLabel}
                  testId="stocktake-misplaced"
                  selectedKey={live ? chosen?.labelCode : null}
                />
              ),
            },
            {
              key: 'unexpected',
              label: t('stocktake.tabs.unexpected', { n: tally.unexpected.length }),
              children: <LineTable rows={tally.unexpected} columns={columns.unexpected} keyOf={(l) => l.code} testId="stocktake-unexpected" />,
            },
            {
              key: 'onLoan',
              label: t('stocktake.tabs.onLoan', { n: tally.onLoan.length }),
              children: <LineTable rows={tally.onLoan} columns={columns.onLoan} keyOf={byLabel} testId="stocktake-on-loan" />,
            },
          ]}
        />
      </Flex>
    </Card>
  );
}

type DeviceLineView = DeviceTally['present'][number];

/** The devices part: computers and media by their codes, the same way as a cabinet's copies. */
function DevicePanel({ tally }: { tally: DeviceTally }) {
  const { t } = useTranslation();
  const columns = useMemo(() => {
    const lines: LineColumn<DeviceLineView>[] = [
      { key: 'code', title: t('stocktake.deviceCode'), width: 160, render: (l) => <span className="monospace">{l.deviceCode}</span> },
      { key: 'name', title: t('stocktake.deviceName'), render: (l) => l.name },
      { key: 'level', title: t('stocktake.levels'), width: 100, render: (l) => <DeviceLevelTag level={l.level} /> },
      { key: 'label', title: t('stocktake.labelCode'), width: 180, render: (l) => <LabelCode code={l.labelCode} /> },
    ];
    const unexpected: LineColumn<UnexpectedLineView>[] = [
      { key: 'code', title: t('stocktake.labelCode'), render: (l) => (l.device ? <LineWords line={l.device} suffix="" /> : <LabelCode code={l.code} />) },
      { key: 'status', title: t('stocktake.ledgerSays'), width: 260, render: (l) => t(`stocktake.ledgerStatus.${l.ledgerStatus}`, { holder: l.holder ?? '' }) },
    ];
    return { lines, unexpected };
  }, [t]);
  const byLabel = (l: { labelCode: string }) => l.labelCode;
  return (
    <Card size="small" title={t('stocktake.devices')} data-testid="stocktake-devices">
      <Flex vertical gap={12}>
        <Counts
          items={[
            { key: 'expected', value: tally.expected },
            { key: 'present', value: tally.present.length },
            { key: 'missing', value: tally.missing.length, alert: true },
            { key: 'unexpected', value: tally.unexpected.length, alert: true },
            { key: 'onLoan', value: tally.onLoan.length },
          ]}
        />
        <Tabs
          destroyOnHidden
          items={[
            {
              key: 'missing',
              label: t('stocktake.tabs.missing', { n: tally.missing.length }),
              children: <LineTable rows={tally.missing} columns={columns.lines} keyOf={byLabel} testId="stocktake-devices-missing" />,
            },
            {
              key: 'present',
              label: t('stocktake.tabs.present', { n: tally.present.length }),
              children: <LineTable rows={tally.present} columns={columns.lines} keyOf={byLabel} testId="stocktake-devices-present" />,
            },
            {
              key: 'unexpected',
              label: t('stocktake.tabs.unexpected', { n: tally.unexpected.length }),
              children: <LineTable rows={tally.unexpected} columns={columns.unexpected} keyOf={(l) => l.code} testId="stocktake-devices-unexpected" />,
            },
            {
              key: 'onLoan',
              label: t('stocktake.tabs.onLoan', { n: tally.onLoan.length }),
              children: <LineTable rows={tally.onLoan} columns={columns.lines} keyOf={byLabel} testId="stocktake-devices-on-loan" />,
            },
          ]}
        />
      </Flex>
    </Card>
  );
}

/** 完成清查, said once more: the counts as they will be recorded, the cabinets not counted, what prints. */
function CloseSummary({ view, onDone }: { view: StocktakeView; onDone(): void }) {
  const { t, i18n } = useTranslation();
  const close = useLedger((s) => s.closeStocktake);
  const unvisited = view.cabinets.filter((c) => !c.visited);
  const [unvisitedAreMissing, setUnvisitedAreMissing] = useState(false);
  const closing = useAction(async () => {
    await close({ unvisitedAreMissing: unvisited.length > 0 && unvisitedAreMissing });
    onDone();
  });
  const n = totalsOf(view);
  const facts: SummaryFact[] = [
    { label: t('stocktake.no'), value: view.no, testId: 'no' },
    { label: t('stocktake.checkers'), value: namesOf(view.checkers, i18n.language), testId: 'checkers' },
    {
      label: t('stocktake.cabinets'),
      value: t('stocktake.cabinetsCounted', { n: view.cabinets.length - unvisited.length, total: view.cabinets.length }),
      testId: 'cabinets',
    },
    { label: t('stocktake.counts.expected'), value: n.expected, testId: 'expected' },
    { label: t('stocktake.counts.present'), value: n.present, testId: 'present' },
    { label: t('stocktake.counts.missing'), value: n.missing, testId: 'missing' },
    { label: t('stocktake.counts.misplaced'), value: n.misplaced, testId: 'misplaced' },
    { label: t('stocktake.counts.unexpected'), value: n.unexpected, testId: 'unexpected' },
    { label: t('stocktake.counts.onLoan'), value: n.onLoan, testId: 'on-loan' },
    { label: t('confirm.prints'), value: t('confirm.printsAfter', { form: t('confirm.forms.inventory') }), testId: 'prints' },
  ];
  return (
    <ConfirmSummary
      title={t('stocktake.closeTitle')}
      confirmText={t('stocktake.close')}
      facts={facts}
      busy={closing.busy}
      error={closing.error}
      onBack={onDone}
      onConfirm={() => void closing.run()}
      width={600}
    >
      <Alert type="warning" showIcon title={t('stocktake.closeWarning')} style={{ marginTop: 12 }} />
      {unvisited.length > 0 && (
        <Flex vertical gap={4} style={{ marginTop: 12 }}>
          <Alert
            type="error"
            showIcon
            title={t('stocktake.unvisited', {
              names: namesOf(
                unvisited.map((c) => c.cabinet.name),
                i18n.language,
              ),
            })}
          />
          <Checkbox checked={unvisitedAreMissing} onChange={(e) => setUnvisitedAreMissing(e.target.checked)} data-testid="stocktake-unvisited-missing">
            {t('stocktake.unvisitedAreMissing')}
          </Checkbox>
        </Flex>
      )}
    </ConfirmSummary>
  );
}

/** A closed stocktake: its number as the inventory batch, the totals, the 清查报告 to print. */
function ClosedResult({ view }: { view: StocktakeView }) {
  const { t } = useTranslation();
  const n = totalsOf(view);
  const agrees = n.missing === 0 && n.misplaced === 0 && n.unexpected === 0;
  return (
    <Card size="small" data-testid="stocktake-result">
      <Result
        status={agrees ? 'success' : 'warning'}
        title={agrees ? t('stocktake.agrees') : t('stocktake.exceptions', { missing: n.missing, misplaced: n.misplaced, unexpected: n.unexpected })}
        subTitle={view.batchNo && t('batch.batchNo', { batchNo: view.batchNo })}
        extra={
          view.batchNo && (
            <PrintButton request={{ kind: 'inventory-report', batchNo: view.batchNo }} label={t('print.inventoryReport')} testId="stocktake-print" />
          )
        }
      />
    </Card>
  );
}
