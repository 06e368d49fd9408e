import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { decodeText } from './csv';
import type { ProblemList } from './problems';

/** A file's text, or undefined when it does not exist (other read failures are problems too). */
export async function readText(dir: string, file: string, problems: ProblemList, optional = false): Promise<string | undefined> {
  try {
    return decodeText(await readFile(join(dir, file)));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      if (!optional) problems.add(file, '', `file is missing from ${dir}`);
    } else problems.add(file, '', `cannot be read (${code ?? 'unknown error'})`);
    return undefined;
  }
}

/** Parses YAML text (an empty file reads as {}); the first syntax error is recorded with its line and the result is undefined. */
export function parseYaml(file: string, text: string, problems: ProblemList): unknown {
  const document = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  const error = document.errors[0];
  if (error !== undefined) {
    const line = error.linePos?.[0]?.line;
    const message = (error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
    problems.add(file, line === undefined ? '' : `line ${line}`, `YAML syntax error: ${message}`);
    return undefined;
  }
  return document.toJS() ?? {};
}

/** Reads and parses a YAML file; undefined when missing or not valid YAML (the problem is already recorded). */
export async function readYaml(dir: string, file: string, problems: ProblemList): Promise<unknown> {
  const text = await readText(dir, file, problems);
  return text === undefined ? undefined : parseYaml(file, text, problems);
}
