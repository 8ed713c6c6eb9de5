// 打印标签: what to print comes from where the dialog was opened (an item's copies, a device, cabinets, a selection, a
// sitting's registrations); the dialog picks the layout (an A4 label sheet or a label printer's single label), says
// how many labels and sheets that makes, and opens the print preview, which prints and audits like any printout.
// The layout chosen last is the account's (account prefs): the next labels start from it.
import { useEffect, useMemo, useState } from 'react';
import { Alert, Flex, Form, InputNumber, Modal, Radio, Spin, Typography, type FormInstance, type FormRule } from 'antd';
import { useTranslation } from 'react-i18next';
import { send } from '../../api';
import { useLedger } from '../../store';
import type { TFunction } from '../../i18n';
import { FormModal } from '../../ui/FormModal';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { A4_MM, fitsA4, LABEL_PRESETS } from '../../../../db/domain/labels';
import type { LabelData, LabelItems, LabelLayout } from '../../../../preload/contract';
import { MIN_LABEL_HEIGHT_MM, minLabelWidth } from './face';
import { widestCode128 } from './symbols';
import { GRID_FIELDS, LABEL_CHOICES, layoutOf, pagesFor, valuesOf, type LayoutChoice, type LayoutValues } from './layouts';

interface Props {
  open: boolean;
  items: LabelItems;
  onClose(): void;
}

export function LabelDialog({ open, items, onClose }: Props) {
  return open ? <LabelForm items={items} onClose={onClose} /> : null;
}

/** The first preset: what the labels are counted with (the count does not depend on the layout). */
const COUNTING_LAYOUT = valuesOf(null);

interface Loaded {
  labels: LabelData[];
  last: LabelLayout | null;
}

/** The labels the items make (the backend decides: no 份号 means every copy held) and the account's last layout. */
function useLoaded(items: LabelItems): { loaded: Loaded | null; error: unknown } {
  const language = useLedger((s) => s.language);
  const [state, setState] = useState<{ loaded: Loaded | null; error: unknown }>({ loaded: null, error: null });
  // Callers pass the items as a literal: what they name, not the object, decides when to count again.
  const named = JSON.stringify(items);
  useEffect(() => {
    let live = true;
    const layout = layoutOf(COUNTING_LAYOUT)!;
    const request = { kind: 'labels' as const, items: JSON.parse(named) as LabelItems, layout, language };
    Promise.all([send('print.prepare', { request }), send('account.prefs', {})]).then(
      ([{ document }, prefs]) => live && setState({ loaded: { labels: 'labels' in document ? document.labels : [], last: prefs.labelLayout }, error: null }),
      (error: unknown) => live && setState({ loaded: null, error }),
    );
    return () => {
      live = false;
    };
  }, [named, language]);
  return state;
}

function LabelForm({ items, onClose }: { items: LabelItems; onClose(): void }) {
  const { t } = useTranslation();
  const { loaded, error } = useLoaded(items);
  if (!loaded)
    return (
      <Modal open title={t('labels.title')} footer={null} onCancel={onClose} data-testid="labels-loading">
        {error ? <ErrorAlert error={error} testId="labels-error" /> : <Spin />}
      </Modal>
    );
  return <LayoutForm labels={loaded.labels} last={loaded.last} items={items} onClose={onClose} />;
}

