import { currentUser, type CurrentUser } from '../accounts/current-user.js';
import type { AccountDeps, ClientInfo } from '../accounts/services.js';
import type { NoteFields } from '../http/http-server.js';

/**
 * Per-request context. Building it never fails and touches no database: a bad token is only
 * an error for the fields that need a user, and a GraphQLError thrown here would become an
 * HTTP 500.
 */
export interface RequestContext {
  deps: AccountDeps;
  authorization: string | undefined;
  /** The client's address (X-Forwarded-For believed only as far as TRUST_PROXY allows) and agent. */
  client: ClientInfo;
  /** Who made the request; looked up once, on first use. */
  who(): Promise<CurrentUser>;
  /** Adds fields to the request's log line, e.g. `{ login: 'locked' }`. */
  note: NoteFields;
}

export function requestContext(
  deps: AccountDeps,
  authorization: string | undefined,
  client: ClientInfo,
  note: NoteFields,
): RequestContext {
  let who: Promise<CurrentUser> | undefined;
  return { deps, authorization, client, note, who: () => (who ??= currentUser(deps, authorization)) };
}
