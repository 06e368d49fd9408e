/**
 * `npm run repair:tallies`: on Cosmos DB, sets every case's entry in the monthly insight tallies
 * where it is missing or out of date (after a tally write failed, or for data from before tallies).
 * Safe to run beside the bot and to re-run: a second run writes nothing.
 */
import { loadConfig } from '../src/config';
import { connectCosmos } from '../src/store/cosmos/cosmos-client';
import { repairTallies } from '../src/store/cosmos/cosmos-tally-repair';

async function main(): Promise<void> {
  const { store } = loadConfig(process.env);
  if (store.kind !== 'cosmos') throw new Error('Tallies exist only on Cosmos DB: set STORE=cosmos and COSMOS_ENDPOINT (SQLite counts from the cases directly).');
  const handles = await connectCosmos(store);
  try {
    const report = await repairTallies(handles.containers.cases, handles.containers.counters);
    process.stdout.write(`Read ${report.casesRead} cases; set ${report.entriesSet} tally entries that were missing or out of date.\n`);
  } finally {
    handles.client.dispose();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`repair:tallies failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
