export interface GraphQLResponse<T = Record<string, any>> {
  status: number;
  data: T | null | undefined;
  errors: Array<{ message: string; extensions?: Record<string, unknown> }> | undefined;
  text: string;
}

/** A tiny GraphQL-over-HTTP client, as a browser or Apollo Client would send. */
export async function gql<T = Record<string, any>>(
  baseUrl: string,
  query: string,
  variables?: Record<string, unknown>,
  options: { token?: string; headers?: Record<string, string> } = {},
): Promise<GraphQLResponse<T>> {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...options.headers };
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  const body = text ? JSON.parse(text) : {};
  return { status: response.status, data: body.data, errors: body.errors, text };
}

export const REGISTER = /* GraphQL */ `
  mutation Register($input: RegisterInput!) {
    register(input: $input) {
      __typename
      ... on AuthPayload {
        token
        expiresAt
        user {
          id
          email
          username
          firstName
          lastName
          createdAt
          profile {
            aboutMe
            gender
            country
            city
          }
        }
      }
      ... on Problem {
        message
      }
      ... on InvalidInput {
        field
      }
    }
  }
`;

export const LOGIN = /* GraphQL */ `
  mutation Login($input: LoginInput!) {
    login(input: $input) {
      __typename
      ... on AuthPayload {
        token
        deviceToken
        expiresAt
        user {
          id
          email
        }
      }
      ... on InvalidCredentials {
        attemptsRemaining
      }
      ... on AccountLocked {
        lockedUntil
        retryAfterSeconds
      }
      ... on InvalidInput {
        field
      }
      ... on Problem {
        message
      }
    }
  }
`;

export const ME = /* GraphQL */ `
  query Me {
    me {
      id
      email
      username
      profile {
        aboutMe
      }
    }
  }
`;
