import { post, type Reply, type RequestOptions } from './http.js';

export const REGISTER =
  'mutation($input: RegisterInput!){ register(input:$input){ __typename ... on AuthPayload { token } } }';
export const LOGIN =
  'mutation($input: LoginInput!){ login(input:$input){ __typename ... on AuthPayload { token } ' +
  '... on InvalidCredentials { attemptsRemaining } ... on AccountLocked { retryAfterSeconds } } }';
export const ME = '{ me { id email } }';
export const TRIVIAL = '{ __typename }';

/** Substrings that mark a good answer to each kind of request (checked on every response). */
export const GOOD = {
  authenticated: '"__typename":"AuthPayload"',
  locked: '"__typename":"AccountLocked"',
  me: '"me":{"id":',
  trivial: '"__typename":"Query"',
} as const;

/** What `login` answered, read from its JSON body. */
export interface LoginAnswer {
  typename: string;
  attemptsRemaining?: number;
  token?: string;
}

export const graphqlBody = (query: string, variables?: Record<string, unknown>): string =>
  JSON.stringify(variables === undefined ? { query } : { query, variables });

export const loginBody = (email: string, password: string): string =>
  graphqlBody(LOGIN, { input: { email, password } });

export const bearer = (token: string): Record<string, string> => ({ authorization: `Bearer ${token}` });

export async function register(baseUrl: string, email: string, password: string): Promise<string> {
  const input = { email, username: email.split('@')[0], password };
  const reply = await post(`${baseUrl}/graphql`, graphqlBody(REGISTER, { input }));
  const token = field(reply, 'register')?.token;
  if (typeof token !== 'string') throw new Error(`register ${email} failed: ${reply.status} ${reply.text}`);
  return token;
}

export async function login(
  baseUrl: string,
  email: string,
  password: string,
  options?: RequestOptions,
): Promise<LoginAnswer & { ms: number }> {
  const reply = await post(`${baseUrl}/graphql`, loginBody(email, password), options);
  return { ...toLoginAnswer(reply), ms: reply.ms };
}

export function toLoginAnswer(reply: Reply): LoginAnswer {
  const answer = field(reply, 'login');
  return {
    typename: typeof answer?.__typename === 'string' ? answer.__typename : `HTTP ${reply.status}`,
    ...(typeof answer?.attemptsRemaining === 'number' && { attemptsRemaining: answer.attemptsRemaining }),
    ...(typeof answer?.token === 'string' && { token: answer.token }),
  };
}

function field(reply: Reply, name: string): Record<string, unknown> | undefined {
  try {
    const body = JSON.parse(reply.text) as { data?: Record<string, Record<string, unknown> | null> };
    return body.data?.[name] ?? undefined;
  } catch {
    return undefined;
  }
}
