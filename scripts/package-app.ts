/** Builds the Teams app package (appPackage/build/appPackage.zip): fills the manifest, validates it offline, zips it with the icons. */
import fs from 'node:fs';
import path from 'node:path';
import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import { z } from 'zod';

const HELP = `Usage: npm run package:app [-- --out <zip path>]

Fills appPackage/manifest.json from the environment, validates it against the Teams manifest
schema bundled in @microsoft/app-manifest (offline) and writes appPackage/build/appPackage.zip
(manifest.json, color.png and outline.png at the zip root) for upload to Teams.

Required environment variables (always; there are no local fallbacks, because the Agents
Playground used locally does not need an app package, and a package with made-up ids would
install but never reach the bot):
  TEAMS_APP_ID  the Teams app id, a GUID (any new GUID for a new app; keep it for updates)
  BOT_ID        the bot's Microsoft App ID (the Entra app or user-assigned managed identity
                client id registered with Azure Bot Service), a GUID
  BOT_DOMAIN    the bot's host name without https://, e.g. frontdoor-bot.azurewebsites.net
`;

/** The environment variables the manifest's \${{...}} placeholders take their values from. */
export const PACKAGE_VARIABLES = ['TEAMS_APP_ID', 'BOT_ID', 'BOT_DOMAIN'] as const;
export type PackageVariable = (typeof PACKAGE_VARIABLES)[number];
export type PackageValues = Readonly<Record<PackageVariable, string>>;

