import { phaseFromGias, type Setting } from '../../domain/reference';
import { parseCsvTable, type CsvRow } from './csv';
import type { ProblemList } from './problems';

export const SETTINGS_FILE = 'settings.csv';
export const EARLY_YEARS_FILE = 'early-years-providers.csv';

/** A setting with the file and row it came from, for problems found later. */
export interface SettingRow {
  setting: Setting;
  file: string;
  row: number;
}

/** Columns read from a Get Information About Schools extract; others are ignored. */
const GIAS = {
  urn: 'URN',
  name: 'EstablishmentName',
  type: 'TypeOfEstablishment (name)',
  phase: 'PhaseOfEducation (name)',
  postcode: 'Postcode',
  laCode: 'LA (code)',
} as const;

/** Columns of the optional early-years providers file (Ofsted register layout). */
const EARLY_YEARS = {
  id: 'Provider URN',
  name: 'Provider name',
  type: 'Provider type',
  postcode: 'Postcode',
  laCode: 'LA (code)',
} as const;

/** Reads and checks the columns a file needs; records a problem for each missing one. */
function checkColumns(file: string, headers: readonly string[], columns: Record<string, string>, problems: ProblemList): boolean {
  const missing = Object.values(columns).filter((c) => !headers.includes(c));
  for (const column of missing) problems.add(file, '', `missing column "${column}"`);
  return missing.length === 0;
}

/** A cell, recording "is required" when blank. */
function required(file: string, row: CsvRow, column: string, problems: ProblemList): string | undefined {
  const value = row.values[column] ?? '';
  if (value === '') problems.add(file, `row ${row.row} (${column})`, 'is required');
  return value === '' ? undefined : value;
}

/** The LA code cell: blank, or three digits. */
function laCode(file: string, row: CsvRow, column: string, problems: ProblemList): string | null {
  const value = row.values[column] ?? '';
  if (value === '') return null;
  if (!/^\d{3}$/.test(value)) problems.add(file, `row ${row.row} (${column})`, `"${value}" must be a 3-digit LA code`);
  return value;
}

/** Schools from a GIAS extract, parsed by header name (column order and extra columns do not matter); undefined when columns are missing. */
export function parseGiasSettings(text: string, problems: ProblemList, file = SETTINGS_FILE): SettingRow[] | undefined {
  const table = parseCsvTable(text);
  if (!checkColumns(file, table.headers, GIAS, problems)) return undefined;
  const settings: SettingRow[] = [];
  for (const row of table.rows) {
    const before = problems.items.length;
    const urn = required(file, row, GIAS.urn, problems);
    if (urn !== undefined && !/^\d+$/.test(urn)) problems.add(file, `row ${row.row} (${GIAS.urn})`, 'must be a number');
    const name = required(file, row, GIAS.name, problems);
    const la = laCode(file, row, GIAS.laCode, problems);
    if (problems.items.length > before || urn === undefined || name === undefined) continue;
    const establishmentType = row.values[GIAS.type] ?? '';
    settings.push({ file, row: row.row, setting: {
      id: urn,
      name,
      kind: 'school',
      establishmentType,
      phase: phaseFromGias(row.values[GIAS.phase] ?? '', establishmentType),
      postcode: row.values[GIAS.postcode] || null,
      laCode: la,
    } });
  }
  return settings;
}

/** Early-years providers registered with Ofsted (ids like EY123456); their phase is always early years. */
export function parseEarlyYearsProviders(text: string, problems: ProblemList, file = EARLY_YEARS_FILE): SettingRow[] | undefined {
  const table = parseCsvTable(text);
  if (!checkColumns(file, table.headers, EARLY_YEARS, problems)) return undefined;
  const settings: SettingRow[] = [];
  for (const row of table.rows) {
    const before = problems.items.length;
    const id = required(file, row, EARLY_YEARS.id, problems)?.toUpperCase();
    if (id !== undefined && !/^EY\d{6}$/.test(id)) problems.add(file, `row ${row.row} (${EARLY_YEARS.id})`, `"${id}" must look like EY123456`);
    const name = required(file, row, EARLY_YEARS.name, problems);
    const la = laCode(file, row, EARLY_YEARS.laCode, problems);
    if (problems.items.length > before || id === undefined || name === undefined) continue;
    settings.push({ file, row: row.row, setting: {
      id,
      name,
      kind: 'early-years-provider',
      establishmentType: row.values[EARLY_YEARS.type] ?? '',
      phase: 'early-years',
      postcode: row.values[EARLY_YEARS.postcode] || null,
      laCode: la,
    } });
  }
  return settings;
}

/** Records a problem for each setting id seen before (in either file); returns the settings, each once. */
export function uniqueSettings(rows: readonly SettingRow[], problems: ProblemList): Setting[] {
  const seen = new Map<string, SettingRow>();
  for (const entry of rows) {
    const first = seen.get(entry.setting.id);
    if (first === undefined) seen.set(entry.setting.id, entry);
    else problems.add(entry.file, `row ${entry.row}`, `setting ${entry.setting.id} is already listed (${first.file} row ${first.row})`);
  }
  return [...seen.values()].map((entry) => entry.setting);
}
