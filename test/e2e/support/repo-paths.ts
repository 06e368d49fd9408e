import path from 'node:path';

/** The repository root (three levels above this folder). */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

/** The Playground's config with the local tenant, people, team and channels. */
export const PLAYGROUND_CONFIG = path.join(REPO_ROOT, '.m365agentsplayground.yml');

/** The Playground's command-line entry point, run with node (no npx). */
export const PLAYGROUND_CLI = require.resolve('@microsoft/m365agentsplayground/cli.js');
