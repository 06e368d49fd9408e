import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Reading Bicep as text: enough structure to check a template without a Bicep compiler. */

export const INFRA_DIR = join(__dirname, '..', '..', 'infra');

/** The text of a file under infra/. */
export function readInfra(relativePath: string): string {
  return readFileSync(join(INFRA_DIR, relativePath), 'utf8');
}

/** A declared parameter: its type, default expression (if any) and @allowed values (if any). */
export interface BicepParam {
  name: string;
  type: string;
  defaultExpression: string | undefined;
  allowed: string[] | undefined;
}

/** Every `param` of a template, with the @allowed list among the decorators just above it. */
export function bicepParams(text: string): Map<string, BicepParam> {
  const params = new Map<string, BicepParam>();
  for (const match of text.matchAll(/^param (\w+) (\w+)(?: = (.+))?$/gm)) {
    const [, name, type, defaultExpression] = match;
    if (!name || !type) continue;
    const decorators = text.slice(text.lastIndexOf('\n\n', match.index) + 1, match.index);
    const allowedBlock = /@allowed\(\[([\s\S]*?)\]\)/.exec(decorators)?.[1];
    const allowed = allowedBlock?.split('\n').map((l) => l.trim()).filter((l) => l.length > 0).map(unquote);
    params.set(name, { name, type, defaultExpression: defaultExpression?.trim(), allowed });
  }
  return params;
}

/** The text between the `{` that follows `opening` and its matching `}` (exclusive). */
export function blockAfter(text: string, opening: string): string {
  const start = text.indexOf(opening);
  if (start < 0) throw new Error(`Not found in template: ${opening}`);
  const open = text.indexOf('{', start + opening.length - 1);
  let depth = 0;
  for (let i = open; i < text.length; i += 1) {
    if (text[i] === '{') depth += 1;
    if (text[i] === '}') depth -= 1;
    if (depth === 0) return text.slice(open + 1, i);
  }
  throw new Error(`Unbalanced braces after: ${opening}`);
}

/** The `key: value` entries at the top level of an object block (values of nested blocks are '{' or '['). */
export function topLevelEntries(block: string): Map<string, string> {
  const entries = new Map<string, string>();
  let depth = 0;
  for (const line of block.split('\n')) {
    const match = /^\s*([A-Za-z_][\w]*|'[^']+'):\s*(.*)$/.exec(line);
    if (depth === 0 && match?.[1] !== undefined && match[2] !== undefined) entries.set(unquote(match[1]), match[2].trim());
    for (const c of line.replace(/'(?:[^'\\]|\\.)*'/g, "''")) {
      if (c === '{' || c === '[') depth += 1;
      if (c === '}' || c === ']') depth -= 1;
    }
  }
  return entries;
}

/** The modules a template uses: symbolic name, file, and the parameter names it passes. */
export function bicepModules(text: string): { name: string; path: string; passed: string[] }[] {
  return [...text.matchAll(/^module (\w+) '([^']+)' = \{/gm)].map((match) => {
    const [whole, name = '', path = ''] = match;
    const body = blockAfter(text.slice(match.index), whole);
    return { name, path, passed: [...topLevelEntries(blockAfter(body, 'params: {')).keys()] };
  });
}

const STRING_LITERAL = /^'((?:[^'\\$]|\\.|\$(?!\{))*)'$/;

/** A Bicep string literal's value ('it\\'s' → it's); other expressions unchanged. */
export function unquote(expression: string): string {
  const m = STRING_LITERAL.exec(expression.trim());
  return m?.[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : expression.trim();
}

/** Whether an expression is one Bicep string literal with no ${} interpolation. */
export function isStringLiteral(expression: string): boolean {
  return STRING_LITERAL.test(expression.trim());
}
