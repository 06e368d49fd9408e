import { setTimeout as delay } from 'node:timers/promises';
import type { Container } from '@azure/cosmos';
import { z } from 'zod';
import { StoreConflictError } from '../../ports/store';
import { readDoc } from './cosmos-docs';
import { cosmosStatus } from './cosmos-errors';

const MAX_ATTEMPTS = 60;
const counterSchema = z.object({ id: z.string(), last: z.number().int().min(0), _etag: z.string() });

/**
 * Increments a counter document: read, then replace with IfMatch; a 412 (someone else won) or 409
 * (someone else created it first) means read again. A short random back-off spreads contenders out.
 */
export async function nextCounterValue(counters: Container, id: string): Promise<number> {
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
    const raw = await readDoc(counters, id, id);
    try {
      if (raw === undefined) {
        await counters.items.create({ id, last: 1 });
        return 1;
      }
      const current = counterSchema.parse(raw);
      const next = current.last + 1;
      await counters.item(id, id).replace({ id, last: next }, { accessCondition: { type: 'IfMatch', condition: current._etag } });
      return next;
    } catch (error) {
      const status = cosmosStatus(error);
      if (status !== 412 && status !== 409) throw error;
    }
    await delay(Math.floor(Math.random() * Math.min(50, attempt * 3)));
  }
  throw new StoreConflictError(`Counter ${id} is too busy: gave up after ${MAX_ATTEMPTS} attempts`);
}
