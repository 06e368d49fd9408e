import { Template } from 'adaptivecards-templating';
import type { Attachment } from 'botbuilder';
import { CardFactory } from 'botbuilder';
import helpTemplate from '../../cards/help.json';
import noticeTemplate from '../../cards/notice.json';
import unknownUserTemplate from '../../cards/unknown-user.json';
import welcomeTemplate from '../../cards/welcome.json';
import type { MenuItem } from '../domain/menu';

/** The data each card template needs: the compiler checks every render call. */
export interface CardData {
  welcome: { firstName: string; firstResponseDays: number; menu: Record<MenuItem, boolean> };
  help: { firstResponseDays: number; panelDecisionDays: number; safeguarding: string; commands: string; phone: string };
  'unknown-user': { phone: string; email: string; settingName: string; jobRole: string; errors: { settingName: string; jobRole: string } };
  notice: { title: string; text: string };
}
export type CardName = keyof CardData;

const TEMPLATES: Record<CardName, object> = {
  welcome: welcomeTemplate,
  help: helpTemplate,
  'unknown-user': unknownUserTemplate,
  notice: noticeTemplate,
};

/** An Adaptive Card as JSON, ready to send or to return from an Action.Execute. */
export interface AdaptiveCardJson {
  type: 'AdaptiveCard';
  [key: string]: unknown;
}

/** Fills a template from cards/ with typed data; refuses to return a card with anything left unfilled. */
export function renderCard<N extends CardName>(name: N, data: CardData[N]): AdaptiveCardJson {
  const card = new Template(TEMPLATES[name]).expand({ $root: data }) as AdaptiveCardJson;
  const text = JSON.stringify(card);
  if (text.includes('${')) throw new Error(`Card "${name}" has an unfilled placeholder`);
  return card;
}

/** The card as a message attachment. */
export function cardAttachment(card: AdaptiveCardJson): Attachment {
  return CardFactory.adaptiveCard(card);
}
