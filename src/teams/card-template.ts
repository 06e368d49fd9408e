/**
 * Fills Adaptive Card templates (cards/*.json) with data: the subset of the Adaptive Cards
 * templating language these cards use, evaluated directly. The full language's expression
 * parser took about 90% of a turn's time in `npm run bench`; this takes a fraction of a
 * millisecond. Supported:
 *   "${path}"                 the value itself (string, number, boolean, array, object)
 *   "text ${path} text"       the value as text
 *   "$when": "${expr}"        keep the element only when expr is true
 *   "$data": "${path}"        on an element of an array: one copy per item, the item in scope
 * where expr is [!]path, count(path) OP literal, or path OP literal; OP is == != > < >= <=,
 * literal is '' 'text' or a number; $root.path reads the top-level data. Anything else is an error,
 * so a template cannot silently use what is not supported.
 *
 * Each template is compiled once (its strings split into text and parsed expressions) and the
 * compiled form is filled on every render: the same output, without re-scanning the template.
 */

type Scope = { item: unknown; root: unknown };

/** A compiled part of a template: fills itself from a scope. */
type Fill = (scope: Scope) => unknown;

/** A compiled element of an array: fills to zero or more elements. */
type FillElement = (scope: Scope) => unknown[];

const EXPR = /^(!)?\s*(count\(\s*([$\w.]+)\s*\)|[$\w.]+)\s*(?:(==|!=|>=|<=|>|<)\s*('(?:[^']*)'|-?\d+(?:\.\d+)?))?$/;

/** A path read from the scope; the path is split once, when compiled. */
function compileLookup(path: string): Fill {
  const [head, ...rest] = path.split('.');
  const first = head ?? '';
  return (scope) => {
    let value: unknown = first === '$root' ? scope.root : (scope.item as Record<string, unknown> | undefined)?.[first];
    for (const key of rest) value = value === null || value === undefined ? undefined : (value as Record<string, unknown>)[key];
    if (value === undefined) throw new Error(`template: "${path}" has no value`);
    return value;
  };
}

/** An expression; one the subset does not support fails when it is evaluated, as it always did. */
function compileExpression(expression: string): Fill {
  const match = EXPR.exec(expression.trim());
  if (!match) {
    return () => {
      throw new Error(`template: unsupported expression "${expression}"`);
    };
  }
  const [, not, , countPath, op, literal] = match;
  const read = countPath !== undefined ? compileLookup(countPath) : compileLookup(match[2] ?? '');
  const value: Fill = countPath !== undefined ? (scope) => (read(scope) as unknown[]).length : read;
  const compared: Fill =
    op !== undefined && literal !== undefined ? comparison(value, op, literal.startsWith("'") ? literal.slice(1, -1) : Number(literal)) : value;
  return not ? (scope) => !compared(scope) : compared;
}

function comparison(left: Fill, op: string, right: unknown): Fill {
  switch (op) {
    case '==':
      return (scope) => left(scope) === right;
    case '!=':
      return (scope) => left(scope) !== right;
    case '>':
      return (scope) => Number(left(scope)) > Number(right);
    case '<':
      return (scope) => Number(left(scope)) < Number(right);
    case '>=':
      return (scope) => Number(left(scope)) >= Number(right);
    default:
      return (scope) => Number(left(scope)) <= Number(right);
  }
}

const WHOLE = /^\$\{([^}]*)\}$/;
const PART = /\$\{([^}]*)\}/g;

/** A string: itself when it has no expression, the value when it is one, else the text with each value filled in. */
function compileString(text: string): Fill {
  const whole = WHOLE.exec(text);
  if (whole) return compileExpression(whole[1] ?? '');
  if (!text.includes('${')) return () => text;
  const pieces: Array<string | Fill> = [];
  let from = 0;
  for (const match of text.matchAll(PART)) {
    pieces.push(text.slice(from, match.index), compileExpression(match[1] ?? ''));
    from = (match.index ?? 0) + match[0].length;
  }
  pieces.push(text.slice(from));
  return (scope) => {
    let out = '';
    for (const piece of pieces) out += typeof piece === 'string' ? piece : String(piece(scope));
    return out;
  };
}

function compileNode(node: unknown): Fill {
  if (typeof node === 'string') return compileString(node);
  if (Array.isArray(node)) {
    const elements = node.map(compileElement);
    return (scope) => elements.flatMap((element) => element(scope));
  }
  if (node === null || typeof node !== 'object') return () => node;
  return compileObject(node as Record<string, unknown>);
}

function compileObject(node: Record<string, unknown>): Fill {
  const entries = Object.entries(node).map(([key, value]): [string, Fill] => [key, compileNode(value)]);
  return (scope) => {
    const out: Record<string, unknown> = {};
    for (const [key, fill] of entries) out[key] = fill(scope);
    return out;
  };
}

/** An element of an array: repeated by $data, dropped by a false $when. */
function compileElement(element: unknown): FillElement {
  if (element === null || typeof element !== 'object' || Array.isArray(element)) {
    const fill = compileNode(element);
    return (scope) => [fill(scope)];
  }
  const { $data, $when, ...rest } = element as Record<string, unknown>;
  const items = $data === undefined ? undefined : compileString(String($data));
  const when = $when === undefined ? undefined : compileString(String($when));
  const fill = compileObject(rest);
  return (scope) => {
    const list = items === undefined ? [scope.item] : items(scope);
    if (!Array.isArray(list)) throw new Error(`template: $data "${String($data)}" is not a list`);
    const out: unknown[] = [];
    for (const item of list) {
      const itemScope = { item, root: scope.root };
      if (when === undefined || Boolean(when(itemScope))) out.push(itemScope);
    }
    return out.map((itemScope) => fill(itemScope as Scope));
  };
}

interface CompiledTemplate {
  when: Fill | undefined;
  fill: Fill;
}

const COMPILED = new WeakMap<object, CompiledTemplate>();

function compiledTemplate(template: object): CompiledTemplate {
  let compiled = COMPILED.get(template);
  if (!compiled) {
    const { $when, ...rest } = template as Record<string, unknown>;
    compiled = { when: $when === undefined ? undefined : compileString(String($when)), fill: compileObject(rest) };
    COMPILED.set(template, compiled);
  }
  return compiled;
}

/** The template with every expression replaced by its value from data. */
export function expandTemplate(template: object, data: object): unknown {
  const scope = { item: data, root: data };
  const { when, fill } = compiledTemplate(template);
  if (when !== undefined && !when(scope)) throw new Error('template: a card cannot be dropped by $when');
  return fill(scope);
}
