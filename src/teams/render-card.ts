import type { Attachment } from 'botbuilder';
import { CardFactory } from 'botbuilder';
import caseDetailTemplate from '../../cards/case-detail.json';
import deadlineNoticeTemplate from '../../cards/deadline-notice.json';
import confirmCancelTemplate from '../../cards/confirm-cancel.json';
import draftExpiryTemplate from '../../cards/draft-expiry.json';
import dutyAlertClosedTemplate from '../../cards/duty-alert-closed.json';
import dutyAlertTemplate from '../../cards/duty-alert.json';
import helpTemplate from '../../cards/help.json';
import myQueueTemplate from '../../cards/my-queue.json';
import myRequestsTemplate from '../../cards/my-requests.json';
import panelPostTemplate from '../../cards/panel-post.json';
import panelAgendaTemplate from '../../cards/panel-agenda.json';
import panelScheduleTemplate from '../../cards/panel-schedule.json';
import type { PanelAgendaCard, PanelPostCard, PanelScheduleCard } from './panel-cards';
import intakeConcernTemplate from '../../cards/intake-concern.json';
import intakeConsentTemplate from '../../cards/intake-consent.json';
import intakeHelpTemplate from '../../cards/intake-help.json';
import intakeNeedTemplate from '../../cards/intake-need.json';
import intakePupilTemplate from '../../cards/intake-pupil.json';
import intakeRequesterTemplate from '../../cards/intake-requester.json';
import intakeReviewTemplate from '../../cards/intake-review.json';
import noticeTemplate from '../../cards/notice.json';
import receiptTemplate from '../../cards/receipt.json';
import requestStartTemplate from '../../cards/request-start.json';
import safeguardingTemplate from '../../cards/safeguarding.json';
import schoolQuestionTemplate from '../../cards/school-question.json';
import triageTemplate from '../../cards/triage.json';
import unknownUserTemplate from '../../cards/unknown-user.json';
import welcomeTemplate from '../../cards/welcome.json';
import withdrawTemplate from '../../cards/withdraw.json';
import insightsTemplate from '../../cards/insights.json';
import statusTemplate from '../../cards/status.json';
import statusListTemplate from '../../cards/status-list.json';
import statusLookupTemplate from '../../cards/status-lookup.json';
import statusSuggestionsTemplate from '../../cards/status-suggestions.json';
import adminAccessNoticeTemplate from '../../cards/admin-access-notice.json';
import adminAccessRequestsTemplate from '../../cards/admin-access-requests.json';
import adminApprovedPeopleTemplate from '../../cards/admin-approved-people.json';
import adminDeadLettersTemplate from '../../cards/admin-dead-letters.json';
import adminMenuTemplate from '../../cards/admin-menu.json';
import type { AdminAccessRequestsCard, AdminApprovedPeopleCard, AdminDeadLettersCard } from './admin-cards';
import type { AccessNoticeView } from '../ports/notification-cards';
import type { InsightsCardData, StatusCardData } from './insight-cards';
import type { MenuItem } from '../domain/menu';
import { expandTemplate } from './card-template';
import type { ClosedAlertView, DeadlineNoticeView, DraftExpiryView, DutyAlertView, SchoolQuestionView } from '../ports/notification-cards';

