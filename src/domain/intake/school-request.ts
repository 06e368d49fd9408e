import { z } from 'zod';
import type { NeedCode } from '../case-record';
import { concernShape } from './concern-step';
import { consentShape } from './consent-step';
import { helpShape } from './help-step';
import type { IntakeContext, ShapeContext } from './intake-context';
import { checkNeedsDiffer, needShape } from './need-step';
import { NEED_LABELS, needAreaOf } from './needs';
import { pupilShape } from './pupil-step';
import { requesterShape } from './requester-step';

function requestShape(context: ShapeContext) {
  return { ...requesterShape(context), ...pupilShape(context), ...needShape(), ...concernShape(), ...helpShape(), ...consentShape() };
}

function buildRequestSchema(context: ShapeContext) {
  return z.object(requestShape(context)).superRefine(checkNeedsDiffer);
}

/** The whole request, every step together: what the review step checks before submitting. */
export function fullRequestSchema(context: IntakeContext) {
  return buildRequestSchema(context);
}

/**
 * The request as stored in a case (CaseRecord.request): the same rules, except that the setting need
 * not still be in the directory and the pupil's age is not re-checked against a later date.
 * Parsing a valid request's answers again gives the same answers.
 */
export const storedRequestSchema = buildRequestSchema({ today: null, isKnownSetting: () => true });

export type SchoolRequest = z.output<typeof storedRequestSchema>;

/** What a channel card may show about a request: never the pupil's initials, date of birth, UPN or free text. */
export interface ChannelSafeSummary {
  settingId: string;
  primaryNeed: NeedCode;
  primaryNeedLabel: string;
  needArea: string;
  secondaryNeed: NeedCode | null;
  urgency: SchoolRequest['urgency'];
}

/** The privacy-safe part of a request for channel cards (the phase comes from the setting, added by the caller). */
export function channelSafeSummary(request: SchoolRequest): ChannelSafeSummary {
  return {
    settingId: request.settingId,
    primaryNeed: request.primaryNeed,
    primaryNeedLabel: NEED_LABELS[request.primaryNeed],
    needArea: needAreaOf(request.primaryNeed).label,
    secondaryNeed: request.secondaryNeed ?? null,
    urgency: request.urgency,
  };
}
