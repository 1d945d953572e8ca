import { GraphQLError } from 'graphql';

export class UnauthenticatedError extends GraphQLError {
  constructor() {
    super('The token is invalid or expired. Log in again.', {
      extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
    });
  }
}
