import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import { drawColorIcon, drawOutlineIcon } from '../../scripts/make-icons';
import {
  APP_PACKAGE_DIR,
  PackagingError,
  buildAppPackage,
  fillPlaceholders,
  readPackageValues,
  validateManifest,
} from '../../scripts/package-app';

const ENV = {
  TEAMS_APP_ID: '6f1c2a34-1b2c-4d5e-8f90-123456789abc',
  BOT_ID: '0d9e8f7a-6b5c-4d3e-a2b1-c0d9e8f7a6b5',
  BOT_DOMAIN: 'frontdoor-bot.azurewebsites.net',
};
const REPO_ROOT = path.resolve(__dirname, '..', '..');

interface BotEntry {
  botId: string;
  scopes: string[];
  supportsFiles: boolean;
  commandLists: { scopes: string[]; commands: { title: string }[] }[];
}

let workDir: string;
beforeEach(() => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'app-package-'));
});
afterEach(() => fs.rmSync(workDir, { recursive: true, force: true }));

function readPng(file: string): PNG {
  return PNG.sync.read(fs.readFileSync(path.join(APP_PACKAGE_DIR, file)));
}

function filledManifest(): Record<string, unknown> {
  const template = fs.readFileSync(path.join(APP_PACKAGE_DIR, 'manifest.json'), 'utf8');
  return JSON.parse(fillPlaceholders(template, readPackageValues(ENV))) as Record<string, unknown>;
}

describe('the Teams app manifest', () => {
  it('validates against the bundled Teams schema once filled', () => {
    const manifest = filledManifest();
    expect(manifest.manifestVersion).toBe('1.22');
    expect(validateManifest(manifest)).toEqual([]);
  });

  it('fails validation when it breaks the schema', () => {
    const manifest = { ...filledManifest(), name: { short: 'A name far longer than Teams allows for a short name' } };
    const failures = validateManifest(manifest);
    expect(failures.join('\n')).toMatch(/\/name\/short/);
  });

  it('offers the bot in personal chat and teams, with the commands people can type', () => {
    const manifest = filledManifest();
    const bots = manifest.bots as BotEntry[];
    expect(manifest.id).toBe(ENV.TEAMS_APP_ID);
    expect(manifest.validDomains).toEqual([ENV.BOT_DOMAIN]);
    expect(bots).toHaveLength(1);
    expect(bots[0]?.botId).toBe(ENV.BOT_ID);
    expect(bots[0]?.scopes).toEqual(['personal', 'team']);
    expect(bots[0]?.supportsFiles).toBe(false);
    const titles = (scope: string): string[] =>
      bots[0]?.commandLists.find((list) => list.scopes.includes(scope))?.commands.map((c) => c.title) ?? [];
    expect(titles('personal')).toEqual(['help', 'request support', 'my requests', 'my queue', 'status', 'insights']);
    expect(titles('team')).toEqual(['help']);
    expect(manifest.name).toMatchObject({ short: 'SEND Front Door' });
  });
});

describe('the app icons', () => {
  it('has a 192×192 colour icon with no see-through pixels, as drawn by make-icons', () => {
    const color = readPng('color.png');
    expect([color.width, color.height]).toEqual([192, 192]);
    const seeThrough = color.data.filter((value, i) => i % 4 === 3 && value !== 255).length;
    expect(seeThrough).toBe(0);
    expect(color.data.equals(drawColorIcon().data)).toBe(true);
  });

  it('has a 32×32 outline icon that is white on a transparent background, as drawn by make-icons', () => {
    const outline = readPng('outline.png');
    expect([outline.width, outline.height]).toEqual([32, 32]);
    let white = 0;
    let clear = 0;
    for (let i = 0; i < outline.data.length; i += 4) {
      const [r, g, b, a] = [outline.data[i], outline.data[i + 1], outline.data[i + 2], outline.data[i + 3]];
      if (a === 0) clear++;
      else if (a === 255 && r === 255 && g === 255 && b === 255) white++;
      else throw new Error(`outline pixel ${i / 4} is neither transparent nor opaque white: ${String([r, g, b, a])}`);
    }
    expect(outline.data[3]).toBe(0); // top-left corner is transparent
    expect(white).toBeGreaterThan(100);
    expect(clear).toBeGreaterThan(white);
    expect(outline.data.equals(drawOutlineIcon().data)).toBe(true);
  });
});

describe('packaging', () => {
  it('writes a zip with exactly the filled manifest and the two icons at its root', async () => {
    const outFile = path.join(workDir, 'appPackage.zip');
    await buildAppPackage({ env: ENV, outFile });

    const zip = await JSZip.loadAsync(fs.readFileSync(outFile));
    const names = Object.values(zip.files).filter((f) => !f.dir).map((f) => f.name);
    expect(names.sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const manifestText = (await zip.file('manifest.json')?.async('string')) ?? '';
    expect(manifestText).not.toContain('${{');
    expect(JSON.parse(manifestText)).toMatchObject({ id: ENV.TEAMS_APP_ID, bots: [{ botId: ENV.BOT_ID }] });
    const color = await zip.file('color.png')?.async('nodebuffer');
    expect(color?.equals(fs.readFileSync(path.join(APP_PACKAGE_DIR, 'color.png')))).toBe(true);
  });

  it.each(['TEAMS_APP_ID', 'BOT_ID', 'BOT_DOMAIN'])('fails naming %s when it is missing, and writes nothing', async (name) => {
    const outFile = path.join(workDir, 'appPackage.zip');
    const env: Record<string, string | undefined> = { ...ENV, [name]: undefined };

    const attempt = buildAppPackage({ env, outFile });

    await expect(attempt).rejects.toThrow(PackagingError);
    await expect(attempt).rejects.toThrow(new RegExp(`${name} is not set`));
    expect(fs.existsSync(outFile)).toBe(false);
  });

  it('refuses a bot domain given as a URL', () => {
    expect(() => readPackageValues({ ...ENV, BOT_DOMAIN: 'https://frontdoor-bot.azurewebsites.net/' })).toThrow(/BOT_DOMAIN is "https:/);
  });

  it('refuses a manifest with a placeholder it cannot fill', () => {
    expect(() => fillPlaceholders('{"id": "${{TEAMS_APP_ID}}", "x": "${{SOMETHING_ELSE}}"}', readPackageValues(ENV))).toThrow(
      /\$\{\{SOMETHING_ELSE\}\}/,
    );
  });

  it('from the command line, exits non-zero and names the missing value', async () => {
    const env = { ...process.env, ...ENV, BOT_ID: '' };
    const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = execFile(
        process.execPath,
        ['-r', 'ts-node/register/transpile-only', 'scripts/package-app.ts', '--out', path.join(workDir, 'x.zip')],
        { cwd: REPO_ROOT, env },
        (_error, _stdout, stderr) => resolve({ code: child.exitCode, stderr }),
      );
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('BOT_ID is not set');
    expect(fs.existsSync(path.join(workDir, 'x.zip'))).toBe(false);
  }, 30_000);
});
