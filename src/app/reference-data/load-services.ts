import { z } from 'zod';
import { serviceSchema, type Service } from '../../domain/reference';
import { needCodeField, phaseField } from './file-fields';
import type { ProblemList } from './problems';

export const SERVICES_FILE = 'services.yaml';

const fileSchema = z.object({ services: z.array(z.unknown()).min(1) }).strict();
const serviceEntrySchema = serviceSchema
  .extend({
    name: z.string().trim().min(1),
    offers: z.string().trim().min(1),
    needCodes: z.array(needCodeField).min(1),
    phases: z.array(phaseField).min(1),
  })
  .strict();

/** The service catalogue: every entry checked, ids unique. */
export function parseServices(raw: unknown, problems: ProblemList): Service[] {
  if (raw === undefined) return [];
  const file = problems.parse(SERVICES_FILE, [], fileSchema, raw);
  if (file === undefined) return [];
  const services: Service[] = [];
  const seen = new Map<string, number>();
  file.services.forEach((entry, index) => {
    const service = problems.parse(SERVICES_FILE, ['services', index], serviceEntrySchema, entry);
    if (service === undefined) return;
    const first = seen.get(service.id);
    if (first !== undefined) {
      problems.add(SERVICES_FILE, ['services', index, 'id'], `"${service.id}" is already used by services[${first}]`);
      return;
    }
    seen.set(service.id, index);
    services.push(service);
  });
  return services;
}
