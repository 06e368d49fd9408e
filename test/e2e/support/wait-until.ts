/** Polls a condition until it holds or the time runs out; the error says what was awaited. */
export async function waitUntil(
  what: string,
  condition: () => Promise<boolean>,
  timeoutMs: number,
  describeFailure: () => string = () => '',
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await condition()) return;
    if (Date.now() > deadline) {
      const detail = describeFailure();
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${detail ? `\n${detail}` : ''}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** True when a GET to the URL answers with a 2xx status. */
export async function answersOk(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
    return response.ok;
  } catch {
    return false;
  }
}
