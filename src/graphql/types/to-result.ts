import type { InputProblem } from '../../accounts/input-rules.js';
import type {
  InvalidCredentials as Invalid,
  Locked,
  LoginOutcome,
  RateLimited,
  RegisterOutcome,
} from '../../accounts/outcomes.js';
import { AuthPayload } from './auth-payload.type.js';
import {
  AccountLocked,
  EmailTaken,
  InvalidCredentials,
  InvalidInput,
  TooManyAttempts,
} from './problems.type.js';

// Union members are told apart with `instanceof`, so every answer is a class instance.

const invalidInput = (problem: InputProblem): InvalidInput =>
  Object.assign(new InvalidInput(), { message: problem.message, field: problem.field });

export function toLoginResult(
  outcome: LoginOutcome,
): AuthPayload | InvalidCredentials | AccountLocked | TooManyAttempts | InvalidInput {
  return outcome.kind === 'authenticated' ? AuthPayload.from(outcome) : toProblem(outcome);
}

/** The failures every password check can end in, as union members. */
export function toProblem(
  outcome: Invalid | Locked | RateLimited | InputProblem,
): InvalidCredentials | AccountLocked | TooManyAttempts | InvalidInput {
  switch (outcome.kind) {
    case 'invalid_input':
      return invalidInput(outcome);
    case 'invalid_credentials':
      return Object.assign(new InvalidCredentials(), {
        message: 'Invalid email or password.',
        attemptsRemaining: outcome.attemptsRemaining,
      });
    case 'locked':
      return Object.assign(new AccountLocked(), {
        message: `Too many failed logins. Try again after ${outcome.lockedUntil.toISOString()}.`,
        lockedUntil: outcome.lockedUntil,
        retryAfterSeconds: outcome.retryAfterSeconds,
      });
    case 'rate_limited':
      return Object.assign(new TooManyAttempts(), {
        message: `Too many failed logins from this address. Try again in ${outcome.retryAfterSeconds} seconds.`,
        retryAfterSeconds: outcome.retryAfterSeconds,
      });
  }
}

export function toRegisterResult(outcome: RegisterOutcome): AuthPayload | EmailTaken | InvalidInput {
  switch (outcome.kind) {
    case 'authenticated':
      return AuthPayload.from(outcome);
    case 'invalid_input':
      return invalidInput(outcome);
    case 'email_taken':
      return Object.assign(new EmailTaken(), { message: 'An account with this email already exists.' });
  }
}
