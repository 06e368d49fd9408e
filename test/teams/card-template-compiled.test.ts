import { expandTemplate } from '../../src/teams/card-template';

describe('card templates compiled once', () => {
  const template = { body: [{ $data: '${rows}', text: '${name}: ${count} of ${$root.total}' }, { $when: '${showMore}', text: 'more' }], title: '${title}' };

  it('fills the same template afresh from each render’s data', () => {
    const first = expandTemplate(template, { title: 'A', total: 2, showMore: true, rows: [{ name: 'x', count: 1 }] });
    const second = expandTemplate(template, { title: 'B', total: 5, showMore: false, rows: [{ name: 'y', count: 3 }, { name: 'z', count: 4 }] });
    expect(first).toEqual({ body: [{ text: 'x: 1 of 2' }, { text: 'more' }], title: 'A' });
    expect(second).toEqual({ body: [{ text: 'y: 3 of 5' }, { text: 'z: 4 of 5' }], title: 'B' });
  });

  it('hands out a new card each time, so changing one card leaves the next render as it was', () => {
    const data = { title: 'A', total: 1, showMore: false, rows: [{ name: 'x', count: 1 }] };
    const card = expandTemplate(template, data) as { body: Array<{ text: string }> };
    card.body.push({ text: 'changed' });
    expect(expandTemplate(template, data)).toEqual({ body: [{ text: 'x: 1 of 1' }], title: 'A' });
  });

  it('evaluates an expression only where the card reaches it, as before', () => {
    const guarded = { body: [{ $when: '${hasRef}', text: '${ref}' }, { $when: '${never}', text: '${if(a, b)}' }] };
    expect(expandTemplate(guarded, { hasRef: false, never: false })).toEqual({ body: [] });
    expect(() => expandTemplate(guarded, { hasRef: true, never: false })).toThrow('"ref" has no value');
    expect(() => expandTemplate(guarded, { hasRef: false, never: true })).toThrow('unsupported expression');
  });
});
