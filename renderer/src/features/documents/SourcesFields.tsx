// 汇编 / 摘录 on the produce form: the source documents picked from the ledger, what they imply (the highest level
// and the longest period among them, the union of their scopes), the decision that narrows the scope and the
// approval (as a copy of the most secret source). The backend judges the marking (E_COMPILATION_MARKING names the
// sources); the form says the same before saving.
import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert, Col, Form, Input, Radio, Row, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DocumentListItem } from '../../../../preload/contract';
import { levelRank, parseMarking, secrecyEnd } from '../../../../db/domain';
import { useLedger } from '../../store';
import { PersonInput } from '../../ui/SuggestInput';
import { useTypedSearch } from '../../ui/hooks/useTypedSearch';
import { ApprovalFields, toGrant, type ApprovalValues } from './ApprovalFields';

export interface SourcesValues {
  sources?: number[];
  compilation?: 'compile' | 'excerpt';
  /** A scope narrower than the sources' together, by a recorded decision. */
  narrowScope?: boolean;
  scopeDecision?: { decidedBy: string; decisionDocNo: string };
  /** With secret sources: approved as a copy of the most secret one. */
  approval?: ApprovalValues;
}

/** What the command takes from these fields: nothing unless sources were picked. */
export function toSources(v: SourcesValues) {
  if (!v.sources?.length) return {};
  const decision = v.narrowScope && v.scopeDecision;
  return {
    sources: v.sources,
    compilation: v.compilation ?? 'compile',
    ...(decision ? { scopeDecision: { decidedBy: decision.decidedBy.trim(), decisionDocNo: decision.decisionDocNo.trim() } } : {}),
    approval: toGrant(v.approval),
  };
}

const SEARCH_LIMIT = 20;

/** The least marking the sources allow: their highest level, and the latest end of a period (null: 长期 or a condition). */
function implied(sources: DocumentListItem[]) {
  const live = sources.filter((d) => !d.declassified);
  if (live.length === 0) return null;
  const top = live.reduce((a, b) => (levelRank(b.level) > levelRank(a.level) ? b : a));
  const secret = live.filter((d) => d.level !== 'internal');
  const endless = secret.filter((d) => d.secrecyEnd === null);
  const latest = secret.reduce<string | null>((end, d) => (d.secrecyEnd && (!end || d.secrecyEnd > end) ? d.secrecyEnd : end), null);
  // The approval is asked for the first most secret source, as the backend does: 绝密 from outside, else the approver.
  const approvedFor = secret.reduce<DocumentListItem | null>((a, d) => (a === null || levelRank(d.level) > levelRank(a.level) ? d : a), null);
  return { level: top.level, endless: endless.length > 0, end: latest, approvedFor };
}

/** The sources the typed marking falls short of, as the backend's rule counts them; empty while it does not parse. */
function below(marking: string, issueDate: string | undefined, sources: DocumentListItem[]): DocumentListItem[] {
  let level: DocumentListItem['level'];
  let end: string | null;
  try {
    const m = parseMarking(marking);
    level = m.level;
    end = issueDate ? secrecyEnd(m, issueDate) : null;
  } catch {
    return [];
  }
  return sources.filter(
    (d) =>
      !d.declassified &&
      (levelRank(d.level) > levelRank(level) || (!!issueDate && end !== null && d.level !== 'internal' && (d.secrecyEnd === null || d.secrecyEnd > end))),
  );
}

