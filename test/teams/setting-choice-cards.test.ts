import type { Setting } from '../../src/domain/reference';
import type { AccessRequest, Draft } from '../../src/ports/store';
import { accessRequestsCard, tokenOf } from '../../src/teams/admin-cards';
import { stepCard } from '../../src/teams/intake-cards';
import { MAX_LISTED_SETTING_CHOICES } from '../../src/teams/setting-search';
import { cardProblems } from '../support/adaptive-card-check';
import { manySettings } from './many-settings';

/** What Teams accepts in one message is about 28 KB; these cards must stay well inside it. */
const MAX_CARD_BYTES = 24 * 1024;
const NOW = new Date('2026-12-07T11:00:00Z');

const bytes = (card: unknown): number => Buffer.byteLength(JSON.stringify(card), 'utf8');

/** The form's first step for a phone request, as a front-door admin sees it, with the school chosen (or not) and a problem shown. */
function phoneRequestCard(settings: Setting[], settingId = ''): Record<string, unknown> {
  const answers = { $channel: 'phone', settingId, requesterName: 'A'.repeat(100), requesterEmail: `${'b'.repeat(240)}@x.uk`, requesterRole: 'senco', requesterPhone: '0'.repeat(30) };
  const draft: Draft = { id: 'draft-1', ownerKey: 'k', step: 'requester', answers, createdAt: '2026-12-07T10:00:00Z', updatedAt: '2026-12-07T10:00:00Z' };
  const errors = { settingId: 'We do not recognise that school or setting: choose it from the list, or call the front door if it is missing' };
  return stepCard({ kind: 'step', draft, step: 'requester', errors }, { settings });
}

/** A pending access request with every field as long as it may be. */
function longRequest(i: number): AccessRequest {
  return { userKey: `t:00000000-0000-0000-0000-${String(i).padStart(12, '0')}`, name: 'N'.repeat(100), email: `${'e'.repeat(240)}@x.uk`, message: `${'Teaching assistant '.repeat(10)}at Hartwell Academy`, requestedAt: '2026-12-07T10:00:00Z', status: 'pending' };
}

function accessCard(settings: Setting[], requests: number, kept: Record<string, { setting: string }> = {}): Record<string, unknown> {
  const list = Array.from({ length: requests }, (_, i) => longRequest(i));
  return accessRequestsCard({ requests: list, total: requests, settings }, NOW, { text: 'Nothing was changed: choose the setting they work for.', color: 'Attention' }, kept);
}

/** Every Input.ChoiceSet of a card. */
function choosers(card: unknown): Array<{ id: string; choices: Array<{ title: string; value: string }>; 'choices.data'?: unknown; value?: string }> {
  const found: Array<{ id: string; choices: Array<{ title: string; value: string }> }> = [];
  JSON.stringify(card, (_key, value: unknown) => {
    if (value && typeof value === 'object' && (value as { type?: unknown }).type === 'Input.ChoiceSet') found.push(value as { id: string; choices: Array<{ title: string; value: string }> });
    return value;
  });
  return found;
}
const settingChoosers = (card: unknown) => choosers(card).filter((c) => c.id === 'settingId' || c.id.startsWith('setting_'));

describe('the school choosers stay inside Teams’ card size limit', () => {
  it.each([0, 1, 15, 50, 100, 101, 150, 450, 500, 2000])('keeps the phone-request form under 24 KB with %i settings', (n) => {
    const settings = manySettings(n);
    expect(bytes(phoneRequestCard(settings))).toBeLessThan(MAX_CARD_BYTES);
    expect(bytes(phoneRequestCard(settings, settings[n - 1]?.id ?? ''))).toBeLessThan(MAX_CARD_BYTES);
  });

  it.each([0, 1, 15, 50, 100, 101, 150, 450, 500, 2000])('keeps the access requests card with 10 requests under 24 KB with %i settings', (n) => {
    expect(bytes(accessCard(manySettings(n), 10))).toBeLessThan(MAX_CARD_BYTES);
  });

  it('lists every setting while there are few, and only the chosen one once there are too many to list', () => {
    const few = manySettings(MAX_LISTED_SETTING_CHOICES);
    const [listed] = settingChoosers(phoneRequestCard(few));
    expect(listed?.choices).toHaveLength(MAX_LISTED_SETTING_CHOICES);
    expect(listed?.['choices.data']).toBeUndefined();

    const many = manySettings(500);
    const chosen = many[321];
    const [searched] = settingChoosers(phoneRequestCard(many, chosen?.id));
    expect(searched?.['choices.data']).toEqual({ type: 'Data.Query', dataset: 'settings' });
    expect(searched?.choices).toEqual([{ title: `${chosen?.name} (${chosen?.id})`, value: chosen?.id }]);
    expect(searched?.value).toBe(chosen?.id);
    expect(settingChoosers(phoneRequestCard(many, 'FORGED'))[0]?.choices).toEqual([]);
  });

  it('offers each access request its chosen setting and the settings its words name, and searches the rest', () => {
    const settings = manySettings(450);
    const card = accessCard(settings, 2, { [tokenOf(longRequest(1).userKey)]: { setting: '120003' } });
    const [first, second] = settingChoosers(card);
    for (const chooser of [first, second]) expect(chooser?.['choices.data']).toEqual({ type: 'Data.Query', dataset: 'settings' });
    expect(first?.choices.map((c) => c.title)).toEqual(['Hartwell Academy (120067)', 'Hartwell Academy 2 (120172)', 'Hartwell Academy 3 (120277)']);
    expect(second?.choices.map((c) => c.title)).toEqual(['Denholme Primary School (120003)', 'Hartwell Academy (120067)', 'Hartwell Academy 2 (120172)', 'Hartwell Academy 3 (120277)']);
    expect(second?.value).toBe('120003');
  });

  it('renders valid Adaptive Card 1.5 either way (Teams reads choices.data whatever the card version)', () => {
    for (const n of [15, 500]) {
      const settings = manySettings(n);
      const cards = [phoneRequestCard(settings, settings[3]?.id), accessCard(settings, 10)];
      for (const card of cards) {
        expect(card.version).toBe('1.5');
        expect(cardProblems(card)).toEqual([]);
        expect(JSON.stringify(card)).not.toContain('${');
      }
    }
  });

  it('leaves a searching chooser with nothing chosen empty, which the validator names and Teams accepts', () => {
    expect(cardProblems(phoneRequestCard(manySettings(500)))).toEqual(['CollectionCantBeEmpty: An Input.ChoiceSet must have at least one choice defined.']);
  });
});
