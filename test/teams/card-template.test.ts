import { expandTemplate } from '../../src/teams/card-template';

describe('card templates', () => {
  it('fills values, keeping their types when a string is one expression', () => {
    const out = expandTemplate({ a: '${n}', b: 'n is ${n}', c: '${list}', d: '${flag}' }, { n: 3, list: [1, 2], flag: false });
    expect(out).toEqual({ a: 3, b: 'n is 3', c: [1, 2], d: false });
  });

  it('repeats $data elements with the item in scope and $root for the top', () => {
    const out = expandTemplate({ rows: [{ $data: '${items}', text: '${name} of ${$root.owner}' }, { text: 'end' }] }, { owner: 'Oak', items: [{ name: 'a' }, { name: 'b' }] });
    expect(out).toEqual({ rows: [{ text: 'a of Oak' }, { text: 'b of Oak' }, { text: 'end' }] });
  });

  it('drops elements whose $when is false: paths, negation, comparisons and count', () => {
    const template = {
      body: [
        { $when: '${show}', id: 1 },
        { $when: '${!show}', id: 2 },
        { $when: "${error != ''}", id: 3 },
        { $when: '${count(items) > 0}', id: 4 },
        { $when: '${count(items) == 0}', id: 5 },
      ],
    };
    expect(expandTemplate(template, { show: true, error: '', items: [] })).toEqual({ body: [{ id: 1 }, { id: 5 }] });
  });

  it('refuses a missing value or an expression it does not support, instead of guessing', () => {
    expect(() => expandTemplate({ a: '${missing}' }, {})).toThrow('"missing" has no value');
    expect(() => expandTemplate({ a: '${if(x, 1, 2)}' }, { x: 1 })).toThrow('unsupported expression');
  });
});