export function SourcesFields({ marking, issueDate, testId }: { marking: string; issueDate: string | undefined; testId: string }) {
  const { t } = useTranslation();
  const findDocuments = useLedger((s) => s.findDocuments);
  const form = Form.useFormInstance<SourcesValues>();
  const chosenIds = Form.useWatch('sources', form) ?? [];
  const narrowScope = Form.useWatch('narrowScope', form) ?? false;
  // Every item seen in a search, so that the chosen ones can be judged after the search moves on.
  const [seen, setSeen] = useState<Map<number, DocumentListItem>>(new Map());
  const [options, setOptions] = useState<DocumentListItem[]>([]);
  const request = useRef(0);

  const search = useCallback(
    async (query: string) => {
      const mine = ++request.current;
      const { rows } = await findDocuments({ query: query.trim() || undefined, limit: SEARCH_LIMIT });
      if (mine !== request.current) return;
      setOptions(rows);
      setSeen((before) => new Map([...before, ...rows.map((r) => [r.id, r] as const)]));
    },
    [findDocuments],
  );
  useEffect(() => {
    void search('');
  }, [search]);
  // Asked as typed, the newest answer shown (request above); a composition once it ends.
  const typed = useTypedSearch((text) => void search(text));

  const chosen = chosenIds.map((id) => seen.get(id)).filter((d): d is DocumentListItem => !!d);
  const least = implied(chosen);
  const short = marking.trim() ? below(marking, issueDate, chosen) : [];
  const levelName = (level: DocumentListItem['level']) => t(`levels.${level}`);

  return (
    <Row gutter={16}>
      {/* A composition in the select's search box asks once it ends (the events bubble up to here). */}
      <Col xs={24} md={16} {...typed.composition}>
        <Form.Item name="sources" label={t('docForm.sources.label')} extra={t('docForm.sources.hint')}>
          <Select
            mode="multiple"
            allowClear
            showSearch={{
              filterOption: false,
              onSearch: typed.typed,
            }}
            placeholder={t('docForm.sources.placeholder')}
            options={options.map((d) => ({ value: d.id, label: `${d.receiptNo}\u3000${d.title}（${d.marking}）` }))}
            labelRender={({ value }) => seen.get(Number(value))?.receiptNo ?? String(value)}
            notFoundContent={t('docForm.sources.none')}
            data-testid={`${testId}-sources`}
          />
        </Form.Item>
      </Col>
      {chosen.length > 0 && (
        <>
          <Col xs={24} md={8}>
            <Form.Item name="compilation" label={t('docForm.sources.kind')} initialValue="compile">
              <Radio.Group
                optionType="button"
                options={[
                  { value: 'compile', label: t('docForm.sources.compile') },
                  { value: 'excerpt', label: t('docForm.sources.excerpt') },
                ]}
                data-testid={`${testId}-compilation`}
              />
            </Form.Item>
          </Col>
          <Col span={24}>
            {least && (
              <Alert
                type={short.length ? 'warning' : 'info'}
                showIcon
                style={{ marginBottom: 16 }}
                title={
                  <span data-testid={`${testId}-sources-implied`}>
                    {least.endless
                      ? t('docForm.sources.impliedEndless', { level: levelName(least.level) })
                      : least.end
                        ? t('docForm.sources.impliedUntil', { level: levelName(least.level), end: least.end })
                        : t('docForm.sources.impliedLevel', { level: levelName(least.level) })}
                  </span>
                }
                description={
                  short.length > 0 && (
                    <span data-testid={`${testId}-sources-short`}>{t('docForm.sources.short', { sources: short.map((d) => d.receiptNo).join('、') })}</span>
                  )
                }
              />
            )}
          </Col>
          <Col xs={24} md={narrowScope ? 8 : 24}>
            <Form.Item
              name="narrowScope"
              label={t('docForm.sources.narrowScope')}
              valuePropName="checked"
              extra={!narrowScope && t('docForm.sources.scopeUnion')}
            >
              <Switch data-testid={`${testId}-narrow-scope`} />
            </Form.Item>
          </Col>
          {narrowScope && (
            <>
              <Col xs={24} md={8}>
                <Form.Item
                  name={['scopeDecision', 'decidedBy']}
                  label={t('docForm.sources.decidedBy')}
                  rules={[{ required: true, whitespace: true }, { max: 50 }]}
                >
                  <PersonInput testId={`${testId}-scope-decided-by`} />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item
                  name={['scopeDecision', 'decisionDocNo']}
                  label={t('docForm.sources.decisionDocNo')}
                  rules={[{ required: true, whitespace: true }, { max: 60 }]}
                >
                  <Input autoComplete="off" data-testid={`${testId}-scope-decision-doc-no`} />
                </Form.Item>
              </Col>
            </>
          )}
          {least?.approvedFor && (
            <Col span={24}>
              <ApprovalFields
                testIdPrefix={`${testId}-approval`}
                need={{ kind: 'compile', subject: { type: 'document', id: least.approvedFor.id } }}
                authority={least.approvedFor.level === 'top_secret' ? 'external' : 'unit'}
                rule={t(least.approvedFor.level === 'top_secret' ? 'docForm.sources.ruleTopSecret' : 'docForm.sources.ruleClassified')}
              />
            </Col>
          )}
        </>
      )}
    </Row>
  );
}
