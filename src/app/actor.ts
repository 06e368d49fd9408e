import type { Person } from '../domain/reference';
import { userKey, type UserIdentity } from '../domain/roles';
import type { Directory } from '../ports/directory';

/** A known person acting through the bot: who Teams says they are, and what the directory says they may do. */
export interface Actor {
  key: string;
  identity: UserIdentity;
  person: Person;
}

/** The actor for a Teams identity, or undefined for someone the directory does not know. */
export async function actorFor(directory: Directory, identity: UserIdentity | undefined): Promise<Actor | undefined> {
  if (!identity) return undefined;
  const person = await directory.findPerson(identity);
  return person ? { key: userKey(identity), identity, person } : undefined;
}

export function hasRole(actor: Actor, ...roles: Actor['person']['roles']): boolean {
  return roles.some((r) => actor.person.roles.includes(r));
}
