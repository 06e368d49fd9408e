import type { Application } from '@microsoft/teams-ai';
import type { BotTurnState } from '../turn-state';
import { CardFactory, type TurnContext } from 'botbuilder';
import { mayUse } from '../../domain/menu';
import type { Person } from '../../domain/reference';
import { actorFor } from '../../app/actor';
import { draftLabel, listOwnDrafts } from '../../app/intake/drafts';
import { londonDate } from '../../domain/calendar';
import type { BotDeps } from '../deps';
import { helpCard, unknownUserCard, welcomeCard } from '../cards';
import { identityOf } from '../identity';
import { withAdminMenu } from '../admin-cards';
import type { AdaptiveCardJson } from '../render-card';
import { VERBS } from '../verbs';

/** The person behind this turn, from the directory; undefined for anyone not listed. */
async function personFor(context: TurnContext, deps: BotDeps): Promise<Person | undefined> {
  const identity = identityOf(context);
  return identity ? deps.directory.findPerson(identity) : undefined;
}

export async function menuOrUnknown(context: TurnContext, deps: BotDeps): Promise<AdaptiveCardJson> {
  const [actor, settings] = await Promise.all([actorFor(deps.directory, identityOf(context)), deps.directory.frontDoorSettings()]);
  if (!actor) return unknownUserCard(settings);
  const [latest] = mayUse(actor.person.roles, 'requestSupport') ? await listOwnDrafts(deps, actor) : [];
  const draft = latest ? { id: latest.id, label: draftLabel(latest, londonDate(deps.clock.now())) } : undefined;
  return withAdminMenu(welcomeCard(actor.person, settings, draft), actor.person.roles);
}

async function helpOrUnknown(context: TurnContext, deps: BotDeps): Promise<AdaptiveCardJson> {
  const [person, settings] = await Promise.all([personFor(context, deps), deps.directory.frontDoorSettings()]);
  return person ? helpCard(person, settings) : unknownUserCard(settings);
}

/** Welcome, help and the menu: what anyone sees on install or when they say anything. */
export function registerMenuRoutes(app: Application<BotTurnState>, deps: BotDeps): void {
  app.conversationUpdate('membersAdded', async (context) => {
    const botAdded = (context.activity.membersAdded ?? []).some((m) => m.id === context.activity.recipient.id);
    if (!botAdded) return;
    if (context.activity.conversation.conversationType === 'personal') {
      await context.sendActivity({ attachments: [CardFactory.adaptiveCard(await menuOrUnknown(context, deps))] });
    } else {
      await context.sendActivity('SEND Front Door is installed here. Request alerts and panel cases will be posted in the channels the service has set up.');
    }
  });

  app.message(/^\s*help\s*$/i, async (context) => {
    await context.sendActivity({ attachments: [CardFactory.adaptiveCard(await helpOrUnknown(context, deps))] });
  });

  app.activity('message', async (context) => {
    await context.sendActivity({ attachments: [CardFactory.adaptiveCard(await menuOrUnknown(context, deps))] });
  });

  app.adaptiveCards.actionExecute(VERBS.showMenu, async (context) => menuOrUnknown(context, deps));
  app.adaptiveCards.actionExecute(VERBS.help, async (context) => helpOrUnknown(context, deps));
}
