import type { AccountDeps } from '../accounts/services.js';

/**
 * Per-request context. Building it never fails: a bad token is only an error for the
 * fields that need a user, and a GraphQLError thrown here would become an HTTP 500.
 */
export interface RequestContext {
  deps: AccountDeps;
  authorization: string | undefined;
  /** The client's address, X-Forwarded-For believed only as far as TRUST_PROXY allows. */
  clientAddress: string;
}
