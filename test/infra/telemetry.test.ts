import { execFile, execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { startTelemetry } from '../../src/telemetry';
import type { Logger } from '../../src/ports/logger';
import { makeTempDir } from '../support/temp-dir';


const INSTRUMENTATION_KEY = '0f1e2d3c-4b5a-4697-8877-665544332211';

interface LogLine {
  level: string;
  event: string;
  fields: Record<string, unknown> | undefined;
}
const recordingLogger = (lines: LogLine[]): Logger => ({
  info: (event, fields) => lines.push({ level: 'info', event, fields }),
  warn: (event, fields) => lines.push({ level: 'warn', event, fields }),
  error: (event, fields) => lines.push({ level: 'error', event, fields }),
});

/** Runs telemetry-probe.ts in a child process (jest's module system hides node:http from OpenTelemetry's hooks); returns its stdout. */
function runProbe(env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    // Statsbeat (the SDK's own usage pings to Microsoft) off: the probe talks to 127.0.0.1 only.
    const childEnv = { ...process.env, ...env, APPLICATION_INSIGHTS_NO_STATSBEAT: 'true', APPLICATIONINSIGHTS_STATSBEAT_DISABLED: 'true' };
    execFile(process.execPath, ['-r', 'ts-node/register/transpile-only', join(__dirname, 'telemetry-probe.ts')], { env: childEnv, timeout: 60_000 }, (error, stdout, stderr) =>
      error ? reject(new Error(`probe failed: ${stderr}`)) : resolve(stdout),
    );
  });
}

const listen = (server: Server | ReturnType<typeof createHttpsServer>) =>
  new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
const close = (server: Server | ReturnType<typeof createHttpsServer>) => new Promise<void>((resolve) => server.close(() => resolve()));

/** A stand-in Application Insights ingestion endpoint (HTTPS, self-signed for 127.0.0.1) that keeps every envelope. */
async function fakeIngestion() {
  const dir = await makeTempDir('frontdoor-ingest-');
  const [keyPath, certPath] = [join(dir.path, 'key.pem'), join(dir.path, 'cert.pem')];
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', keyPath, '-out', certPath], { stdio: 'ignore' });
  const cert = readFileSync(certPath, 'utf8');
  const envelopes: { name: string; iKey?: string; data: { baseData?: Record<string, unknown> } }[] = [];
  const server = createHttpsServer({ key: readFileSync(keyPath), cert }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const text = (req.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw).toString('utf8');
      const items = (text.trim().startsWith('[') ? (JSON.parse(text) as unknown[]) : text.split('\n').filter(Boolean).map((l) => JSON.parse(l) as unknown)) as typeof envelopes;
      envelopes.push(...items);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ itemsReceived: items.length, itemsAccepted: items.length, errors: [] }));
    });
  });
  const port = await listen(server);
  return { cert, envelopes, connectionString: `InstrumentationKey=${INSTRUMENTATION_KEY};IngestionEndpoint=https://127.0.0.1:${port}/`, stop: async () => (await close(server), await dir.remove()) };
}

describe('startTelemetry', () => {
  it('does nothing, and says so, when no connection string is set', async () => {
    const lines: LogLine[] = [];
    const telemetry = startTelemetry(undefined, recordingLogger(lines));
    expect(telemetry.enabled).toBe(false);
    expect(lines).toEqual([{ level: 'info', event: 'telemetry.off', fields: { reason: 'no-connection-string' } }]);
    await telemetry.shutdown();
  });

  it('refuses a malformed connection string with an error log instead of stopping the bot', () => {
    const lines: LogLine[] = [];
    expect(startTelemetry('InstrumentationKey=not-a-guid', recordingLogger(lines)).enabled).toBe(false);
    expect(startTelemetry(`InstrumentationKey=${INSTRUMENTATION_KEY};IngestionEndpoint=http://example.test/`, recordingLogger(lines)).enabled).toBe(false);
    expect(lines.map((l) => [l.level, l.fields?.reason])).toEqual([
      ['error', 'invalid-connection-string'],
      ['error', 'invalid-connection-string'],
    ]);
    expect(JSON.stringify(lines)).not.toContain('not-a-guid');
  });

  it('exports the requests the already-imported HTTP server handles to Application Insights, and flushes on shutdown', async () => {
    const ingestion = await fakeIngestion();
    try {
      const output = await runProbe({ PROBE_CONNECTION_STRING: ingestion.connectionString, PROBE_CA: ingestion.cert });
      expect(output).toContain('"event":"telemetry.started"');
      const requests = ingestion.envelopes.filter((e) => e.name.endsWith('.Request'));
      expect(requests.map((e) => e.data.baseData?.url)).toContainEqual(expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/readyz$/));
      expect(ingestion.envelopes.every((e) => e.iKey === INSTRUMENTATION_KEY)).toBe(true);
    } finally {
      await ingestion.stop();
    }
  });
});
