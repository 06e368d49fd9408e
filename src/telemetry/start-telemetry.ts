import { DefaultAzureCredential, type TokenCredential } from '@azure/identity';
import { shutdownAzureMonitor, useAzureMonitor, type AzureMonitorOpenTelemetryOptions } from '@azure/monitor-opentelemetry';
import { z } from 'zod';
import type { Logger } from '../ports/logger';

/** Telemetry as started: whether it exports, and a way to flush and stop it on shutdown. */
export interface Telemetry {
  enabled: boolean;
  shutdown(): Promise<void>;
}

export interface TelemetryOptions {
  /** The user-assigned managed identity's client id: exports are signed with Entra ID (needed when the component has local auth disabled, as infra/ deploys it). */
  managedIdentityClientId?: string;
  /** An extra CA certificate (PEM) to trust for the ingestion endpoint, e.g. a TLS-inspecting proxy's or a test endpoint's. */
  trustedCa?: string;
}

const connectionStringSchema = z
  .string()
  .trim()
  .refine((s) => /(^|;)\s*InstrumentationKey=[0-9a-f-]{36}\s*(;|$)/i.test(s), 'must hold InstrumentationKey=<guid>')
  .refine((s) => !/(^|;)\s*IngestionEndpoint=(?!https:\/\/)/i.test(s), 'IngestionEndpoint must be https://');

const OFF: Telemetry = { enabled: false, shutdown: async () => undefined };
let running: Telemetry | undefined;

/** The distro's options: HTTP and Azure SDK (Cosmos DB) spans and standard metrics; every trace kept (a local authority's volume is small). */
export function telemetryOptions(connectionString: string, options: TelemetryOptions, credential?: TokenCredential): AzureMonitorOpenTelemetryOptions {
  return {
    azureMonitorExporterOptions: {
      connectionString,
      ...(credential ? { credential } : {}),
      ...(options.trustedCa ? { tlsOptions: { ca: options.trustedCa } } : {}),
    },
    samplingRatio: 1,
    tracesPerSecond: 0,
    enableLiveMetrics: false,
    enableStandardMetrics: true,
    instrumentationOptions: {
      http: { enabled: true },
      azureSdk: { enabled: true },
      mongoDb: { enabled: false },
      mySql: { enabled: false },
      postgreSql: { enabled: false },
      redis: { enabled: false },
      redis4: { enabled: false },
      bunyan: { enabled: false },
      winston: { enabled: false },
    },
  };
}

/**
 * Starts OpenTelemetry export to Application Insights when a connection string is given; does
 * nothing otherwise. Call it as early as possible in main. Request bodies are never recorded, so
 * no pupil details reach telemetry; the app's own JSON logs (already redacted) reach the same Log
 * Analytics workspace through App Service console logs. Starting twice returns the first start.
 */
export function startTelemetry(connectionString: string | undefined, logger: Logger, options: TelemetryOptions = {}): Telemetry {
  if (running) return running;
  if (connectionString === undefined || connectionString.trim() === '') {
    logger.info('telemetry.off', { reason: 'no-connection-string' });
    return OFF;
  }
  const parsed = connectionStringSchema.safeParse(connectionString);
  if (!parsed.success) {
    logger.error('telemetry.off', { reason: 'invalid-connection-string', problems: parsed.error.issues.map((i) => i.message) });
    return OFF;
  }
  const credential = options.managedIdentityClientId ? new DefaultAzureCredential({ managedIdentityClientId: options.managedIdentityClientId }) : undefined;
  useAzureMonitor(telemetryOptions(parsed.data, options, credential));
  // Core modules loaded before this call are patched on their next require: do that now, so the
  // HTTP server main.ts already imported is traced.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('node:http');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('node:https');
  logger.info('telemetry.started', { auth: credential ? 'entra-id' : 'connection-string' });
  const started: Telemetry = {
    enabled: true,
    shutdown: async () => {
      if (running !== started) return;
      running = undefined;
      await shutdownAzureMonitor();
    },
  };
  running = started;
  return started;
}
