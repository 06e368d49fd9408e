import { menuFor, type MenuItem } from '../../domain/menu';
import type { Role } from '../../domain/roles';

/** A command someone can type, who may use it, and its words. */
interface Command {
  text: string;
  item: MenuItem | 'list';
}

const COMMANDS: readonly Command[] = [
  { text: 'status', item: 'status' },
  { text: 'open', item: 'list' },
  { text: 'overdue', item: 'list' },
  { text: 'my queue', item: 'myQueue' },
  { text: 'insights', item: 'insights' },
  { text: 'my requests', item: 'myRequests' },
  { text: 'request support', item: 'requestSupport' },
  { text: 'help', item: 'help' },
];

/** Edit distance (insertions, deletions, substitutions) between two short words. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/**
 * The commands a message may have meant, for a person with these roles: only for short messages
 * whose words are close to a command's (a typo, a plural, a missing word). Empty when the message
 * does not look like a command at all, so a greeting still just gets the menu.
 */
export function suggestCommands(text: string, roles: readonly Role[]): string[] {
  const words = text.toLowerCase().replace(/[^a-z0-9\- ]/g, ' ').split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.length > 4) return [];
  const allowed = menuFor(roles);
  const mayList = roles.some((r) => r === 'manager' || r === 'duty-manager' || r === 'duty-professional' || r === 'setting-staff');
  const close = (word: string, target: string) => word.length >= 3 && editDistance(word, target) <= (target.length > 5 ? 2 : 1);
  return COMMANDS.filter((c) => (c.item === 'list' ? mayList : allowed.includes(c.item)))
    .filter((c) => {
      const commandWords = c.text.split(' ');
      const key = commandWords[commandWords.length - 1] ?? c.text;
      return words.some((w) => close(w, key) || close(w, c.text.replace(' ', '')));
    })
    .map((c) => (c.text === 'status' ? 'status FD-2026-00042' : c.text));
}
