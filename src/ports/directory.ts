import type { FrontDoorSettings, Person, Service, Setting } from '../domain/reference';
import type { UserIdentity } from '../domain/roles';

/** Who and what the authority knows: people and roles, settings, services, the rota and front-door settings. */
export interface Directory {
  /** The person with this AAD object id, else with this UPN (case-insensitive). Tenants are the caller's concern. */
  findPerson(identity: Pick<UserIdentity, 'tenantId' | 'aadObjectId' | 'userPrincipalName'>): Promise<Person | undefined>;
  /** A person by their directory id (as the rota and front-door settings name them). */
  getPerson(id: string): Promise<Person | undefined>;
  getSetting(id: string): Promise<Setting | undefined>;
  /** Everyone the authority has listed, with their roles. */
  listPeople(): Promise<Person[]>;
  /** Every setting, by name. */
  listSettings(): Promise<Setting[]>;
  /** The service catalogue, in the order the administrators keep it. */
  listServices(): Promise<Service[]>;
  /** The people on the duty rota at an instant (its London-local date, AM before noon, PM after). */
  onDuty(at: Date): Promise<Person[]>;
  frontDoorSettings(): Promise<FrontDoorSettings>;
}
