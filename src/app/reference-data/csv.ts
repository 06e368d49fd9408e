/** A CSV record with its 1-based row number in the file (the header is row 1, as in a spreadsheet). */
export interface CsvRow {
  row: number;
  values: Record<string, string>;
}

export interface CsvTable {
  headers: string[];
  rows: CsvRow[];
}

/** Splits RFC 4180 CSV text into records: quoted fields may hold commas, quotes ("") and line breaks. */
export function parseCsvRecords(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  while (i < input.length) {
    const c = input[i];
    if (quoted) {
      if (c === '"' && input[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (c === '"') quoted = false;
      else field += c;
      i += 1;
      continue;
    }
    if (c === '"' && field.length === 0) quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      if (c === '\r' && input[i + 1] === '\n') i += 1;
    } else field += c;
    i += 1;
  }
  if (field.length > 0 || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}

/** Parses CSV with a header row into rows keyed by header name; blank lines are skipped, row numbers kept. */
export function parseCsvTable(text: string): CsvTable {
  const records = parseCsvRecords(text);
  const headers = (records[0] ?? []).map((h) => h.trim());
  const rows: CsvRow[] = [];
  records.slice(1).forEach((record, index) => {
    if (record.every((v) => v.trim() === '')) return;
    const values: Record<string, string> = {};
    headers.forEach((header, column) => {
      values[header] = (record[column] ?? '').trim();
    });
    rows.push({ row: index + 2, values });
  });
  return { headers, rows };
}

/** Decodes file bytes as UTF-8, or as Windows-1252/Latin-1 (how GIAS extracts are saved) when not valid UTF-8. */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}
