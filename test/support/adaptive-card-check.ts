/** Problems the adaptivecards library finds when it parses a card (schema 1.5), as readable strings. */
// The library's lib/ is ESM that Node cannot load; its bundled UMD build works (see TOOLING.md).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const AC = require('adaptivecards/dist/adaptivecards.js') as {
  AdaptiveCard: new () => { parse(json: unknown, context: unknown): void; validateProperties(): { validationEvents: Array<{ event: number; message: string }> } };
  SerializationContext: new () => { toJSONOriginalParam?: unknown; getEventCount?: () => number; getEventAt?: (i: number) => { event: number; message: string } };
  ValidationEvent: Record<number, string>;
};

/** Parse-time and validation problems, with Teams-only elements (charts) allowed. */
export function cardProblems(json: unknown): string[] {
  const card = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  card.parse(json, context);
  const parseEvents: Array<{ event: number; message: string }> = [];
  const count = context.getEventCount?.() ?? 0;
  for (let i = 0; i < count; i++) {
    const e = context.getEventAt?.(i);
    if (e) parseEvents.push(e);
  }
  const teamsOnly = (e: { event: number; message: string }): boolean =>
    AC.ValidationEvent[e.event] === 'UnknownElementType' && /Chart\./.test(e.message);
  return [...parseEvents, ...card.validateProperties().validationEvents]
    .filter((e) => !teamsOnly(e))
    .map((e) => `${AC.ValidationEvent[e.event] ?? e.event}: ${e.message}`);
}
