import {
  channelSafeSummary,
  fullRequestSchema,
  INTAKE_STEP_IDS,
  intakeContext,
  nextStep,
  previousStep,
  REQUEST_FIELDS,
  STEP_FIELDS,
  stepOfField,
  stepProgress,
  storedRequestSchema,
  validateStep,
  type SchoolRequest,
} from '../../../src/domain/intake';
import { context, KNOWN_SETTING, rawRequest } from './request-mother';

function validRequest(): SchoolRequest {
  const result = validateStep('review', rawRequest(), context);
  if (!result.ok) throw new Error(`mother request is not valid: ${JSON.stringify(result.errors)}`);
  return result.answers;
}

describe('the steps', () => {
  it('run in order with a progress line', () => {
    expect(INTAKE_STEP_IDS).toEqual(['requester', 'pupil', 'need', 'concern', 'help', 'consent', 'review']);
    expect(stepProgress('pupil')).toBe('Step 2 of 7: About the pupil');
    expect(nextStep('consent')).toBe('review');
    expect(nextStep('review')).toBeUndefined();
    expect(previousStep('requester')).toBeUndefined();
    expect(previousStep('need')).toBe('pupil');
  });

  it('list exactly the fields the whole request validates', () => {
    expect([...REQUEST_FIELDS].sort()).toEqual(Object.keys(storedRequestSchema.innerType().shape).sort());
    expect(STEP_FIELDS.review).toEqual([]);
    expect(stepOfField('parentalConsent')).toBe('consent');
    expect(stepOfField('verb')).toBeUndefined();
  });

  it('does not ask for the phase: it comes from the setting', () => {
    expect(REQUEST_FIELDS).not.toContain('phase');
  });
});

describe('review: the whole request', () => {
  it('accepts a complete request and tidies it', () => {
    expect(validRequest()).toMatchObject({ settingId: KNOWN_SETTING, requesterName: 'Ann Lee', initials: 'JS', reviewCycles: 2, helpWanted: ['advice', 'assessment'] });
  });

  it('refuses a request without parental consent, naming the field and its step', () => {
    const result = validateStep('review', rawRequest({ parentalConsent: 'false' }), context);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors)).toEqual(['parentalConsent']);
    expect(stepOfField('parentalConsent')).toBe('consent');
  });

  it('keeps every answer as typed when it fails, and nothing else', () => {
    const typed = rawRequest({ dateOfBirth: '2026-13', verb: 'intake.submit' });
    const result = validateStep('review', typed, context);
    expect(result).toMatchObject({ ok: false, errors: { dateOfBirth: expect.any(String) } });
    if (result.ok) return;
    const { verb: _verb, ...requestFields } = typed;
    expect(result.kept).toEqual(requestFields);
  });

  it('reports every wrong field at once', () => {
    const result = validateStep('review', rawRequest({ settingId: 'nope', initials: '', primaryNeed: 'SLCN', secondaryNeed: 'SLCN', helpWanted: '' }), context);
    expect(result.ok ? [] : Object.keys(result.errors).sort()).toEqual(['helpWanted', 'initials', 'secondaryNeed', 'settingId']);
  });

  it('refuses a request where a child may be at risk', () => {
    expect(fullRequestSchema(context).safeParse(rawRequest({ childAtRisk: 'true' })).success).toBe(false);
  });

  it('re-reads its own answers from storage unchanged, even after the setting leaves the directory and years pass', () => {
    const request = validRequest();
    expect(storedRequestSchema.parse(request)).toEqual(request);
    expect(storedRequestSchema.parse(JSON.parse(JSON.stringify(request)))).toEqual(JSON.parse(JSON.stringify(request)));
    const later = intakeContext('2046-01-01', []);
    expect(fullRequestSchema(later).safeParse(request).success).toBe(false);
  });
});

describe('channelSafeSummary', () => {
  it('carries only the setting, the area of need and the urgency', () => {
    expect(channelSafeSummary(validRequest())).toEqual({
      settingId: KNOWN_SETTING,
      primaryNeed: 'SLCN',
      primaryNeedLabel: 'Speech, language and communication needs',
      needArea: 'Communication and interaction',
      secondaryNeed: 'SEMH',
      urgency: 'routine',
    });
  });

  it('never carries the pupil’s initials, date of birth, UPN or the school’s words', () => {
    const request = validRequest();
    const card = JSON.stringify(channelSafeSummary(request));
    for (const secret of [request.initials, request.dateOfBirth, 'B801200005001', 'spoken instructions', 'Visual timetable', 'School nurse', 'Ann Lee', 'ann.lee@']) {
      expect(card).not.toContain(secret);
    }
  });
});
