import { NEED_CODES, type NeedCode } from '../case-record';

/** Plain-English names for the school-census need codes. */
export const NEED_LABELS: Readonly<Record<NeedCode, string>> = {
  SLCN: 'Speech, language and communication needs',
  ASD: 'Autism (autistic spectrum disorder)',
  SpLD: 'Specific learning difficulty, such as dyslexia',
  MLD: 'Moderate learning difficulty',
  SLD: 'Severe learning difficulty',
  PMLD: 'Profound and multiple learning difficulty',
  SEMH: 'Social, emotional and mental health',
  HI: 'Hearing impairment',
  VI: 'Visual impairment',
  MSI: 'Multi-sensory impairment',
  PD: 'Physical disability',
  OTH: 'Other difficulty or disability',
  NSA: 'SEN support, but no specialist assessment of the type of need yet',
};

export const NEED_AREA_IDS = [
  'communication-and-interaction',
  'cognition-and-learning',
  'social-emotional-and-mental-health',
  'sensory-and-physical',
  'other',
] as const;
export type NeedAreaId = (typeof NEED_AREA_IDS)[number];

export interface NeedArea {
  id: NeedAreaId;
  label: string;
  codes: readonly NeedCode[];
}

/** The four broad areas of need of the SEND Code of Practice, plus "other" for OTH and NSA. */
export const NEED_AREAS: readonly NeedArea[] = [
  { id: 'communication-and-interaction', label: 'Communication and interaction', codes: ['SLCN', 'ASD'] },
  { id: 'cognition-and-learning', label: 'Cognition and learning', codes: ['SpLD', 'MLD', 'SLD', 'PMLD'] },
  { id: 'social-emotional-and-mental-health', label: 'Social, emotional and mental health', codes: ['SEMH'] },
  { id: 'sensory-and-physical', label: 'Sensory and/or physical', codes: ['HI', 'VI', 'MSI', 'PD'] },
  { id: 'other', label: 'Other', codes: ['OTH', 'NSA'] },
];

/** The broad area a need code belongs to. */
export function needAreaOf(code: NeedCode): NeedArea {
  const area = NEED_AREAS.find((a) => a.codes.includes(code));
  if (!area) throw new RangeError(`need code ${code} has no area`);
  return area;
}

/** Choices for the card, grouped by area in order: "Communication and interaction: Autism (…) (ASD)". */
export function needChoices(): { title: string; value: NeedCode }[] {
  return NEED_AREAS.flatMap((area) => area.codes.map((code) => ({ title: `${area.label}: ${NEED_LABELS[code]} (${code})`, value: code })));
}

/** Every census code is in exactly one area (checked by a test). */
export const ALL_NEED_CODES: readonly NeedCode[] = NEED_CODES;
