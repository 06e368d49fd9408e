import type { z } from 'zod';

/** Thrown when the reference data cannot be loaded; `problems` holds every `file:path: problem` found. */
export class ReferenceDataError extends Error {
  readonly code = 'REFERENCE.INVALID';
  constructor(readonly problems: string[]) {
    super(`Reference data is not valid (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ReferenceDataError';
  }
}

/** Formats a path like people[3].settingId from its parts. */
export function formatPath(parts: ReadonlyArray<string | number>): string {
  return parts.reduce<string>((path, part) => (typeof part === 'number' ? `${path}[${part}]` : path === '' ? part : `${path}.${part}`), '');
}

/** Collects problems from one file, each as `file:path: problem`. */
export class ProblemList {
  readonly items: string[] = [];

  /** Records a problem at a path (a string such as "row 7 (URN)", or path parts). */
  add(file: string, path: string | ReadonlyArray<string | number>, problem: string): void {
    const where = typeof path === 'string' ? path : formatPath(path);
    this.items.push(where === '' ? `${file}: ${problem}` : `${file}:${where}: ${problem}`);
  }

  /** Parses a value with a schema; on failure records every issue under the path and returns undefined. */
  parse<S extends z.ZodTypeAny>(file: string, path: ReadonlyArray<string | number>, schema: S, value: unknown): z.output<S> | undefined {
    const result = schema.safeParse(value);
    if (result.success) return result.data as z.output<S>;
    for (const issue of result.error.issues) this.add(file, [...path, ...issue.path], describeIssue(issue, value, issue.path));
    return undefined;
  }
}

/** Words for a zod issue, quoting the offending value where it helps. */
function describeIssue(issue: z.ZodIssue, root: unknown, path: ReadonlyArray<string | number>): string {
  const value = valueAt(root, path);
  if (issue.code === 'invalid_type' && issue.received === 'undefined') return 'is required';
  if (issue.code === 'invalid_enum_value' && !issue.message.startsWith('Invalid enum value')) return issue.message;
  if (issue.code === 'invalid_enum_value') return `${JSON.stringify(value)} is not one of ${issue.options.join(', ')}`;
  if (issue.code === 'invalid_type') return `must be ${article(issue.expected)} (not ${JSON.stringify(value) ?? issue.received})`;
  if (issue.code === 'too_small' && issue.type === 'number') return `must be at least ${String(issue.minimum)}`;
  if (issue.code === 'too_big' && issue.type === 'number') return `must be at most ${String(issue.maximum)}`;
  if (issue.code === 'too_small' && issue.type === 'array') return `needs at least ${String(issue.minimum)} item${issue.minimum === 1 ? '' : 's'}`;
  if (issue.code === 'too_small' && issue.type === 'string') return 'must not be empty';
  if (issue.code === 'unrecognized_keys') return `unknown field${issue.keys.length === 1 ? '' : 's'} ${issue.keys.join(', ')}`;
  return issue.message.charAt(0).toLowerCase() + issue.message.slice(1);
}

/** "a number", "an object", "a list"... */
function article(expected: string): string {
  if (expected === 'array') return 'a list';
  if (expected === 'integer') return 'a whole number';
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}

function valueAt(root: unknown, path: ReadonlyArray<string | number>): unknown {
  let current = root;
  for (const part of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[part];
  }
  return current;
}
