import { mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import ts from 'typescript';
import { REPO_ROOT } from '../../e2e/support/repo-paths';

/**
 * src/ and the clock preload, transpiled file by file exactly as ts-node/register/transpile-only
 * does, once per test run: each of the many restarts then loads plain JavaScript (about 2 s)
 * instead of transpiling the whole app again (about 6 s), which keeps the default run short.
 * cards/ and node_modules/ are linked beside it so imports resolve as in the checkout.
 */
export async function transpileApp(outDir: string): Promise<{ mainJs: string; clockPreloadJs: string }> {
  const options: ts.CompilerOptions = { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true, resolveJsonModule: true, isolatedModules: true };
  const transpileFile = async (from: string, to: string): Promise<void> => {
    const { outputText } = ts.transpileModule(await readFile(from, 'utf8'), { compilerOptions: options, fileName: from });
    await mkdir(path.dirname(to), { recursive: true });
    await writeFile(to, outputText);
  };
  const walk = async (relative: string): Promise<void> => {
    for (const entry of await readdir(path.join(REPO_ROOT, relative), { withFileTypes: true })) {
      const child = path.join(relative, entry.name);
      if (entry.isDirectory()) await walk(child);
      else if (entry.name.endsWith('.ts')) await transpileFile(path.join(REPO_ROOT, child), path.join(outDir, child.replace(/\.ts$/, '.js')));
    }
  };
  await walk('src');
  const clockPreloadJs = path.join(outDir, 'test', 'crash', 'shifted-clock.js');
  await transpileFile(path.join(REPO_ROOT, 'test', 'crash', 'support', 'shifted-clock.ts'), clockPreloadJs);
  await symlink(path.join(REPO_ROOT, 'cards'), path.join(outDir, 'cards'));
  await symlink(path.join(REPO_ROOT, 'node_modules'), path.join(outDir, 'node_modules'));
  return { mainJs: path.join(outDir, 'src', 'main.js'), clockPreloadJs };
}