/** The repository root: the nearest folder above this file with a package.json (works from dist/ too). */
function findRepoRoot(start: string): string {
  let dir = start;
  while (!fs.existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

/** Where the manifest template and icons live, and the default output. */
export const APP_PACKAGE_DIR = path.join(findRepoRoot(__dirname), 'appPackage');
export const DEFAULT_ZIP_PATH = path.join(APP_PACKAGE_DIR, 'build', 'appPackage.zip');
export const ICON_SIZES = { 'color.png': 192, 'outline.png': 32 } as const;

/** Packaging cannot go on; the message names every problem. */
export class PackagingError extends Error {
  constructor(readonly problems: string[]) {
    super(`Cannot build the Teams app package:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'PackagingError';
  }
}

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const hostName = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$/i;
const rules: Record<PackageVariable, { pattern: RegExp; expected: string }> = {
  TEAMS_APP_ID: { pattern: guid, expected: 'a GUID' },
  BOT_ID: { pattern: guid, expected: 'a GUID (the bot\'s Microsoft App ID)' },
  BOT_DOMAIN: { pattern: hostName, expected: 'a host name without https:// or a path, e.g. frontdoor-bot.azurewebsites.net' },
};

/** Reads and checks the placeholder values; throws naming every missing or malformed one. */
export function readPackageValues(env: Record<string, string | undefined>): PackageValues {
  const problems: string[] = [];
  const values: Partial<Record<PackageVariable, string>> = {};
  for (const name of PACKAGE_VARIABLES) {
    const value = env[name]?.trim();
    if (!value) problems.push(`${name} is not set: it must be ${rules[name].expected}`);
    else if (!rules[name].pattern.test(value)) problems.push(`${name} is "${value}": it must be ${rules[name].expected}`);
    else values[name] = value;
  }
  if (problems.length > 0) throw new PackagingError(problems);
  return values as PackageValues;
}

/** Replaces every \${{NAME}} in the template; refuses unknown names and anything left unfilled. */
export function fillPlaceholders(template: string, values: PackageValues): string {
  const unknown = new Set<string>();
  const filled = template.replace(/\$\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g, (whole, name: string) => {
    const value = (values as Readonly<Record<string, string>>)[name];
    if (value === undefined) {
      unknown.add(name);
      return whole;
    }
    return JSON.stringify(value).slice(1, -1);
  });
  const problems = [...unknown].map((name) => `the manifest uses \${{${name}}}, which packaging does not fill`);
  if (problems.length === 0 && filled.includes('${{')) problems.push('the filled manifest still contains "${{"');
  if (problems.length > 0) throw new PackagingError(problems);
  return filled;
}

const manifestHead = z.object({ $schema: z.string().url(), manifestVersion: z.string() }).passthrough();

/**
 * Validates a filled manifest against the Teams schema bundled in @microsoft/app-manifest (never fetched),
 * with the same ajv set-up as that package's AppManifestUtils.validateAgainstSchema. Its API is not
 * called directly because it loads strip-bom 5, an ES module that Jest cannot require.
 */
export function validateManifest(manifest: unknown): string[] {
  const head = manifestHead.safeParse(manifest);
  if (!head.success) return head.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  const match = /\/json-schemas\/teams\/(v[\w.]+)\/MicrosoftTeams\.schema\.json$/.exec(head.data.$schema);
  if (!match?.[1]) return [`$schema is not a Teams manifest schema URL: ${head.data.$schema}`];
  const packageDir = path.dirname(require.resolve('@microsoft/app-manifest/package.json'));
  const schemaFile = path.join(packageDir, 'build', 'json-schemas', 'teams', match[1], 'MicrosoftTeams.schema.json');
  if (!fs.existsSync(schemaFile)) return [`schema ${match[1]} is not bundled in @microsoft/app-manifest`];
  // The same clean-up the package applies before parsing its schemas.
  const schemaText = fs.readFileSync(schemaFile, 'utf8').replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b');
  const ajv = new Ajv04({ allErrors: true, strictTypes: false });
  addFormats(ajv, ['uri', 'email', 'regex']);
  const validate = ajv.compile(JSON.parse(schemaText) as object);
  if (validate(manifest)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
}

/** Checks an icon is a PNG of the size Teams requires. */
function checkIcon(file: string, size: number): string | undefined {
  if (!fs.existsSync(file)) return `${path.basename(file)} is missing (run scripts/make-icons.ts)`;
  const png = PNG.sync.read(fs.readFileSync(file));
  return png.width === size && png.height === size ? undefined : `${path.basename(file)} is ${png.width}×${png.height}, not ${size}×${size}`;
}

/** Builds the zip; returns where it was written and the filled manifest. */
export async function buildAppPackage(options: {
  env: Record<string, string | undefined>;
  appPackageDir?: string;
  outFile?: string;
}): Promise<{ outFile: string; manifest: unknown }> {
  const dir = options.appPackageDir ?? APP_PACKAGE_DIR;
  const outFile = options.outFile ?? DEFAULT_ZIP_PATH;
  const values = readPackageValues(options.env);
  const filled = fillPlaceholders(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'), values);
  const manifest: unknown = JSON.parse(filled);
  const problems = validateManifest(manifest).map((p) => `manifest.json: ${p}`);
  for (const [name, size] of Object.entries(ICON_SIZES)) {
    const problem = checkIcon(path.join(dir, name), size);
    if (problem) problems.push(problem);
  }
  if (problems.length > 0) throw new PackagingError(problems);

  const zip = new JSZip();
  const date = new Date('2000-01-01T00:00:00Z'); // fixed, so the same inputs give the same zip
  zip.file('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`, { date });
  for (const name of Object.keys(ICON_SIZES)) zip.file(name, fs.readFileSync(path.join(dir, name)), { date });
  const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  fs.writeFileSync(outFile, bytes);
  return { outFile, manifest };
}

async function main(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(HELP);
    return 0;
  }
  const outIndex = argv.indexOf('--out');
  const outFile = outIndex >= 0 ? argv[outIndex + 1] : undefined;
  if (outIndex >= 0 && !outFile) {
    process.stderr.write('--out needs a path\n');
    return 2;
  }
  try {
    const result = await buildAppPackage({ env: process.env, outFile: outFile ? path.resolve(outFile) : undefined });
    process.stdout.write(`Teams app package written to ${result.outFile}\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof PackagingError)) throw error;
    process.stderr.write(`${error.message}\n\nRun with --help for what each value is.\n`);
    return 1;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => process.exit(code), (error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
