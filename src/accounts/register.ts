import { randomUUID } from 'node:crypto';

import type { Role, UserRecord } from '../db/store.js';
import {
  emailProblem,
  nameProblem,
  normalizeEmail,
  normalizePassword,
  passwordProblem,
  type InputProblem,
} from './input-rules.js';
import { startSession } from './issue-tokens.js';
import type { EmailTaken, RegisterOutcome } from './outcomes.js';
import type { AccountDeps } from './services.js';

export interface RegisterRequest {
  email: string;
  username: string;
  password: string;
  firstName?: string | null;
  lastName?: string | null;
}

/** Self-service registration: always a USER, logged in at once. */
export async function register(deps: AccountDeps, request: RegisterRequest): Promise<RegisterOutcome> {
  const created = await createAccount(deps, request, 'USER');
  if (created.kind !== 'created') return created;
  const session = await startSession(deps, created.user, created.passwordHash, deps.clock());
  // A brand-new account's hash cannot have changed in between.
  if (!session) throw new Error('the new account changed before its first session');
  return session;
}

export type CreateAccountOutcome =
  { kind: 'created'; user: UserRecord; passwordHash: string } | EmailTaken | InputProblem;

/** Validates and stores a new account with its profile; the command-line tool makes admins with it. */
export async function createAccount(
  deps: Pick<AccountDeps, 'store' | 'passwords' | 'clock' | 'log'>,
  request: RegisterRequest,
  role: Role,
): Promise<CreateAccountOutcome> {
  const firstName = request.firstName ?? '';
  const lastName = request.lastName ?? '';
  const invalid =
    emailProblem(request.email) ??
    nameProblem('username', request.username, 1) ??
    passwordProblem(request.password) ??
    nameProblem('firstName', firstName, 0) ??
    nameProblem('lastName', lastName, 0);
  if (invalid) return invalid;

  const passwordHash = await deps.passwords.hash(normalizePassword(request.password));
  const user = await deps.store.users.create({
    publicId: randomUUID(),
    email: normalizeEmail(request.email),
    username: request.username.trim(),
    firstName: firstName.trim(),
    lastName: lastName.trim(),
    passwordHash,
    role,
    createdAt: deps.clock(),
  });
  if (!user) return { kind: 'email_taken' };
  deps.log.info({ event: 'user_registered', userId: user.publicId, role }, 'user registered');
  return { kind: 'created', user, passwordHash };
}
