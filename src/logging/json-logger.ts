import type { Logger } from '../ports/logger';

type Level = 'debug' | 'info' | 'warn' | 'error' | 'silent';
const RANK: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

/** Field names whose values are never written, whatever a caller passes. */
const REDACTED_FIELDS = new Set(['initials', 'dateOfBirth', 'upn', 'pupil', 'concern', 'triedSoFar', 'whatChanged', 'otherAgencies', 'request', 'answers', 'text', 'body']);

/** Replaces values of pupil-bearing fields with "[redacted]", at any depth. */
export function redact(value: unknown, depth = 0): unknown {
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = REDACTED_FIELDS.has(k) ? '[redacted]' : redact(v, depth + 1);
  return out;
}

/** One JSON object per line on stdout (stderr for errors), for App Service and Application Insights. */
export function jsonLogger(level: Level, write: (line: string, isError: boolean) => void = defaultWrite): Logger {
  const log = (at: Exclude<Level, 'silent'>, event: string, fields?: Record<string, unknown>): void => {
    if (RANK[at] < RANK[level]) return;
    const record = { time: new Date().toISOString(), level: at, event, ...(fields ? (redact(fields) as Record<string, unknown>) : {}) };
    write(JSON.stringify(record), at === 'error');
  };
  return {
    info: (event, fields) => log('info', event, fields),
    warn: (event, fields) => log('warn', event, fields),
    error: (event, fields) => log('error', event, fields),
  };
}

function defaultWrite(line: string, isError: boolean): void {
  (isError ? process.stderr : process.stdout).write(`${line}\n`);
}

/** Describes an error for a log line: its name, code and stack frames, without its message (which may echo input). */
export function describeError(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { errorType: typeof err };
  const code = (err as { code?: unknown }).code;
  const frames = (err.stack ?? '').split('\n').filter((l) => l.trim().startsWith('at ')).slice(0, 8).map((l) => l.trim());
  return { errorName: err.name, errorCode: typeof code === 'string' || typeof code === 'number' ? code : undefined, frames };
}
