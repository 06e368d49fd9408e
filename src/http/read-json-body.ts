import type { IncomingMessage } from 'node:http';

export type BodyResult = { ok: true; body: unknown } | { ok: false; status: 400 | 413 | 415; code: string; message: string };

/** Reads a JSON body of at most maxBytes; never echoes the body back in an error. */
export async function readJsonBody(req: IncomingMessage, maxBytes: number): Promise<BodyResult> {
  const type = req.headers['content-type'] ?? '';
  if (!type.toLowerCase().startsWith('application/json')) {
    return { ok: false, status: 415, code: 'UnsupportedMediaType', message: 'Send the activity as application/json.' };
  }
  const declared = Number(req.headers['content-length'] ?? '0');
  if (declared > maxBytes) {
    req.resume();
    return { ok: false, status: 413, code: 'PayloadTooLarge', message: `The request body is larger than ${maxBytes} bytes.` };
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > maxBytes) {
      req.resume();
      return { ok: false, status: 413, code: 'PayloadTooLarge', message: `The request body is larger than ${maxBytes} bytes.` };
    }
    chunks.push(buffer);
  }
  try {
    return { ok: true, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown };
  } catch {
    return { ok: false, status: 400, code: 'InvalidJson', message: 'The request body is not valid JSON.' };
  }
}
