import type { Setting } from '../../src/domain/reference';

const PLACES = ['Ashgrove', 'Brookside', 'Castlefield', 'Denholme', 'Elmwood', 'Fenwick', 'Greystones', 'Hartwell', 'Ivybridge', 'Kingsmead', 'Longmoor', 'Millbridge', 'Northgate', 'Oakfield', 'Priory'];
const KINDS = [
  'Primary School',
  'Community Primary School',
  "St Mary's Catholic Primary School, a Voluntary Academy",
  'Church of England Voluntary Controlled Infant and Nursery School',
  'Academy',
  'Junior School',
  'Day Nursery and Pre-School',
];

/**
 * n settings shaped like a real authority's GIAS and Ofsted extract: long, repetitive names
 * (about 45 characters on average, up to 80) with six-digit URNs, and every fifth an early-years
 * provider with an EY id.
 */
export function manySettings(n: number): Setting[] {
  return Array.from({ length: n }, (_, i): Setting => {
    const place = PLACES[i % PLACES.length] ?? 'Oakfield';
    const kind = KINDS[Math.floor(i / PLACES.length) % KINDS.length] ?? 'School';
    const earlyYears = i % 5 === 4;
    const name = `${place} ${kind}${i >= PLACES.length * KINDS.length ? ` ${Math.floor(i / (PLACES.length * KINDS.length)) + 1}` : ''}`;
    return {
      id: earlyYears ? `EY${String(500000 + i)}` : String(120000 + i),
      name,
      kind: earlyYears ? 'early-years-provider' : 'school',
      establishmentType: earlyYears ? 'Childcare on non-domestic premises' : 'Community school',
      phase: earlyYears ? 'early-years' : 'primary',
      postcode: 'ZZ1 1AA',
      laCode: '999',
    };
  });
}
