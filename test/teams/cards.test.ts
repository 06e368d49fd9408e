import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadReferenceData } from '../../src/app/reference-data/load-reference-data';
import type { ReferenceData } from '../../src/domain/reference';
import { helpCard, noticeCard, unknownUserCard, welcomeCard } from '../../src/teams/cards';
import type { CardName } from '../../src/teams/render-card';
import { VERBS } from '../../src/teams/verbs';
import { cardProblems } from '../support/adaptive-card-check';
import { buttonTitles, cardText } from '../support/bot-harness';

let data: ReferenceData;
beforeAll(async () => {
  data = await loadReferenceData('data');
});

function person(id: string) {
  const found = data.people.find((p) => p.id === id);
  if (!found) throw new Error(`no ${id} in data/`);
  return found;
}

/** One rendering of every template, with realistic data. */
function everyCard(): Record<CardName, unknown> {
  const alex = person('00000000-0000-0000-0000-000000000100');
  return {
    welcome: welcomeCard(alex, data.frontDoor),
    help: helpCard(alex, data.frontDoor),
    'unknown-user': unknownUserCard(data.frontDoor, { settingName: 'Oakfield', jobRole: '' }, { jobRole: 'Enter your role' }),
    notice: noticeCard('Title', 'Text'),
  };
}

describe('card templates', () => {
  it('has a rendering for every template in cards/', () => {
    const templates = readdirSync('cards').filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, ''));
    expect(Object.keys(everyCard()).sort()).toEqual(templates.sort());
  });

  it('renders every card as valid Adaptive Card 1.5 with nothing left unfilled', () => {
    for (const [name, card] of Object.entries(everyCard())) {
      expect({ name, problems: cardProblems(card) }).toEqual({ name, problems: [] });
      expect(JSON.stringify(card)).not.toContain('${');
      expect((card as { version: string }).version).toBe('1.5');
    }
  });

  it('uses only verbs that have a handler, and every verb is used by some card', () => {
    const used = new Set<string>();
    for (const file of readdirSync('cards')) {
      const text = readFileSync(join('cards', file), 'utf8');
      for (const match of text.matchAll(/"verb"\s*:\s*"([^"]+)"/g)) used.add(match[1] ?? '');
    }
    const handled = new Set<string>(Object.values(VERBS));
    expect([...used].filter((v) => !handled.has(v))).toEqual([]);
    expect([...handled].filter((v) => !used.has(v))).toEqual([]);
  });

  it('shows a SENCO only what setting staff may do', () => {
    const card = welcomeCard(person('00000000-0000-0000-0000-000000000101'), data.frontDoor);
    expect(buttonTitles(card)).toEqual(['Request support', 'My requests', 'Help']);
  });

  it('keeps what an unknown user typed and names the problem beside the field', () => {
    const text = cardText(everyCard()['unknown-user']);
    expect(text).toContain('Oakfield');
    expect(text).toContain('Enter your role');
    expect(text).toContain(data.frontDoor.phone);
  });
});
