// Locale sections made from the core's domain terms (db/domain/terms): a level, a copy's or a device's status,
// a network ... is worded in one place for the screens, the printouts and the exports alike.
import { say, type Language, type Term } from '../../../db/domain/terms';

/** The words for `keys` (default: every term) in `language`. */
export function wordsIn<T extends string, K extends T = T>(language: Language, terms: Readonly<Record<T, Term>>, keys?: readonly K[]): Record<K, string> {
  const chosen = keys ?? (Object.keys(terms) as K[]);
  return Object.fromEntries(chosen.map((key) => [key, say(terms[key], language)])) as Record<K, string>;
}
