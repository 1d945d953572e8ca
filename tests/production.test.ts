import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { sqliteTarget } from './support/stores.js';
import { startTestServer, type TestServer } from './support/test-server.js';

describe('with NODE_ENV=production', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(sqliteTarget, { env: { NODE_ENV: 'production' } });
  });
  afterAll(async () => {
    await server.close();
    await server.database.dispose();
  });

  it('refuses introspection', async () => {
    const res = await server.gql('{ __schema { types { name } } }');

    expect(res.status).toBe(400);
    expect(res.data ?? null).toBeNull();
  });

  it('serves no Sandbox page', async () => {
    const res = await fetch(`${server.url}/graphql`, { headers: { accept: 'text/html' } });

    expect(await res.text()).not.toMatch(/sandbox|embeddable/i);
  });

  it('sends no stack traces and no field suggestions', async () => {
    const res = await server.gql('{ mee { id } }');

    expect(res.text).not.toMatch(/stacktrace|at \w+ \(/);
    expect(res.text).not.toMatch(/Did you mean/);
  });

  it('sends no stack trace for an UNAUTHENTICATED error', async () => {
    const res = await server.gql('{ me { id } }', {}, 'not.a.token');

    expect(res.errors![0]!.extensions).toEqual({ code: 'UNAUTHENTICATED' });
  });
});

describe('outside production', () => {
  it('serves the Sandbox landing page to a browser and answers introspection', async () => {
    const server = await startTestServer(sqliteTarget);

    const page = await fetch(`${server.url}/graphql`, { headers: { accept: 'text/html' } });
    const introspection = await server.gql('{ __schema { queryType { name } } }');
    await server.close();
    await server.database.dispose();

    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/sandbox/i);
    expect(introspection.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });
});
