export { CONSENT_REASON, SAFEGUARDING_NOTICE, URGENCY_LABELS, mustShowSafeguardingContact } from './consent-step';
export { HELP_KINDS, HELP_KIND_LABELS, type HelpKind } from './help-step';
export { intakeContext, type IntakeContext } from './intake-context';
export { NEED_AREAS, NEED_AREA_IDS, NEED_LABELS, needAreaOf, needChoices, type NeedArea, type NeedAreaId } from './needs';
export { EARLY_YEARS_AGE_BANDS, MAX_AGE_YEARS, SEN_STATUSES, SEN_STATUS_LABELS, YEAR_GROUPS, type SenStatus, type YearGroup } from './pupil-details';
export { normaliseInitials } from './pupil-step';
export { REQUESTER_ROLES, REQUESTER_ROLE_LABELS, parseUkPhone, type RequesterRole } from './requester-step';
export { channelSafeSummary, fullRequestSchema, storedRequestSchema, type ChannelSafeSummary, type SchoolRequest } from './school-request';
export {
  INTAKE_STEP_IDS,
  REQUEST_FIELDS,
  STEP_FIELDS,
  STEP_TITLES,
  isIntakeStepId,
  nextStep,
  previousStep,
  stepOfField,
  stepProgress,
  type IntakeStepId,
  type RequestField,
} from './steps';
export { checkUpn, upnCheckLetter } from './upn';
export { validateStep, type StepAnswers, type StepResult } from './validate-step';
