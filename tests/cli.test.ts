import { spawn } from 'node:child_process';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { PROJECT_ROOT } from '../src/paths.js';
import { sqliteTarget, type TestDatabase } from './support/stores.js';
import { startTestServer } from './support/test-server.js';
import { TEST_ENV } from './support/test-env.js';

interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

describe('npm run cli', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await sqliteTarget.createDatabase();
  });
  afterAll(() => database.dispose());

  const cli = (args: string[], stdin = ''): Promise<CliResult> =>
    new Promise((resolve) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
        cwd: PROJECT_ROOT,
        env: { PATH: process.env.PATH ?? '', ...TEST_ENV, DATABASE_URL: database.url },
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk) => (stdout += chunk));
      child.stderr.on('data', (chunk) => (stderr += chunk));
      child.stdin.end(stdin);
      child.once('exit', (code) => resolve({ code, stdout, stderr }));
    });

  it('creates an admin with the password from stdin, who can then log in as ADMIN', async () => {
    const created = await cli(['create-admin', '--email', 'Ops@Example.com'], 'an admin password\n');
    const server = await startTestServer(sqliteTarget, { database });
    const login = await server.gql(
      `mutation { login(input: {email: "ops@example.com", password: "an admin password"}) {
        ... on AuthPayload { user { role } } } }`,
    );
    await server.close();

    expect(created).toMatchObject({ code: 0, stderr: '' });
    expect(created.stdout).toMatch(/^created admin ops@example\.com \(/);
    expect(created.stdout).not.toContain('an admin password');
    expect(login.data!.login.user.role).toBe('ADMIN');
  });

  it('refuses a second admin with the same email, and a short password, with a one-line error', async () => {
    const again = await cli(['create-admin', '--email', 'ops@example.com'], 'an admin password\n');
    const short = await cli(['create-admin', '--email', 'other@example.com'], 'short\n');

    expect(again.code).toBe(1);
    expect(again.stderr).toBe('error: an account with ops@example.com already exists\n');
    expect(short.code).toBe(1);
    expect(short.stderr).toBe('error: password must be 8 to 256 characters long.\n');
  });

  it('lists locks, shows events and unlocks', async () => {
    const server = await startTestServer(sqliteTarget, { database });
    for (let i = 0; i < 5; i++) await server.login('victim@example.com', 'a wrong password');
    await server.close();

    const locked = await cli(['locked']);
    const events = await cli(['events', 'victim@example.com', '--limit', '3']);
    const unlock = await cli(['unlock', 'victim@example.com']);
    const after = await cli(['locked']);

    expect(locked.code).toBe(0);
    expect(locked.stdout).toMatch(/^EMAIL\s+FAILURES\s+LOCKED UNTIL\n-+/);
    expect(locked.stdout).toMatch(/victim@example\.com\s+5\s+\d{4}-/);
    expect(events.stdout.trim().split('\n')).toHaveLength(5);
    expect(events.stdout).toContain('unknown_email');
    expect(unlock.stdout).toBe('unlocked victim@example.com\n');
    expect(after.stdout).toBe('no locked accounts\n');
  });

  it('prints usage and exits non-zero for unknown commands and missing arguments', async () => {
    const none = await cli([]);
    const unknown = await cli(['explode']);
    const missing = await cli(['unlock']);

    expect(none.code).toBe(2);
    expect(none.stdout).toMatch(/^Usage: npm run cli/);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command "explode"/);
    expect(missing).toMatchObject({ code: 1, stderr: 'error: unlock needs an email\n' });
  });
});
