import { randomUUID } from 'node:crypto';

import { emailProblem, nameProblem, normalizeEmail, normalizePassword, passwordProblem } from './input-rules.js';
import { authenticated } from './issue-tokens.js';
import type { RegisterOutcome } from './outcomes.js';
import type { AccountDeps } from './services.js';

export interface RegisterRequest {
  email: string;
  username: string;
  password: string;
  firstName?: string | null;
  lastName?: string | null;
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
  const user = await deps.store.createUser({
    publicId: randomUUID(),
    email: normalizeEmail(request.email),
    username: request.username.trim(),
    firstName: firstName.trim(),
    lastName: lastName.trim(),
    passwordHash: await deps.passwords.hash(normalizePassword(request.password)),
    createdAt: now,
  });
  if (!user) return { kind: 'email_taken' };
  deps.log.info({ event: 'user_registered', userId: user.publicId }, 'user registered');
  return authenticated(deps, user, now);
}
