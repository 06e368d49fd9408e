import type { CaseRecord } from '../../domain/case-record';
import type { OutboxItem } from '../../ports/store';
import { newOutboxItem } from '../outbox/notifications';
import type { TriageDeps } from '../triage/triage-deps';
import { panelPostView } from './panel-view';

/** The key the Panel channel post is kept under, for updates. */
export const panelKey = (ref: string): string => `panel:${ref}`;

/** The Panel channel card, brought up to date for everyone (tally, votes, decision). */
export async function panelUpdate(deps: TriageDeps, record: CaseRecord): Promise<OutboxItem> {
  const card = deps.cards.panelPost(await panelPostView(deps, record));
  return newOutboxItem(deps, 'card-update', panelKey(record.ref), { card: { ...card, type: 'AdaptiveCard' }, order: record.revision }, record.ref);
}

/** The first Panel channel post for an escalated case, kept under panel:<ref> so votes update it. */
export async function panelPost(deps: TriageDeps, record: CaseRecord): Promise<OutboxItem> {
  const settings = await deps.directory.frontDoorSettings();
  const card = deps.cards.panelPost(await panelPostView(deps, record));
  return newOutboxItem(deps, 'channel-post', settings.teams.panelChannelId, { card: { ...card, type: 'AdaptiveCard' }, alertKey: panelKey(record.ref) }, record.ref);
}
