import { createWriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import { writeCaseReport } from '../src/app/insights/case-report';
import { loadConfig } from '../src/config';
import { parsePeriod } from '../src/domain/insights/periods';
import { openStore } from '../src/store/open-store';
import type { Store } from '../src/ports/store';

const USAGE = 'Usage: npm run report -- --from 2026-09-01 --to 2026-12-31 --out report.csv  (also writes report.summary.csv)';

/** The report's options from the command line, or a problem to print. */
export function reportArgs(argv: string[], today: string): { from: string; to: string; out: string } | { problem: string } {
  const value = (name: string) => {
    const at = argv.indexOf(name);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const [from, to, out] = [value('--from'), value('--to') ?? today, value('--out') ?? 'report.csv'];
  if (!from) return { problem: USAGE };
  const choice = parsePeriod(`from ${from} to ${to}`, today);
  if (choice.kind === 'problem') return { problem: choice.problem };
  return { from: choice.period.from, to: choice.period.to, out };
}

/** The summary file's name beside the report: report.csv → report.summary.csv. */
export function summaryPath(out: string): string {
  return out.endsWith('.csv') ? `${out.slice(0, -4)}.summary.csv` : `${out}.summary.csv`;
}

/** Writes the report and its summary from the store; returns how many cases it holds. */
export async function runReport(store: Store, options: { from: string; to: string; out: string }): Promise<number> {
  const file = createWriteStream(options.out, { encoding: 'utf8' });
  const { rows, summary } = await writeCaseReport(store, { from: options.from, to: options.to, label: '' }, async (line) => {
    if (!file.write(`${line}\r\n`)) await once(file, 'drain');
  });
  file.end();
  await once(file, 'finish');
  await writeFile(summaryPath(options.out), `${summary.join('\r\n')}\r\n`, 'utf8');
  return rows;
}

async function main(argv: string[]): Promise<void> {
  const options = reportArgs(argv, new Date().toISOString().slice(0, 10));
  if ('problem' in options) throw new Error(options.problem);
  const store = await openStore(loadConfig(process.env).store);
  try {
    const rows = await runReport(store, options);
    process.stdout.write(`Wrote ${rows} cases to ${options.out} and the summary to ${summaryPath(options.out)}.\n`);
  } finally {
    await store.close();
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    process.stderr.write(`report failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
