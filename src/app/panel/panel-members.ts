import { isPanelChair, isPanelMember, type PanelMembers } from '../../domain/panel';
import type { Person } from '../../domain/reference';
import type { Directory } from '../../ports/directory';

/** The panel as the directory has it now: its members (the chair included), and a check by user key. */
export interface PanelRoster extends PanelMembers {
  members: Person[];
  chairs: Person[];
}

/** The directory id part of a user key (tenant:aadObjectId). */
export function idOfKey(key: string): string {
  return (key.split(':').pop() ?? '').toLowerCase();
}

/** Who sits on the panel now; votes from anyone else do not count towards quorum. */
export async function panelRoster(directory: Directory): Promise<PanelRoster> {
  const members = (await directory.listPeople()).filter((p) => isPanelMember(p.roles) && p.aadObjectId !== undefined);
  const ids = new Set(members.map((p) => (p.aadObjectId ?? '').toLowerCase()));
  return { members, chairs: members.filter((p) => isPanelChair(p.roles)), size: members.length, has: (key) => ids.has(idOfKey(key)) };
}