function LayoutForm({ labels, last, items, onClose }: { labels: LabelData[]; last: LabelLayout | null; items: LabelItems; onClose(): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<LayoutValues>();
  const openPrint = useLedger((s) => s.openPrint);
  const initial = useMemo(() => valuesOf(last), [last]);
  const watched = Form.useWatch([], form) as Partial<LayoutValues> | undefined;
  const values: LayoutValues = { ...initial, ...watched };
  const layout = layoutOf(values);
  // The widest Code 128 among these codes decides how narrow a label may be.
  const minWidth = useMemo(() => minLabelWidth(widestCode128(labels.map((l) => l.code))), [labels]);
  const count = labels.length;

  return (
    <FormModal<LayoutValues>
      title={t('labels.title')}
      submitText={t('labels.preview')}
      testId="labels"
      form={form}
      initialValues={initial}
      width={640}
      onSubmit={async (v) => {
        const chosen = layoutOf(v);
        if (!chosen || count === 0) return;
        openPrint({ kind: 'labels', items, layout: chosen });
        // Remembered for the next labels; the preview does not wait for it.
        void send('account.setPrefs', { labelLayout: chosen }).catch(() => undefined);
      }}
      onClose={onClose}
    >
      <div
        onKeyDown={(e) => {
          // Arrows pick the layout; Enter goes to the preview (a radio button has no implicit submit of its own).
          if (e.key === 'Enter' && !e.nativeEvent.isComposing && (e.target as HTMLElement).matches('input[type=radio]')) {
            e.preventDefault();
            form.submit();
          }
        }}
      >
        <Form.Item name="choice" label={t('labels.layout')}>
          <Radio.Group data-testid="labels-choice">
            <Flex vertical gap={6}>
              {LABEL_CHOICES.map((c) => (
                <Radio key={c} value={c} data-testid={`labels-choice-${c}`}>
                  {choiceText(c, t)}
                </Radio>
              ))}
            </Flex>
          </Radio.Group>
        </Form.Item>
      </div>
      {values.choice === 'custom' && <GridFields form={form} minWidth={minWidth} />}
      {values.choice === 'single' && (
        <Flex wrap gap={12} data-testid="labels-single">
          <LabelSize width="widthMm" height="heightMm" minWidth={minWidth} max={SINGLE_MAX_MM} />
        </Flex>
      )}
      {count === 0 ? (
        <Alert type="warning" showIcon title={t('labels.none')} style={{ marginBottom: 16 }} data-testid="labels-none" />
      ) : (
        <Typography.Paragraph data-testid="labels-count">
          {layout?.kind === 'single' ? t('labels.countSingle', { count }) : t('labels.countSheets', { count, sheets: layout ? pagesFor(count, layout) : '—' })}
        </Typography.Paragraph>
      )}
    </FormModal>
  );
}

function choiceText(choice: LayoutChoice, t: TFunction): string {
  if (choice === 'custom' || choice === 'single') return t(`labels.${choice}`);
  const p = LABEL_PRESETS[choice];
  return t('labels.sheetChoice', { columns: p.columns, rows: p.rows, count: p.columns * p.rows, width: p.labelWidthMm, height: p.labelHeightMm });
}

/** A size in mm: below `min` it says why (a barcode too narrow to scan, a label too low for its text). */
interface SizeProps {
  name: keyof LayoutValues;
  label: string;
  min: number;
  max: number;
  message?: string;
  rules?: FormRule[];
  dependencies?: readonly string[];
}

function SizeField({ name, label, min, max, message, rules = [], dependencies }: SizeProps) {
  const integer = name === 'columns' || name === 'rows';
  return (
    <Form.Item
      name={name}
      label={label}
      dependencies={dependencies ? [...dependencies] : undefined}
      rules={[{ required: true }, ...(message ? [{ type: 'number' as const, min, message }] : []), ...rules]}
      style={{ marginBottom: 8 }}
    >
      <InputNumber min={integer ? min : 0} max={max} precision={integer ? 0 : undefined} style={{ width: 120 }} data-testid={`labels-${name}`} />
    </Form.Item>
  );
}

/** A single label's largest size (db/domain/labels' schema). */
const SINGLE_MAX_MM = { width: 200, height: 200 };

/** A label's width and height in mm: too narrow for its barcode or too low for its text is said in words. */
function LabelSize({
  width,
  height,
  minWidth,
  max,
}: {
  width: keyof LayoutValues;
  height: keyof LayoutValues;
  minWidth: number;
  max: { width: number; height: number };
}) {
  const { t } = useTranslation();
  return (
    <>
      <SizeField name={width} label={t('labels.labelWidthMm')} min={minWidth} max={max.width} message={t('labels.tooNarrow', { min: minWidth })} />
      <SizeField
        name={height}
        label={t('labels.labelHeightMm')}
        min={MIN_LABEL_HEIGHT_MM}
        max={max.height}
        message={t('labels.tooShort', { min: MIN_LABEL_HEIGHT_MM })}
      />
    </>
  );
}

function GridFields({ form, minWidth }: { form: FormInstance<LayoutValues>; minWidth: number }) {
  const { t } = useTranslation();
  // The grid as a whole must lie on the A4 sheet: said under the first field, checked whenever any of them changes.
  const onSheet: FormRule = {
    validator: () => {
      const layout = layoutOf({ ...form.getFieldsValue(true), choice: 'custom' });
      return !layout || fitsA4(layout) ? Promise.resolve() : Promise.reject(new Error(t('labels.offSheet')));
    },
  };
  return (
    <Flex wrap gap={12} data-testid="labels-custom">
      <SizeField name="columns" label={t('labels.columns')} min={1} max={10} rules={[onSheet]} dependencies={GRID_FIELDS.slice(1)} />
      <SizeField name="rows" label={t('labels.rows')} min={1} max={30} />
      <LabelSize width="labelWidthMm" height="labelHeightMm" minWidth={minWidth} max={A4_MM} />
      <SizeField name="marginTopMm" label={t('labels.marginTopMm')} min={0} max={100} />
      <SizeField name="marginLeftMm" label={t('labels.marginLeftMm')} min={0} max={100} />
      <SizeField name="gapXmm" label={t('labels.gapXmm')} min={0} max={50} />
      <SizeField name="gapYmm" label={t('labels.gapYmm')} min={0} max={50} />
    </Flex>
  );
}
