import { GraphQLError } from 'graphql';

export class UnauthenticatedError extends GraphQLError {
  constructor(message = 'The token is invalid or expired. Log in again.') {
    super(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
  }
}

export class ForbiddenError extends GraphQLError {
  constructor() {
    super('This needs an administrator.', { extensions: { code: 'FORBIDDEN', http: { status: 403 } } });
  }
}

/** A query argument out of range; mutations answer InvalidInput instead. */
export class BadArgumentError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
  }
}