/** The data each card template needs: the compiler checks every render call. */
export interface CardData {
  welcome: { firstName: string; firstResponseDays: number; menu: Record<MenuItem, boolean>; draft: { id: string; label: string } };
  help: { firstResponseDays: number; panelDecisionDays: number; safeguarding: string; commands: string; phone: string };
  'unknown-user': { phone: string; email: string; settingName: string; jobRole: string; errors: { settingName: string; jobRole: string } };
  notice: { title: string; text: string };
  'intake-requester': StepFrame & { settingName: string; canChooseSetting: boolean; searchSettings: boolean; choices: { settings: Choice[]; roles: Choice[] } };
  'intake-pupil': StepFrame & { choices: { yearGroups: Choice[]; senStatuses: Choice[] } };
  'intake-need': StepFrame & { choices: { needs: Choice[] } };
  'intake-concern': StepFrame;
  'intake-help': StepFrame & { choices: { helpKinds: Choice[] } };
  'intake-consent': StepFrame & { safeguardingNotice: string; consentReason: string; choices: { urgencies: Choice[] } };
  'intake-review': StepFrame & { sections: ReviewSection[] };
  safeguarding: { notice: string; childrensServicesPhone: string; outOfHoursPhone: string; emergencyNumber: string; message: string; draftId: string };
  receipt: { ref: string; dueInWords: string; phone: string };
  'request-start': { drafts: Array<{ label: string; draftId: string }>; canRequestForOwnSetting: boolean; canLogForSettings: boolean };
  'confirm-cancel': { draftId: string };
  'duty-alert': DutyAlertView;
  'duty-alert-closed': ClosedAlertView;
  'draft-expiry': DraftExpiryView;
  'my-requests': {
    settingName: string;
    summary: string;
    items: Array<{ ref: string; statusWords: string; detail: string }>;
    hasPrevious: boolean;
    hasNext: boolean;
    previousPage: number;
    nextPage: number;
  };
  'case-detail': {
    ref: string;
    statusWords: string;
    dueText: string;
    facts: Array<{ label: string; value: string }>;
    timeline: Array<{ when: string; what: string }>;
    canWithdraw: boolean;
  };
  withdraw: { ref: string; reason: string; error: string };
  triage: {
    ref: string;
    statusText: string;
    dueText: string;
    facts: Array<{ label: string; value: string }>;
    messages: Array<{ when: string; text: string }>;
    errorSummary: string;
    canTriage: boolean;
    canHandOver: boolean;
    services: Choice[];
    colleagues: Choice[];
    kept: Record<string, string>;
    errors: Record<string, string>;
  };
  'school-question': SchoolQuestionView;
  'panel-post': PanelPostCard;
  'panel-agenda': PanelAgendaCard;
  'panel-schedule': PanelScheduleCard;
  'my-queue': { summary: string; items: Array<{ ref: string; dueWords: string; detail: string }> };
  'deadline-notice': DeadlineNoticeView;
  insights: InsightsCardData;
  status: StatusCardData;
  'status-lookup': { ref: string; error: string; canList: boolean };
  'status-list': { title: string; summary: string; items: Array<{ ref: string; statusWords: string; detail: string }>; showOverdue: boolean; showOpen: boolean };
  'status-suggestions': { said: string; text: string; suggestions: Array<{ title: string; command: string }> };
  'admin-access-notice': AccessNoticeView;
  'admin-access-requests': AdminAccessRequestsCard;
  'admin-approved-people': AdminApprovedPeopleCard;
  'admin-dead-letters': AdminDeadLettersCard;
  'admin-menu': { accessRequests: boolean; deadLetters: boolean };
}

export interface Choice {
  title: string;
  value: string;
}

/** What every step of the request form shows: progress, the problems, the answers so far, the buttons. */
export interface StepFrame {
  progress: string;
  step: string;
  draftId: string;
  canGoBack: boolean;
  errorSummary: string;
  answers: Record<string, string>;
  errors: Record<string, string>;
}

export interface ReviewSection {
  title: string;
  step: string;
  facts: Array<{ label: string; value: string }>;
  problem: string;
}
export type CardName = keyof CardData;

const TEMPLATES: Record<CardName, object> = {
  welcome: welcomeTemplate,
  help: helpTemplate,
  'unknown-user': unknownUserTemplate,
  notice: noticeTemplate,
  'intake-requester': intakeRequesterTemplate,
  'intake-pupil': intakePupilTemplate,
  'intake-need': intakeNeedTemplate,
  'intake-concern': intakeConcernTemplate,
  'intake-help': intakeHelpTemplate,
  'intake-consent': intakeConsentTemplate,
  'intake-review': intakeReviewTemplate,
  safeguarding: safeguardingTemplate,
  receipt: receiptTemplate,
  'request-start': requestStartTemplate,
  'confirm-cancel': confirmCancelTemplate,
  'duty-alert': dutyAlertTemplate,
  'duty-alert-closed': dutyAlertClosedTemplate,
  'draft-expiry': draftExpiryTemplate,
  'my-requests': myRequestsTemplate,
  'case-detail': caseDetailTemplate,
  withdraw: withdrawTemplate,
  triage: triageTemplate,
  'school-question': schoolQuestionTemplate,
  'panel-post': panelPostTemplate,
  'panel-agenda': panelAgendaTemplate,
  'panel-schedule': panelScheduleTemplate,
  'my-queue': myQueueTemplate,
  'deadline-notice': deadlineNoticeTemplate,
  insights: insightsTemplate,
  status: statusTemplate,
  'status-lookup': statusLookupTemplate,
  'status-list': statusListTemplate,
  'status-suggestions': statusSuggestionsTemplate,
  'admin-access-notice': adminAccessNoticeTemplate,
  'admin-access-requests': adminAccessRequestsTemplate,
  'admin-approved-people': adminApprovedPeopleTemplate,
  'admin-dead-letters': adminDeadLettersTemplate,
  'admin-menu': adminMenuTemplate,
};

/** An Adaptive Card as JSON, ready to send or to return from an Action.Execute. */
export interface AdaptiveCardJson {
  type: 'AdaptiveCard';
  [key: string]: unknown;
}

/** Fills a template from cards/ with typed data; refuses to return a card with anything left unfilled. */
export function renderCard<N extends CardName>(name: N, data: CardData[N]): AdaptiveCardJson {
  // expandTemplate refuses any expression it cannot fill, so nothing is left unfilled; text people
  // typed may contain "${" and is shown as typed (it is never expanded again).
  return expandTemplate(TEMPLATES[name], data) as AdaptiveCardJson;
}

/** The card as a message attachment. */
export function cardAttachment(card: AdaptiveCardJson): Attachment {
  return CardFactory.adaptiveCard(card);
}
