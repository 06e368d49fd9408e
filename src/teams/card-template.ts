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
 */

type Scope = { item: unknown; root: unknown };

const EXPR = /^(!)?\s*(count\(\s*([$\w.]+)\s*\)|[$\w.]+)\s*(?:(==|!=|>=|<=|>|<)\s*('(?:[^']*)'|-?\d+(?:\.\d+)?))?$/;

function lookup(path: string, scope: Scope): unknown {
  const [head, ...rest] = path.split('.');
  let value: unknown = head === '$root' ? scope.root : (scope.item as Record<string, unknown> | undefined)?.[head ?? ''];
  for (const key of rest) value = value === null || value === undefined ? undefined : (value as Record<string, unknown>)[key];
  if (value === undefined) throw new Error(`template: "${path}" has no value`);
  return value;
}

function evaluate(expression: string, scope: Scope): unknown {
  const match = EXPR.exec(expression.trim());
  if (!match) throw new Error(`template: unsupported expression "${expression}"`);
  const [, not, , countPath, op, literal] = match;
  let value: unknown = countPath !== undefined ? (lookup(countPath, scope) as unknown[]).length : lookup(match[2] ?? '', scope);
  if (op !== undefined && literal !== undefined) {
    const right: unknown = literal.startsWith("'") ? literal.slice(1, -1) : Number(literal);
    value = compare(value, op, right);
  }
  return not ? !value : value;
}

function compare(left: unknown, op: string, right: unknown): boolean {
  switch (op) {
    case '==':
      return left === right;
    case '!=':
      return left !== right;
    case '>':
      return Number(left) > Number(right);
    case '<':
      return Number(left) < Number(right);
    case '>=':
      return Number(left) >= Number(right);
    default:
      return Number(left) <= Number(right);
  }
}

const WHOLE = /^\$\{([^}]*)\}$/;
const PART = /\$\{([^}]*)\}/g;

function expandString(text: string, scope: Scope): unknown {
  const whole = WHOLE.exec(text);
  if (whole) return evaluate(whole[1] ?? '', scope);
  return text.replace(PART, (_, expression: string) => String(evaluate(expression, scope)));
}

function expandNode(node: unknown, scope: Scope): unknown {
  if (typeof node === 'string') return expandString(node, scope);
  if (Array.isArray(node)) return node.flatMap((element) => expandElement(element, scope));
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) out[key] = expandNode(value, scope);
  return out;
}

/** An element of an array: repeated by $data, dropped by a false $when. */
function expandElement(element: unknown, scope: Scope): unknown[] {
  if (element === null || typeof element !== 'object' || Array.isArray(element)) return [expandNode(element, scope)];
  const { $data, $when, ...rest } = element as Record<string, unknown>;
  const items = $data === undefined ? [scope.item] : expandString(String($data), scope);
  if (!Array.isArray(items)) throw new Error(`template: $data "${String($data)}" is not a list`);
  return items
    .map((item) => ({ item, root: scope.root }))
    .filter((itemScope) => $when === undefined || Boolean(expandString(String($when), itemScope)))
    .map((itemScope) => expandNode(rest, itemScope));
}

/** The template with every expression replaced by its value from data. */
export function expandTemplate(template: object, data: object): unknown {
  const scope = { item: data, root: data };
  const { $when, ...rest } = template as Record<string, unknown>;
  if ($when !== undefined && !expandString(String($when), scope)) throw new Error('template: a card cannot be dropped by $when');
  return expandNode(rest, scope);
}
