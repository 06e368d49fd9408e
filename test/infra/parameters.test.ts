import { z } from 'zod';
import { bicepParams, readInfra } from './bicep-text';

/** infra/main.parameters.example.json against the parameters main.bicep declares. */
const declared = bicepParams(readInfra('main.bicep'));
const example = z
  .object({ parameters: z.record(z.string(), z.object({ value: z.unknown() })) })
  .parse(JSON.parse(readInfra('main.parameters.example.json')));
const given = new Map(Object.entries(example.parameters).map(([name, p]) => [name, p.value]));

const TYPE_CHECKS: Record<string, (value: unknown) => boolean> = {
  string: (v) => typeof v === 'string',
  int: (v) => Number.isInteger(v),
  bool: (v) => typeof v === 'boolean',
  array: (v) => Array.isArray(v),
  object: (v) => typeof v === 'object' && v !== null && !Array.isArray(v),
};

describe('infra/main.parameters.example.json', () => {
  it('names only parameters the template declares', () => {
    expect([...given.keys()].filter((name) => !declared.has(name))).toEqual([]);
  });

  it('gives every parameter of the template, so it documents them all', () => {
    expect([...declared.keys()].filter((name) => !given.has(name))).toEqual([]);
  });

  it('gives each a value of the declared type, from the allowed list where there is one', () => {
    for (const [name, value] of given) {
      const param = declared.get(name);
      if (!param) continue;
      const check = TYPE_CHECKS[param.type];
      expect({ name, type: param.type, ok: check?.(value) ?? false }).toEqual({ name, type: param.type, ok: true });
      if (param.allowed) expect({ name, value, allowed: param.allowed.includes(String(value)) }).toEqual({ name, value, allowed: true });
    }
  });

  it('lists other organisations\' tenant ids as GUIDs', () => {
    const tenants = z.array(z.string().uuid()).safeParse(given.get('allowedTenantIds'));
    expect(tenants.success).toBe(true);
  });
});
