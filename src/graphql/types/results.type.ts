import { createUnionType } from 'type-graphql';

import { AuthPayload } from './auth-payload.type.js';
import {
  AccountLocked,
  EmailTaken,
  InvalidCredentials,
  InvalidInput,
  TooManyAttempts,
} from './problems.type.js';

export const LoginResult = createUnionType({
  name: 'LoginResult',
  description: 'The answer to a login: a token, or the reason there is none.',
  types: () => [AuthPayload, InvalidCredentials, AccountLocked, TooManyAttempts, InvalidInput] as const,
});

export const RegisterResult = createUnionType({
  name: 'RegisterResult',
  description: 'The answer to a registration: a token for the new account, or the reason there is none.',
  types: () => [AuthPayload, EmailTaken, InvalidInput] as const,
});
