import { accessRequestsCard, approvedPeopleCard, deadLettersCard, withAdminMenu } from '../../src/teams/admin-cards';
import { noticeCard } from '../../src/teams/cards';
import { notificationCards } from '../../src/teams/notification-cards';
import type { AdaptiveCardJson } from '../../src/teams/render-card';
import { aSetting } from '../support/reference-fixtures';

/** One rendering of each front-door admin card, with realistic data (for test/teams/cards.test.ts). */
export function adminCardSamples(): Record<'admin-access-notice' | 'admin-access-requests' | 'admin-approved-people' | 'admin-dead-letters' | 'admin-menu', AdaptiveCardJson> {
  const request = { userKey: 't:00000000-0000-0000-0000-0000000009ff', name: 'Robin Stranger', email: 'robin@oakfield.example.sch.uk', message: 'SENCO at Oakfield', requestedAt: '2026-12-07T10:00:00Z', status: 'pending' as const };
  const menu = withAdminMenu(noticeCard('Menu', 'What would you like to do?'), ['front-door-admin']);
  return {
    'admin-access-notice': notificationCards.accessNotice({ title: 'Someone has asked for access', text: 'Robin Stranger has asked to use SEND Front Door.', facts: [{ label: 'Name', value: 'Robin Stranger' }], button: 'access-requests' }) as AdaptiveCardJson,
    'admin-access-requests': accessRequestsCard({ requests: [request], total: 1, settings: [aSetting(), aSetting({ id: '900005', name: 'Hartwell Academy' })] }, new Date('2026-12-07T11:00:00Z'), { text: 'Nothing was changed: choose the setting they work for.', color: 'Attention' }, {}),
    'admin-approved-people': approvedPeopleCard(
      {
        people: [{ request: { ...request, status: 'approved', decision: { byKey: 't:alex', at: '2026-12-07T10:30:00Z', settingId: '900005', reason: null } }, settingName: 'Hartwell Academy', approvedByName: 'Alex Morgan' }],
        total: 1,
      },
      new Date('2026-12-07T11:00:00Z'),
      { text: 'Nothing was changed.', color: 'Default' },
    ),
    'admin-dead-letters': deadLettersCard({
      items: [{ id: 'o-1', what: 'Personal message', caseRef: 'FD-2026-00001', to: 'Priya Shah', tries: '8 tries', why: 'this person has not opened a chat with the bot yet', when: 'Monday 7 December at 10:04' }],
      more: true,
    }),
    'admin-menu': { ...menu, body: (menu.body as unknown[]).slice(-2) },
  };
}
