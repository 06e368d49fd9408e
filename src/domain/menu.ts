import type { Role } from './roles';

/** What a person can ask the bot for from its menu; each is a card verb. */
export const MENU_ITEMS = ['requestSupport', 'myRequests', 'myQueue', 'status', 'insights', 'help'] as const;
export type MenuItem = (typeof MENU_ITEMS)[number];

const ITEM_ROLES: Record<Exclude<MenuItem, 'help'>, readonly Role[]> = {
  requestSupport: ['setting-staff', 'front-door-admin'],
  myRequests: ['setting-staff', 'front-door-admin'],
  myQueue: ['duty-professional', 'duty-manager'],
  status: ['manager', 'duty-manager', 'duty-professional', 'front-door-admin'],
  insights: ['manager', 'duty-manager'],
};

/** The menu a person with these roles is offered, in display order. Everyone known gets Help. */
export function menuFor(roles: readonly Role[]): MenuItem[] {
  return MENU_ITEMS.filter((item) => item === 'help' || ITEM_ROLES[item].some((r) => roles.includes(r)));
}

/** Whether these roles may use the menu item: checked on the server for every card action. */
export function mayUse(roles: readonly Role[], item: MenuItem): boolean {
  return menuFor(roles).includes(item);
}

/** The front-door team's own tasks, offered below the menu to those who hold the roles. */
export const ADMIN_ITEMS = ['accessRequests', 'deadLetters'] as const;
export type AdminItem = (typeof ADMIN_ITEMS)[number];

const ADMIN_ITEM_ROLES: Record<AdminItem, readonly Role[]> = {
  accessRequests: ['front-door-admin'],
  deadLetters: ['front-door-admin', 'administrator'],
};

/** The admin tasks a person with these roles is offered, in display order. */
export function adminMenuFor(roles: readonly Role[]): AdminItem[] {
  return ADMIN_ITEMS.filter((item) => ADMIN_ITEM_ROLES[item].some((r) => roles.includes(r)));
}

/** Whether these roles may do the admin task: checked on the server for every card action. */
export function mayAdminister(roles: readonly Role[], item: AdminItem): boolean {
  return adminMenuFor(roles).includes(item);
}
