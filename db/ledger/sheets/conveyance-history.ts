// The printed history's words for a document's conveyance and publication events (forms.ts eventText): apart from the
// conveyances sheet, which the sheets module builds (no import cycle through forms.ts).
import {
  CONVEYANCE_HISTORY_TERMS,
  CONVEYANCE_MANNER_TERMS,
  PUBLICATION_EXTENT_TERMS,
  personText,
  type ConveyanceManner,
  type ConveyancePerson,
  type PublicationExtent,
} from '../../domain/conveyance';
import { listOf, say, type Language } from '../../domain/terms';
import { label } from './labels';

/** The parts of a conveyance or publication event worth a line on the printed history (forms.ts eventText). */
export function conveyanceEventParts(kind: string, details: Record<string, unknown>, language: Language): string[] {
  const h = (key: keyof typeof CONVEYANCE_HISTORY_TERMS) => say(CONVEYANCE_HISTORY_TERMS[key], language);
  const labelled = (name: string, value: unknown) => (value === undefined || value === null || value === '' ? [] : [`${name} ${String(value)}`]);
  const people = (v: unknown) =>
    Array.isArray(v)
      ? listOf(
          (v as ConveyancePerson[]).map((p) => personText(p, language)),
          language,
        )
      : '';
  const version = (v: unknown) => (typeof v === 'number' ? [h('version').replace('{{n}}', String(v))] : []);
  const manner = (v: unknown) => (typeof v === 'string' && v in CONVEYANCE_MANNER_TERMS ? say(CONVEYANCE_MANNER_TERMS[v as ConveyanceManner], language) : '');
  switch (kind) {
    case 'conveyance_plan':
      return [
        ...version(details['version']),
        ...labelled(label('conveyanceRange', language), people(details['range'])),
        ...labelled(label('conveyanceManner', language), manner(details['manner'])),
        ...labelled(label('discipline', language), details['discipline']),
      ];
    case 'convey':
      return [
        ...labelled(label('conveyanceManner', language), manner(details['manner'])),
        ...labelled(label('conveyor', language), details['conveyor']),
        // The audience stands in the history's 对方 column.
        ...labelled(label('attended', language), details['attended']),
      ];
    case 'publication_plan': {
      const extent = details['extent'];
      const decision = (details['decision'] ?? {}) as { docNo?: string | null };
      return [
        ...version(details['version']),
        ...labelled(
          h('extent'),
          typeof extent === 'string' && extent in PUBLICATION_EXTENT_TERMS ? say(PUBLICATION_EXTENT_TERMS[extent as PublicationExtent], language) : '',
        ),
        ...labelled(h('content'), details['content']),
        ...labelled(h('publishFrom'), details['publishFrom']),
        ...labelled(h('decisionDocNo'), decision.docNo),
      ];
    }
    case 'publication_done':
      return labelled(h('reference'), details['reference']);
    default:
      return [];
  }
}
