import { formatLongDate, londonDate } from '../../domain/calendar';
import type { AccessNoticeView } from '../../ports/notification-cards';
import type { AccessRequest, OutboxItem } from '../../ports/store';
import { newOutboxItem } from '../outbox/notifications';
import type { AccessDeps } from './access-deps';

const LONDON_CLOCK = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** An instant in words, London time: "Monday 7 December at 10:04". */
export function whenInWords(instant: string, now: Date): string {
  const at = new Date(instant);
  if (Number.isNaN(at.getTime())) return 'at an unknown time';
  return `${formatLongDate(londonDate(at), londonDate(now))} at ${LONDON_CLOCK.format(at)}`;
}

/** Who asked and what they said, as the admins' card shows it. */
export function requestFacts(request: AccessRequest, now: Date): AccessNoticeView['facts'] {
  return [
    { label: 'Name', value: request.name },
    { label: 'Email', value: request.email ?? 'not given by Teams' },
    { label: 'They said', value: request.message ?? '(nothing)' },
    { label: 'Asked', value: whenInWords(request.requestedAt, now) },
  ];
}

function personalNotice(deps: AccessDeps, target: string, view: AccessNoticeView): OutboxItem {
  return newOutboxItem(deps, 'personal-message', target, { card: { ...deps.cards.accessNotice(view), type: 'AdaptiveCard' } });
}

/** A personal message to every front-door admin the bot can address (listed with an AAD id) that someone asked for access. */
export async function noticesToAdmins(deps: AccessDeps, request: AccessRequest, tenantId: string): Promise<OutboxItem[]> {
  const admins = (await deps.directory.listPeople()).filter((p) => p.roles.includes('front-door-admin') && p.aadObjectId !== undefined);
  const view: AccessNoticeView = {
    title: 'Someone has asked for access',
    text: `${request.name} has asked to use SEND Front Door. Check who they are, then approve them for their setting or refuse.`,
    facts: requestFacts(request, deps.clock.now()),
    button: 'access-requests',
  };
  return admins.map((admin) => personalNotice(deps, `${tenantId}:${admin.aadObjectId ?? ''}`.toLowerCase(), view));
}

/** The answer for the person who asked: they can start at once, or whom to phone. */
export function noticeToRequester(
  deps: AccessDeps,
  request: AccessRequest,
  answer: { settingName: string } | { refused: true; reason: string | null; phone: string } | { removed: true; phone: string },
): OutboxItem {
  const view: AccessNoticeView =
    'removed' in answer
      ? {
          title: 'Your access to SEND Front Door has been removed',
          text: `A front-door administrator has removed your access. If you think this is wrong, or a pupil needs support, phone the front door on ${answer.phone}.`,
          facts: [],
          button: 'none',
        }
      : 'settingName' in answer
      ? {
          title: 'You now have access to SEND Front Door',
          text: `A front-door administrator has linked you to ${answer.settingName}. You can ask for support for a pupil and follow your setting’s requests.`,
          facts: [],
          button: 'menu',
        }
      : {
          title: 'Your request for access was not approved',
          text: `${answer.reason ? `The front door said: “${answer.reason}”. ` : ''}If you think this is wrong, or a pupil needs support, phone the front door on ${answer.phone}.`,
          facts: [],
          button: 'none',
        };
  return personalNotice(deps, request.userKey, view);
}
