// The facts of a document's conveyance and publication events on its 流转记录 (DocumentTimeline), as label–value pairs.
import type { DocumentEventView } from '../../../../preload/contract';
import { CONVEYANCE_MANNERS, PUBLICATION_EXTENTS, personText, type ConveyancePerson } from '../../../../db/domain/conveyance';
import type { Language } from '../../../../db/domain/terms';
import type { TFunction } from '../../i18n';

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v : typeof v === 'number' ? String(v) : null);
const people = (v: unknown, language: Language): string | null =>
  Array.isArray(v) ? (v as ConveyancePerson[]).map((p) => personText(p, language)).join('、') || null : null;

export function conveyanceFacts(e: DocumentEventView, t: TFunction, language: Language): [string, string | null][] {
  const d = e.details;
  const version = typeof d['version'] === 'number' ? t('conveyance.version', { n: d['version'] }) : null;
  const manner = CONVEYANCE_MANNERS.find((m) => m === d['manner']);
  switch (e.kind) {
    case 'conveyance_plan':
      return [
        [t('conveyance.versionLabel'), version],
        [t('conveyance.range'), people(d['range'], language)],
        [t('conveyance.manner'), manner ? t(`conveyance.manners.${manner}`) : null],
        [t('conveyance.discipline'), text(d['discipline'])],
      ];
    case 'convey':
      return [
        [t('conveyance.conveyor'), text(d['conveyor'])],
        [t('conveyance.audience'), e.counterpart],
        [t('conveyance.attended'), text(d['attended'])],
        [t('conveyance.manner'), manner ? t(`conveyance.manners.${manner}`) : null],
        [t('conveyance.planVersion'), typeof d['planVersion'] === 'number' ? t('conveyance.version', { n: d['planVersion'] }) : null],
      ];
    case 'publication_plan': {
      const extent = PUBLICATION_EXTENTS.find((x) => x === d['extent']);
      const decision = (d['decision'] ?? {}) as { docNo?: unknown; date?: unknown };
      return [
        [t('conveyance.versionLabel'), version],
        [t('conveyance.extent'), extent ? t(`conveyance.extents.${extent}`) : null],
        [t('conveyance.content'), text(d['content'])],
        [t('conveyance.publishFrom'), text(d['publishFrom'])],
        [t('conveyance.channel'), text(d['channel'])],
        [t('conveyance.decision'), [e.approver, text(decision.docNo)].filter(Boolean).join(' ') || null],
        [t('conveyance.decidedOn'), text(decision.date)],
      ];
    }
    case 'publication_done':
      return [
        [t('conveyance.reference'), text(d['reference'])],
        [t('conveyance.channel'), text(d['channel'])],
      ];
    default:
      return [];
  }
}
