import { decodeText, parseCsvRecords } from '../../../src/app/reference-data/csv';
import { parseEarlyYearsProviders, parseGiasSettings } from '../../../src/app/reference-data/load-settings';
import { ProblemList } from '../../../src/app/reference-data/problems';

describe('CSV records', () => {
  it('keeps commas, doubled quotes and line breaks inside quoted fields, and reads CRLF line ends', () => {
    const text = 'a,b,c\r\n"Smith, Jones","say ""hi""","two\nlines"\r\n,,\r\n';
    expect(parseCsvRecords(text)).toEqual([
      ['a', 'b', 'c'],
      ['Smith, Jones', 'say "hi"', 'two\nlines'],
      ['', '', ''],
    ]);
  });

  it('reads a file saved as Windows-1252, as GIAS extracts are', () => {
    const bytes = Uint8Array.from([...Buffer.from('Ysgol Caer'), 0xe9, ...Buffer.from('s')]);
    expect(decodeText(bytes)).toBe('Ysgol Caerés');
    expect(decodeText(Buffer.from('\ufeffURN', 'utf8'))).toBe('URN');
    expect(parseCsvRecords('\ufeffURN\n1')[0]).toEqual(['URN']);
  });
});

describe('settings from a GIAS extract', () => {
  it('reads columns by name, whatever their order, ignoring columns it does not know', () => {
    const problems = new ProblemList();
    const text = [
      'Postcode,EstablishmentName,Gender (name),LA (code),PhaseOfEducation (name),URN,TypeOfEstablishment (name),Street',
      'ZZ9 9ZZ,"Brook Lane Primary School, Upper Site",Mixed,999,Primary,900101,Community school,"Unit 1, Brook Lane"',
      '',
      ',Greenfields Nursery School,Mixed,999,Not applicable,900102,Local authority nursery school,',
      'ZZ9 9ZY,Riverside Academy,Mixed,999,Middle deemed secondary,900103,Academy converter,',
    ].join('\n');
    const settings = parseGiasSettings(text, problems);
    expect(problems.items).toEqual([]);
    expect(settings).toEqual([
      { file: 'settings.csv', row: 2, setting: { id: '900101', name: 'Brook Lane Primary School, Upper Site', kind: 'school', establishmentType: 'Community school', phase: 'primary', postcode: 'ZZ9 9ZZ', laCode: '999' } },
      { file: 'settings.csv', row: 4, setting: { id: '900102', name: 'Greenfields Nursery School', kind: 'school', establishmentType: 'Local authority nursery school', phase: 'early-years', postcode: null, laCode: '999' } },
      { file: 'settings.csv', row: 5, setting: expect.objectContaining({ id: '900103', phase: 'secondary' }) },
    ]);
  });

  it('reports every bad row, and skips only those rows', () => {
    const problems = new ProblemList();
    const text = ['URN,EstablishmentName,TypeOfEstablishment (name),PhaseOfEducation (name),Postcode,LA (code)', 'abc,One,Community school,Primary,,999', '900201,,Community school,Primary,,99', '900202,Two,Community school,Primary,,999'].join('\n');
    const settings = parseGiasSettings(text, problems);
    expect(problems.items).toEqual([
      'settings.csv:row 2 (URN): must be a number',
      'settings.csv:row 3 (EstablishmentName): is required',
      'settings.csv:row 3 (LA (code)): "99" must be a 3-digit LA code',
    ]);
    expect(settings?.map((s) => s.setting.id)).toEqual(['900202']);
  });

  it('reads early-years providers with their Ofsted ids as early-years settings', () => {
    const problems = new ProblemList();
    const text = 'Provider name,Provider URN,Provider type,Postcode,LA (code)\n"Tiny Steps, Millbridge",ey654321,Childminder,ZZ1 1ZZ,999\n';
    expect(parseEarlyYearsProviders(text, problems)).toEqual([
      { file: 'early-years-providers.csv', row: 2, setting: { id: 'EY654321', name: 'Tiny Steps, Millbridge', kind: 'early-years-provider', establishmentType: 'Childminder', phase: 'early-years', postcode: 'ZZ1 1ZZ', laCode: '999' } },
    ]);
    expect(problems.items).toEqual([]);
  });
});
