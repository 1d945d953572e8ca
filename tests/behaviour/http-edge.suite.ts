import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { StoreTarget } from '../support/stores.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

export function httpEdgeSuite(target: StoreTarget): void {
  describe('the HTTP edge', () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer(target);
    });
    afterAll(async () => {
      await server.close();
      await server.database.dispose();
    });

    const post = (body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
      fetch(`${server.url}/graphql`, { method: 'POST', headers, body });

    it('reports health once the database is ready', async () => {
      const res = await fetch(`${server.url}/healthz`);

      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ status: 'ok', database: target.name });
    });

    it('answers 404 on paths it does not serve', async () => {
      const res = await fetch(`${server.url}/graphql/extra`);

      expect(res.status).toBe(404);
    });

    it('refuses a body over 64 KiB with 413 and stays up', async () => {
      const huge = JSON.stringify({ query: `{ me { id } } # ${'x'.repeat(70 * 1024)}` });

      const res = await post(huge);
      const after = await fetch(`${server.url}/healthz`);

      expect(res.status).toBe(413);
      expect(((await res.json()) as any).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
      expect(after.status).toBe(200);
    });

    it('refuses malformed JSON with 400', async () => {
      const res = await post('{"query": "{ me { id } }"');

      expect(res.status).toBe(400);
      expect(((await res.json()) as any).errors[0].message).toMatch(/not valid JSON/);
    });

    it.each([
      ['a batch', JSON.stringify([{ query: '{ me { id } }' }, { query: '{ me { id } }' }])],
      ['a body without a query', JSON.stringify({ variables: {} })],
      ['a syntax error', JSON.stringify({ query: 'mutation { login(' })],
      ['an unknown field', JSON.stringify({ query: '{ secrets }' })],
      [
        'a variable of the wrong type',
        JSON.stringify({
          query: 'mutation($input: LoginInput!) { login(input: $input) { __typename } }',
          variables: { input: { email: 42 } },
        }),
      ],
      ['a JSON string instead of an object', JSON.stringify('{ me { id } }')],
    ])('refuses %s with a 4xx and a typed error', async (_name, body) => {
      const res = await post(body);

      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      const json = (await res.json()) as any;
      expect(json.errors[0].message).toEqual(expect.any(String));
    });

    it('answers a path that is not a valid URL with 400 and stays up', async () => {
      const { request } = await import('node:http');
      const url = new URL(server.url);

      const status = await new Promise<number>((resolve, reject) => {
        const req = request({ host: url.hostname, port: url.port, path: '//[', method: 'GET' }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        req.end();
      });
      const after = await fetch(`${server.url}/healthz`);

      expect(status).toBe(400);
      expect(after.status).toBe(200);
    });

    it('never echoes a password back in a variable error', async () => {
      const query = 'mutation($input: LoginInput!) { login(input: $input) { __typename } }';
      const input = { email: 'a@example.com', password: 'hunter2 secret; value', extra: 1 };

      const res = await post(JSON.stringify({ query, variables: { input } }));
      const text = await res.text();

      expect(res.status).toBe(400);
      expect(text).not.toContain('hunter2');
      expect(JSON.parse(text).errors[0].message).toBe(
        'Variable "$input" got invalid value: Field "extra" is not defined by type "LoginInput".',
      );
    });

    it('refuses a form post that skips the CORS preflight (CSRF prevention)', async () => {
      const res = await post(JSON.stringify({ query: '{ me { id } }' }), { 'content-type': 'text/plain' });

      expect(res.status).toBe(400);
    });

    it('answers a query sent by GET', async () => {
      const res = await fetch(`${server.url}/graphql?query=${encodeURIComponent('{ me { id } }')}`, {
        headers: { 'apollo-require-preflight': 'true' },
      });

      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ data: { me: null } });
    });

    it('refuses a mutation sent by GET', async () => {
      const query = 'mutation { login(input: {email: "a@b.co", password: "password1"}) { __typename } }';

      const res = await fetch(`${server.url}/graphql?query=${encodeURIComponent(query)}`, {
        headers: { 'apollo-require-preflight': 'true' },
      });

      expect(res.status).toBe(405);
    });
  });
}
