export { startTelemetry, telemetryOptions, type Telemetry, type TelemetryOptions } from './start-telemetry';
