import type { Setting } from '../domain/reference';
import type { Choice } from './render-card';

/** Most settings one search answers with: Teams shows at most 15 in its dropdown. */
export const MAX_SEARCH_RESULTS = 15;

/** Longest query looked at: no setting name or id is longer, and a longer one costs nothing more. */
const MAX_QUERY_CHARS = 100;

/**
 * Most setting choices one card carries in its JSON. Up to this many (all the settings, on every
 * chooser of the card) the card lists them all and Teams filters them as the user types; beyond
 * it, each chooser holds only its current answer and Teams asks the bot (typeahead search), so a
 * real authority's 150-500 settings never take a card past Teams' ~28 KB message limit.
 */
export const MAX_LISTED_SETTING_CHOICES = 100;

/** Whether a card with this many setting choosers must search rather than list every setting. */
export function mustSearchSettings(settingCount: number, choosers: number): boolean {
  return settingCount * Math.max(choosers, 1) > MAX_LISTED_SETTING_CHOICES;
}

/** A setting as a choice: its name and its URN or provider id, as people say them on the phone. */
export function settingChoice(setting: Setting): Choice {
  return { title: `${setting.name} (${setting.id})`, value: setting.id };
}

/** Lower case, accents and apostrophes dropped, anything else not a letter or digit a single space. */
function normalise(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’`]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** How well a setting matches a query, lower is better; undefined for no match. */
function rank(setting: Setting, query: string, queryWords: string[]): number | undefined {
  const id = setting.id.toLowerCase();
  const compactQuery = query.replace(/ /g, '');
  if (id === compactQuery) return 0;
  if (compactQuery.length >= 3 && id.startsWith(compactQuery)) return 1;
  const name = normalise(setting.name);
  if (name.startsWith(query)) return 2;
  if (name.includes(` ${query}`)) return 3;
  const nameWords = name.split(' ');
  if (queryWords.every((q) => nameWords.some((w) => w.startsWith(q)))) return 4;
  if (query.length >= 3 && name.includes(query)) return 5;
  return undefined;
}

/**
 * The settings a query finds by name or by URN / provider id, best first: the exact id, then an id
 * that starts so, a name that starts so, a name with a word that starts so, a name with every typed
 * word, then a name containing the text anywhere; alphabetical within each.
 */
export function findSettings(settings: readonly Setting[], rawQuery: string, options: { skip?: number; limit?: number } = {}): Setting[] {
  const query = normalise(rawQuery.slice(0, MAX_QUERY_CHARS));
  if (query === '') return [];
  const queryWords = query.split(' ');
  const limit = Math.min(Math.max(options.limit ?? MAX_SEARCH_RESULTS, 0), MAX_SEARCH_RESULTS);
  const skip = Math.max(options.skip ?? 0, 0);
  return settings
    .map((setting) => ({ setting, score: rank(setting, query, queryWords) }))
    .filter((m): m is { setting: Setting; score: number } => m.score !== undefined)
    .sort((a, b) => a.score - b.score || a.setting.name.localeCompare(b.setting.name, 'en-GB') || a.setting.id.localeCompare(b.setting.id))
    .slice(skip, skip + limit)
    .map((m) => m.setting);
}

/** Words in setting names that say what kind of place it is, not which one. */
const GENERIC_WORDS = new Set(
  'a an and at of the in on for st saint school schools primary secondary infant infants junior juniors nursery academy college high community church england ce c e rc catholic voluntary controlled aided day pre preschool centre center free studio special foundation trust federation early years provider childminder'.split(
    ' ',
  ),
);

/**
 * The settings most likely meant by free text someone wrote (e.g. "Teaching assistant at Hartwell
 * Academy"): the one whose id it contains, then those sharing the most distinctive name words with
 * it, then the most other name words ("academy"), then the fewest words it does not mention.
 */
export function suggestSettings(settings: readonly Setting[], text: string, limit = 3): Setting[] {
  const words = new Set(normalise(text.slice(0, 500)).split(' ').filter((w) => w !== ''));
  if (words.size === 0) return [];
  return settings
    .map((setting) => {
      const nameWords = normalise(setting.name).split(' ').filter((w) => w !== '');
      const distinctive = nameWords.filter((w) => !GENERIC_WORDS.has(w));
      const shared = distinctive.filter((w) => words.has(w)).length;
      const sharedGeneric = nameWords.filter((w) => GENERIC_WORDS.has(w) && words.has(w)).length;
      const score = words.has(setting.id.toLowerCase()) ? 1000 : shared === 0 ? 0 : shared * 100 + sharedGeneric - (distinctive.length - shared);
      return { setting, score };
    })
    .filter((m) => m.score > 0)
    .sort((a, b) => b.score - a.score || a.setting.name.localeCompare(b.setting.name, 'en-GB'))
    .slice(0, limit)
    .map((m) => m.setting);
}
