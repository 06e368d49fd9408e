/** Roles a person can hold; one person may hold several. */
export const ROLES = [
  'setting-staff',
  'front-door-admin',
  'duty-professional',
  'duty-manager',
  'panel-member',
  'panel-chair',
  'manager',
  'administrator',
] as const;
export type Role = (typeof ROLES)[number];

/** A Teams user: the tenant and AAD object id, plus the UPN where Teams gives it. */
export interface UserIdentity {
  tenantId: string;
  aadObjectId: string;
  userPrincipalName?: string;
  name?: string;
}

/** The key a person's data is stored under: stable across devices and chats. */
export function userKey(identity: Pick<UserIdentity, 'tenantId' | 'aadObjectId'>): string {
  return `${identity.tenantId}:${identity.aadObjectId}`.toLowerCase();
}
