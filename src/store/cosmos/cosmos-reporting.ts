import type { Container } from '@azure/cosmos';
import { caseRecordSchema } from '../../domain/case-record';
import type { ReportingStore } from '../../ports/store';
import { queryAll } from './cosmos-docs';
import { cosmosCall } from './cosmos-errors';
import { readTallies } from './cosmos-tallies';

/**
 * Reporting reads on Cosmos DB. Insight tallies come from the monthly tally documents (point reads,
 * see cosmos-tallies.ts). The CSV export pages through cases with a cross-partition query on the
 * (submittedAt, ref) composite index: an analyst's occasional job, never a chat turn.
 */
export function cosmosReportingStore(cases: Container, counters: Container): ReportingStore {
  return {
    tallyCases: (range) => cosmosCall('tally cases', () => readTallies(counters, range)),
    listCasesSubmitted: (range, after, limit) =>
      cosmosCall('list cases submitted', async () => {
        if (limit <= 0) return [];
        const afterClause = after ? ' AND (c.submittedAt > @afterAt OR (c.submittedAt = @afterAt AND c.ref > @afterRef))' : '';
        const docs = await queryAll(
          cases,
          `SELECT TOP @n * FROM c WHERE c.type = 'case' AND c.submittedAt >= @from AND c.submittedAt < @to${afterClause} ORDER BY c.submittedAt ASC, c.ref ASC`,
          [
            { name: '@n', value: limit },
            { name: '@from', value: range.from },
            { name: '@to', value: range.to },
            ...(after ? [{ name: '@afterAt', value: after.submittedAt }, { name: '@afterRef', value: after.ref }] : []),
          ],
        );
        return docs.map((doc) => caseRecordSchema.parse(doc));
      }),
  };
}
