import type { SendOutcome } from '../../ports/notifier';

/** Statuses worth another try: timeouts, Teams' "retry 412", throttling, auth glitches and server errors. */
const RETRYABLE_4XX = new Set([401, 408, 412, 429]);
const SAFE_CODE = /^[A-Za-z0-9_.-]{1,60}$/;

interface ErrorShape {
  statusCode?: unknown;
  code?: unknown;
  name?: unknown;
  response?: { headers?: { get?: (name: string) => unknown } };
}

/** Milliseconds from a Retry-After header: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: unknown, nowMs: number): number | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

/** Turns a Bot Connector failure into an outcome: 429 with its Retry-After, 5xx and network faults retried, other 4xx permanent. */
export function outcomeOfConnectorError(err: unknown, nowMs: number): Exclude<SendOutcome, { ok: true }> {
  const shape = (typeof err === 'object' && err !== null ? err : {}) as ErrorShape;
  const code = typeof shape.code === 'string' && SAFE_CODE.test(shape.code) ? shape.code : undefined;
  const status = typeof shape.statusCode === 'number' ? shape.statusCode : undefined;
  if (status === undefined) {
    const name = typeof shape.name === 'string' && SAFE_CODE.test(shape.name) ? shape.name : 'error';
    return { ok: false, reason: `network:${code ?? name}` };
  }
  const reason = code ? `http-${status}:${code}` : `http-${status}`;
  if (status === 429) {
    const header = shape.response?.headers?.get?.('retry-after');
    const retryAfterMs = parseRetryAfter(header, nowMs);
    return retryAfterMs === undefined ? { ok: false, reason } : { ok: false, reason, retryAfterMs };
  }
  if (status >= 500 || RETRYABLE_4XX.has(status)) return { ok: false, reason };
  if (status >= 400) return { ok: false, reason, permanent: true };
  return { ok: false, reason };
}
