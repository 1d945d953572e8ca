import { randomUUID } from 'node:crypto';

import type { Role } from '../db/store.js';
import { emailProblem, nameProblem, normalizeEmail, normalizePassword, passwordProblem } from './input-rules.js';
import { startSession } from './issue-tokens.js';
import type { RegisterOutcome } from './outcomes.js';
import type { AccountDeps } from './services.js';

export interface RegisterRequest {
  email: string;
  username: string;
  password: string;
  firstName?: string | null;
  lastName?: string | null;
  /** Only the command-line tool creates admins; GraphQL registration is always USER. */
  role?: Role;
}

export async function register(deps: AccountDeps, request: RegisterRequest): Promise<RegisterOutcome> {
  const firstName = request.firstName ?? '';
  const lastName = request.lastName ?? '';
  const invalid =
    emailProblem(request.email) ??
    nameProblem('username', request.username, 1) ??
    passwordProblem(request.password) ??
    nameProblem('firstName', firstName, 0) ??
    nameProblem('lastName', lastName, 0);
  if (invalid) return invalid;

  const now = deps.clock();
  const user = await deps.store.users.create({
    publicId: randomUUID(),
    email: normalizeEmail(request.email),
    username: request.username.trim(),
    firstName: firstName.trim(),
    lastName: lastName.trim(),
    passwordHash: await deps.passwords.hash(normalizePassword(request.password)),
    role: request.role ?? 'USER',
    createdAt: now,
  });
  if (!user) return { kind: 'email_taken' };
  deps.log.info({ event: 'user_registered', userId: user.publicId }, 'user registered');
  return startSession(deps, user, now);
}
