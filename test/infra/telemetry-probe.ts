/**
 * Run by telemetry.test.ts in a child process, as main.ts runs in production: node:http is loaded
 * first, then telemetry starts, then one request is served and telemetry is flushed.
 * Env: PROBE_CONNECTION_STRING, PROBE_CA (PEM of the test ingestion endpoint).
 */
import { createServer, get } from 'node:http';
import type { AddressInfo } from 'node:net';

// The Azure VM resource detector calls the instance metadata service (169.254.169.254): stub it so
// the probe talks to 127.0.0.1 only.
const detectorPath = require.resolve('@opentelemetry/resource-detector-azure');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const detectors = require(detectorPath) as Record<string, unknown>;
const cached = require.cache[detectorPath];
if (cached) cached.exports = { ...detectors, azureVmDetector: { detect: () => ({ attributes: {} }) } };

async function probe(): Promise<void> {
  const { startTelemetry } = await import('../../src/telemetry');
  const log = (event: string, fields?: Record<string, unknown>) => process.stdout.write(`${JSON.stringify({ event, ...fields })}\n`);
  const telemetry = startTelemetry(process.env.PROBE_CONNECTION_STRING, { info: log, warn: log, error: log }, { trustedCa: process.env.PROBE_CA });
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.end('{"status":"ready"}'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve, reject) => get(`http://127.0.0.1:${port}/readyz`, (res) => res.resume().on('end', resolve)).on('error', reject));
  await telemetry.shutdown();
  server.close();
}

probe().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exit(1);
  },
);
