import type { Actor } from '../app/actor';
import { DRAFT_META, draftLabel } from '../app/intake/drafts';
import type { FormView } from '../app/intake/fill-step';
import { londonDate } from '../domain/calendar';
import {
  CONSENT_REASON,
  HELP_KIND_LABELS,
  INTAKE_STEP_IDS,
  NEED_LABELS,
  REQUESTER_ROLE_LABELS,
  SAFEGUARDING_NOTICE,
  SEN_STATUS_LABELS,
  STEP_FIELDS,
  STEP_TITLES,
  URGENCY_LABELS,
  YEAR_GROUPS,
  isIntakeStepId,
  needChoices,
  previousStep,
  stepOfField,
  stepProgress,
  type IntakeStepId,
} from '../domain/intake';
import type { FrontDoorSettings, Setting } from '../domain/reference';
import type { Draft } from '../ports/store';
import { noticeCard } from './cards';
import { renderCard, type AdaptiveCardJson, type Choice, type ReviewSection, type StepFrame } from './render-card';
import { mustSearchSettings, settingChoice } from './setting-search';
import { UNAVAILABLE } from './unavailable';

const choicesOf = (labels: Readonly<Record<string, string>>): Choice[] => Object.entries(labels).map(([value, title]) => ({ value, title }));

const FIELD_LABELS: Record<string, string> = {
  settingId: 'School or setting',
  requesterName: 'Name',
  requesterRole: 'Role',
  requesterEmail: 'Email',
  requesterPhone: 'Phone',
  initials: 'Initials',
  yearGroup: 'Year group',
  dateOfBirth: 'Born',
  senStatus: 'SEN status',
  upn: 'UPN',
  primaryNeed: 'Primary need',
  secondaryNeed: 'Secondary need',
  concern: 'Concern',
  triedSoFar: 'Tried so far',
  reviewCycles: 'Review cycles',
  whatChanged: 'What changed',
  otherAgencies: 'Other agencies',
  helpWanted: 'Help wanted',
  parentalConsent: 'Parental consent',
  childAtRisk: 'Child at risk',
  urgency: 'Urgency',
};

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** An answer in plain words for the review card. */
function answerInWords(field: string, raw: string, settingName: string): string {
  if (raw.trim() === '') return '—';
  const label = (labels: Readonly<Record<string, string>>): string => labels[raw] ?? raw;
  switch (field) {
    case 'settingId':
      return settingName || raw;
    case 'requesterRole':
      return label(REQUESTER_ROLE_LABELS);
    case 'senStatus':
      return label(SEN_STATUS_LABELS);
    case 'primaryNeed':
    case 'secondaryNeed':
      return `${label(NEED_LABELS)} (${raw})`;
    case 'helpWanted':
      return raw.split(',').map((k) => (HELP_KIND_LABELS as Record<string, string>)[k.trim()] ?? k).join('; ');
    case 'parentalConsent':
    case 'childAtRisk':
      return raw === 'true' ? 'Yes' : 'No';
    case 'urgency':
      return label(URGENCY_LABELS);
    default:
      return raw;
  }
}

function errorSummary(errors: Record<string, string>): string {
  const messages = Object.values(errors);
  if (messages.length === 0) return '';
  return messages.length === 1 ? `There is a problem: ${messages[0]}` : `There are ${messages.length} problems: see the messages below each answer.`;
}

function frame(draft: Draft, step: IntakeStepId, errors: Record<string, string>, banner?: string): StepFrame {
  const fields: readonly string[] = step === 'review' ? [] : STEP_FIELDS[step];
  const shown = step === 'review' ? errors : Object.fromEntries(Object.entries(errors).filter(([f]) => fields.includes(f)));
  return {
    progress: stepProgress(step),
    step,
    draftId: draft.id,
    canGoBack: previousStep(step) !== undefined,
    errorSummary: banner ?? errorSummary(shown),
    answers: Object.fromEntries(fields.map((f) => [f, text(draft.answers[f])])),
    errors: Object.fromEntries(fields.map((f) => [f, errors[f] ?? ''])),
  };
}

/**
 * The school chooser of a phone or email request: every setting while they are few, else only the
 * one chosen so far and Teams searches the rest as the admin types (see setting-search-routes.ts).
 */
function settingChooser(settings: readonly Setting[], chosenId: string): { search: boolean; choices: Choice[] } {
  if (!mustSearchSettings(settings.length, 1)) return { search: false, choices: settings.map(settingChoice) };
  const chosen = settings.find((s) => s.id === chosenId);
  return { search: true, choices: chosen ? [settingChoice(chosen)] : [] };
}

