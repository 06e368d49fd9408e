import { storeDirectory } from '../../src/app/directory';
import { importReferenceData } from '../../src/app/reference-data/import-reference-data';
import type { FrontDoorSettings, Person, ReferenceData, Rota, Service, Setting } from '../../src/domain/reference';
import type { Directory } from '../../src/ports/directory';
import type { ReferenceStore } from '../../src/ports/store';

/** Ids of the sample people (the same as the local Teams client's users in data/people.yaml). */
export const SAMPLE_PEOPLE = {
  alex: '00000000-0000-0000-0000-000000000100',
  priya: '00000000-0000-0000-0000-000000000101',
  sam: '00000000-0000-0000-0000-000000000102',
  jo: '00000000-0000-0000-0000-000000000103',
  chris: '00000000-0000-0000-0000-000000000104',
  dana: '00000000-0000-0000-0000-000000000105',
} as const;

export const SAMPLE_TENANT_ID = '00000000-0000-0000-0000-0000000000aa';

/** A setting; override any field. */
export function aSetting(overrides: Partial<Setting> = {}): Setting {
  return { id: '900001', name: 'Oakfield Primary School', kind: 'school', establishmentType: 'Community school', phase: 'primary', postcode: 'ZZ1 1AA', laCode: '999', ...overrides };
}

/** A service; override any field. */
export function aService(overrides: Partial<Service> = {}): Service {
  return {
    id: 'learning-support',
    name: 'Learning Support Service (SpLD/MLD)',
    offers: 'Specialist teacher assessment and teaching programmes.',
    needCodes: ['SpLD', 'MLD'],
    phases: ['primary', 'secondary'],
    contact: { email: 'learning.support@example-la.gov.uk', phone: '01632 960170' },
    ...overrides,
  };
}

/** A person with an AAD object id; override any field. */
export function aPerson(overrides: Partial<Person> & Pick<Person, 'id' | 'name' | 'roles'>): Person {
  return { aadObjectId: overrides.id, ...overrides };
}

/** Front-door settings like data/front-door.yaml's; override any field. */
export function someFrontDoorSettings(overrides: Partial<FrontDoorSettings> = {}): FrontDoorSettings {
  return {
    phone: '01632 960100',
    email: 'send.frontdoor@example-la.gov.uk',
    safeguarding: {
      message: "If you think a child is at risk of harm, call children's services now. If a child is in immediate danger, call 999.",
      childrensServicesPhone: '01632 960200',
      outOfHoursPhone: '01632 960299',
      emergencyNumber: '999',
    },
    responseTimes: { firstResponse: 2, panelDecision: 10, schoolReplyReminder: 3 },
    closureDays: ['2026-12-29', '2026-12-30', '2026-12-31'],
    dutyManagerId: SAMPLE_PEOPLE.jo,
    retentionMonths: 24,
    draftMaxAgeDays: 30,
    teams: { teamId: '19:isend-team@thread.tacv2', dutyChannelId: '19:front-door-duty@thread.tacv2', panelChannelId: '19:isend-team@thread.tacv2' },
    ...overrides,
  };
}

/** A small, valid set of reference data: the six local people, three settings, three services, a weekday rota. */
export function sampleReferenceData(overrides: Partial<ReferenceData> = {}): ReferenceData {
  const settings = [
    aSetting(),
    aSetting({ id: '900005', name: 'Hartwell Academy', establishmentType: 'Academy converter', phase: 'secondary', postcode: 'ZZ3 5GH' }),
    aSetting({ id: 'EY123456', name: 'Little Acorns Day Nursery', kind: 'early-years-provider', establishmentType: 'Childcare on non-domestic premises', phase: 'early-years', postcode: 'ZZ1 3YA' }),
  ];
  const services = [
    aService({ id: 'educational-psychology', name: 'Educational Psychology Service', needCodes: ['SpLD', 'MLD', 'SEMH', 'ASD', 'SLCN'], phases: ['early-years', 'primary', 'secondary'] }),
    aService(),
    aService({ id: 'sensory-needs', name: 'Sensory Needs Service (HI/VI/MSI)', needCodes: ['HI', 'VI', 'MSI'], phases: ['early-years', 'primary', 'secondary', 'post-16'] }),
  ];
  const people: Person[] = [
    aPerson({ id: SAMPLE_PEOPLE.alex, upn: 'alex.morgan@example-la.gov.uk', name: 'Alex Morgan', roles: ['setting-staff', 'front-door-admin', 'duty-professional', 'duty-manager', 'panel-member', 'panel-chair', 'manager', 'administrator'], settingId: '900001' }),
    aPerson({ id: SAMPLE_PEOPLE.priya, upn: 'priya.shah@oakfield.example.sch.uk', name: 'Priya Shah', jobTitle: 'SENCO', roles: ['setting-staff'], settingId: '900001' }),
    aPerson({ id: SAMPLE_PEOPLE.sam, upn: 'sam.patel@example-la.gov.uk', name: 'Sam Patel', roles: ['duty-professional'] }),
    aPerson({ id: SAMPLE_PEOPLE.jo, upn: 'jo.okafor@example-la.gov.uk', name: 'Jo Okafor', roles: ['panel-chair', 'panel-member', 'duty-manager'] }),
    aPerson({ id: SAMPLE_PEOPLE.chris, upn: 'chris.evans@example-la.gov.uk', name: 'Chris Evans', roles: ['panel-member'] }),
    aPerson({ id: SAMPLE_PEOPLE.dana, upn: 'dana.reid@example-la.gov.uk', name: 'Dana Reid', roles: ['manager'] }),
    { id: 'upn:helen.carter@littleacorns.example.org.uk', upn: 'Helen.Carter@littleacorns.example.org.uk', name: 'Helen Carter', roles: ['setting-staff'], settingId: 'EY123456' },
  ];
  const weekdays = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'] as const;
  const rota: Rota = {
    weekly: weekdays.flatMap((weekday) => [
      { weekday, session: 'AM' as const, personIds: [SAMPLE_PEOPLE.sam] },
      { weekday, session: 'PM' as const, personIds: [SAMPLE_PEOPLE.alex] },
    ]),
    dates: [],
  };
  return { settings, services, people, rota, frontDoor: someFrontDoorSettings(), ...overrides };
}

/** A hand-written in-memory ReferenceStore: records are copied in and out, and listed by id, as a database might. */
export function inMemoryReferenceStore(): ReferenceStore & { kinds(): string[] } {
  const kinds = new Map<string, Map<string, Record<string, unknown>>>();
  const copy = <T>(value: T): T => structuredClone(value);
  return {
    async replaceReference(kind, items) {
      kinds.set(kind, new Map(items.map((item) => [item.id, copy({ ...item })])));
    },
    async getReference(kind, id) {
      const item = kinds.get(kind)?.get(id);
      return item === undefined ? undefined : copy(item);
    },
    async listReference(kind) {
      const items = [...(kinds.get(kind)?.values() ?? [])];
      return items.sort((a, b) => String(a.id).localeCompare(String(b.id))).map(copy);
    },
    kinds: () => [...kinds.keys()],
  };
}

/** A Directory over an in-memory store loaded with the data (sampleReferenceData() by default). */
export async function sampleDirectory(data: ReferenceData = sampleReferenceData()): Promise<Directory> {
  const store = inMemoryReferenceStore();
  await importReferenceData(store, data);
  return storeDirectory(store);
}
