import { createHash } from 'node:crypto';
import { whenInWords } from '../app/access/access-notices';
import type { AccessRequestsView, ApprovedPerson } from '../app/access/list-access-requests';
import type { DeadLetterView } from '../app/outbox/list-dead-letters';
import { adminMenuFor } from '../domain/menu';
import type { Setting } from '../domain/reference';
import type { Role } from '../domain/roles';
import { renderCard, type AdaptiveCardJson, type Choice } from './render-card';
import { mustSearchSettings, settingChoice, suggestSettings } from './setting-search';

/** A line at the top of an admin card: what a click did, or why it changed nothing. */
export interface CardNotice {
  text: string;
  color: 'Attention' | 'Good' | 'Default';
}
const NO_NOTICE: CardNotice = { text: '', color: 'Default' };

export interface AdminAccessRequestsCard {
  summary: string;
  notice: CardNotice;
  /** Too many settings to list on every request: each chooser holds its answer and likely settings, and Teams searches the rest. */
  searchSettings: boolean;
  items: Array<{
    userKey: string;
    token: string;
    name: string;
    email: string;
    said: string;
    when: string;
    choices: Choice[];
    setting: string;
    reason: string;
    settingError: string;
    reasonError: string;
  }>;
}

export interface AdminApprovedPeopleCard {
  summary: string;
  notice: CardNotice;
  people: Array<{ userKey: string; name: string; email: string; settingName: string; approved: string }>;
}

export interface AdminDeadLettersCard {
  summary: string;
  notice: CardNotice;
  items: DeadLetterView[];
  more: boolean;
  shown: number;
}

/** What an admin typed for one request, and the problems beside it, by the request's token. */
export type KeptAnswers = Record<string, { setting?: string; reason?: string; settingError?: string; reasonError?: string }>;

/** The short, stable token a request's inputs are named by (setting_<token>, reason_<token>). */
export function tokenOf(userKey: string): string {
  return createHash('sha256').update(userKey).digest('hex').slice(0, 12);
}

/** The pending requests, each with its setting choice and Approve / Refuse; answers typed before are kept. */
export function accessRequestsCard(view: AccessRequestsView, now: Date, notice: CardNotice = NO_NOTICE, kept: KeptAnswers = {}): AdaptiveCardJson {
  const shown = view.requests.length;
  const summary =
    view.total === 0 ? 'Nobody is waiting for access.' : `${view.total} ${view.total === 1 ? 'person is' : 'people are'} waiting for access${view.total > shown ? `: the oldest ${shown} are shown` : ''}.`;
  const searchSettings = mustSearchSettings(view.settings.length, shown);
  const everySetting = searchSettings ? [] : view.settings.map(settingChoice);
  return renderCard('admin-access-requests', {
    summary,
    notice,
    searchSettings,
    items: view.requests.map((r) => {
      const token = tokenOf(r.userKey);
      const k = kept[token] ?? {};
      return {
        userKey: r.userKey,
        token,
        name: r.name,
        email: r.email ?? 'not given by Teams',
        said: r.message ?? '(nothing)',
        when: whenInWords(r.requestedAt, now),
        choices: searchSettings ? likelySettings(view.settings, k.setting ?? '', r.message ?? '') : everySetting,
        setting: k.setting ?? '',
        reason: k.reason ?? '',
        settingError: k.settingError ?? '',
        reasonError: k.reasonError ?? '',
      };
    }),
  });
}

/** The setting chosen so far, then those what the person said most likely means. */
function likelySettings(settings: readonly Setting[], chosenId: string, said: string): Choice[] {
  const chosen = settings.filter((s) => s.id === chosenId);
  const suggested = suggestSettings(settings, said).filter((s) => s.id !== chosenId);
  return [...chosen, ...suggested].map(settingChoice);
}

/** Everyone given access through a request, each with "Remove access" (asked again before it is done). */
export function approvedPeopleCard(view: { people: ApprovedPerson[]; total: number }, now: Date, notice: CardNotice = NO_NOTICE): AdaptiveCardJson {
  const shown = view.people.length;
  const summary =
    view.total === 0
      ? 'Nobody has been given access through a request. People listed by the authority are not shown here.'
      : `${view.total} ${view.total === 1 ? 'person has' : 'people have'} been given access through a request${view.total > shown ? `: the latest ${shown} are shown` : ''}. People listed by the authority are not shown here.`;
  return renderCard('admin-approved-people', {
    summary,
    notice,
    people: view.people.map(({ request, settingName, approvedByName }) => ({
      userKey: request.userKey,
      name: request.name,
      email: request.email ?? 'not given by Teams',
      settingName,
      approved: `${whenInWords(request.decision?.at ?? '', now)} by ${approvedByName}`,
    })),
  });
}

/** The undelivered messages in plain words, each with "Try again". */
export function deadLettersCard(view: { items: DeadLetterView[]; more: boolean }, notice: CardNotice = NO_NOTICE): AdaptiveCardJson {
  const n = view.items.length;
  const summary = n === 0 ? 'Every message has been delivered, or is still being tried.' : `${n}${view.more ? '+' : ''} ${n === 1 ? 'message' : 'messages'} could not be delivered after every try. What they said is not shown here.`;
  return renderCard('admin-dead-letters', { summary, notice, items: view.items, more: view.more, shown: n });
}

/** The welcome card with the front-door team's tasks added below the menu, for those who hold the roles. */
export function withAdminMenu(card: AdaptiveCardJson, roles: readonly Role[]): AdaptiveCardJson {
  const items = adminMenuFor(roles);
  if (items.length === 0) return card;
  const section = renderCard('admin-menu', { accessRequests: items.includes('accessRequests'), deadLetters: items.includes('deadLetters') });
  const body = Array.isArray(card.body) ? card.body : [];
  const extra = Array.isArray(section.body) ? section.body : [];
  return { ...card, body: [...body, ...extra] };
}