/** What the card for one step of the form needs from outside the draft. */
export interface StepCardContext {
  settings: Setting[];
  /** A message for the top of the card instead of the problems (e.g. the store is down). */
  banner?: string;
}

/** The card for a step of the form, with the user's answers and any problems beside their fields. */
export function stepCard(view: Extract<FormView, { kind: 'step' }>, context: StepCardContext): AdaptiveCardJson {
  const { draft, step, errors } = view;
  const at = (s: IntakeStepId) => frame(draft, s, errors, context.banner);
  const settingName = context.settings.find((s) => s.id === text(draft.answers.settingId))?.name ?? '';
  switch (step) {
    case 'requester': {
      const chooser = settingChooser(context.settings, text(draft.answers.settingId));
      return renderCard('intake-requester', {
        ...at(step),
        settingName,
        canChooseSetting: draft.answers[DRAFT_META.channel] !== 'teams',
        searchSettings: chooser.search,
        choices: { settings: chooser.choices, roles: choicesOf(REQUESTER_ROLE_LABELS) },
      });
    }
    case 'pupil':
      return renderCard('intake-pupil', { ...at(step), choices: { yearGroups: YEAR_GROUPS.map((g) => ({ value: g, title: g })), senStatuses: choicesOf(SEN_STATUS_LABELS) } });
    case 'need':
      return renderCard('intake-need', { ...at(step), choices: { needs: needChoices() } });
    case 'concern':
      return renderCard('intake-concern', at(step));
    case 'help':
      return renderCard('intake-help', { ...at(step), choices: { helpKinds: choicesOf(HELP_KIND_LABELS) } });
    case 'consent':
      return renderCard('intake-consent', { ...at(step), safeguardingNotice: SAFEGUARDING_NOTICE, consentReason: CONSENT_REASON, choices: { urgencies: choicesOf(URGENCY_LABELS) } });
    case 'review':
      return renderCard('intake-review', { ...at(step), sections: reviewSections(draft, errors, settingName) });
  }
}

function reviewSections(draft: Draft, errors: Record<string, string>, settingName: string): ReviewSection[] {
  return INTAKE_STEP_IDS.filter((s) => s !== 'review').map((step) => {
    const fields: readonly string[] = STEP_FIELDS[step];
    const problems = Object.entries(errors).filter(([field]) => stepOfField(field) === step).map(([, message]) => message);
    return {
      title: STEP_TITLES[step],
      step,
      facts: fields.map((f) => ({ label: FIELD_LABELS[f] ?? f, value: answerInWords(f, text(draft.answers[f]), settingName) })),
      problem: problems.join(' '),
    };
  });
}

/** Where a request starts: unfinished drafts to continue, or a new one. */
export function requestStartCard(actor: Actor, drafts: Draft[], now: Date): AdaptiveCardJson {
  const today = londonDate(now);
  return renderCard('request-start', {
    drafts: drafts.map((d) => ({ draftId: d.id, label: draftLabel(d, today) })),
    canRequestForOwnSetting: actor.person.roles.includes('setting-staff') && actor.person.settingId !== undefined,
    canLogForSettings: actor.person.roles.includes('front-door-admin'),
  });
}

export function safeguardingCard(draftId: string, settings: FrontDoorSettings): AdaptiveCardJson {
  const s = settings.safeguarding;
  return renderCard('safeguarding', {
    notice: SAFEGUARDING_NOTICE,
    message: s.message,
    childrensServicesPhone: s.childrensServicesPhone,
    outOfHoursPhone: s.outOfHoursPhone ?? '',
    emergencyNumber: s.emergencyNumber,
    draftId,
  });
}

/**
 * The form step a person was on, with what they typed, for when nothing could be saved (the store
 * is down): they press the same button again in a minute and lose nothing.
 */
export function typedAgainCard(data: Record<string, unknown>): AdaptiveCardJson {
  if (typeof data.draftId !== 'string' || !isIntakeStepId(data.step)) return noticeCard(UNAVAILABLE.title, UNAVAILABLE.text);
  const answers = Object.fromEntries(Object.entries(data).filter(([, v]) => typeof v === 'string'));
  const draft: Draft = { id: data.draftId, ownerKey: '', step: data.step, answers, createdAt: '', updatedAt: '' };
  return stepCard({ kind: 'step', draft, step: data.step, errors: {} }, { settings: [], banner: `${UNAVAILABLE.title}. ${UNAVAILABLE.text}` });
}

/** The form's buttons whose card can be shown again with what was typed. */
export const FORM_MOVE_VERBS: ReadonlySet<string> = new Set(['intakeNext', 'intakeBack', 'intakeSave', 'intakeEdit']);
