import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The issuer the public Bot Framework puts on channel tokens (what botbuilder expects). */
export const BOT_FRAMEWORK_ISSUER = 'https://api.botframework.com';

export interface SignOptions {
  /** Sign with a key the key set does not hold, under the published key id (a forgery). */
  foreignKey?: boolean;
  /** The key id in the header; the published one by default. */
  kid?: string;
}

/** A stand-in for the Bot Framework's OpenID metadata and key set on 127.0.0.1, and a token signer. */
export interface JwtIssuer {
  /** The OpenID metadata URL to give the bot. */
  metadataUrl: string;
  /** How many times the metadata and the key set were fetched. */
  fetches: { metadata: number; keys: number };
  /** A signed JWT (RS256) with these claims. */
  sign(claims: Record<string, unknown>, options?: SignOptions): string;
  close(): Promise<void>;
}

const KEY_ID = 'test-signing-key';

function base64url(data: string | Buffer): string {
  return Buffer.from(data).toString('base64').replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
}

function signJwt(claims: Record<string, unknown>, key: KeyObject, kid: string): string {
  const header = base64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid }));
  const payload = base64url(JSON.stringify(claims));
  const signature = sign('sha256', Buffer.from(`${header}.${payload}`), key);
  return `${header}.${payload}.${base64url(signature)}`;
}

/** Starts the metadata and key-set server; the key is endorsed for the Teams channel, as Microsoft's are. */
export async function startJwtIssuer(): Promise<JwtIssuer> {
  const trusted = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const foreign = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = trusted.publicKey.export({ format: 'jwk' });
  const fetches = { metadata: 0, keys: 0 };
  let base = '';
  const server: Server = createServer((req, res) => {
    const send = (body: unknown): void => {
      res.statusCode = 200;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(body));
    };
    if (req.url === '/.well-known/openidconfiguration') {
      fetches.metadata += 1;
      return send({ issuer: BOT_FRAMEWORK_ISSUER, jwks_uri: `${base}/keys`, id_token_signing_alg_values_supported: ['RS256'] });
    }
    if (req.url === '/keys') {
      fetches.keys += 1;
      return send({ keys: [{ kty: 'RSA', use: 'sig', kid: KEY_ID, n: jwk.n, e: jwk.e, endorsements: ['msteams'] }] });
    }
    res.statusCode = 404;
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    metadataUrl: `${base}/.well-known/openidconfiguration`,
    fetches,
    sign: (claims, options = {}) => signJwt(claims, options.foreignKey ? foreign.privateKey : trusted.privateKey, options.kid ?? KEY_ID),
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
