import type { IncomingMessage, ServerResponse } from 'node:http';

import { HeaderMap, type ApolloServer } from '@apollo/server';

import type { RequestContext } from '../graphql/context.js';
import type { NoteFields } from './http-server.js';
import { readBody } from './read-body.js';
import { sendError } from './respond.js';

/** Big enough for any real operation on this schema, small enough to refuse abuse early. */
export const MAX_BODY_BYTES = 64 * 1024;

export type ContextFactory = (req: IncomingMessage, note: NoteFields) => RequestContext;

/** Hands one HTTP request to Apollo: our own body limit and JSON parsing, Apollo's protocol. */
export async function handleGraphQL(
  apollo: ApolloServer<RequestContext>,
  makeContext: ContextFactory,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  note: NoteFields,
): Promise<void> {
  const read = await readBody(req, MAX_BODY_BYTES);
  if (read.kind === 'too_large') {
    res.setHeader('connection', 'close');
    return sendError(res, 413, 'PAYLOAD_TOO_LARGE', `Request body is larger than ${MAX_BODY_BYTES} bytes.`);
  }
  if (read.kind === 'aborted') return void res.destroy();

  const headers = new HeaderMap();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  let body: unknown = undefined;
  if (read.body.length > 0 && isJson(headers.get('content-type'))) {
    try {
      body = JSON.parse(read.body.toString('utf8'));
    } catch {
      return sendError(res, 400, 'BAD_REQUEST', 'Request body is not valid JSON.');
    }
  }

  const response = await apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
    context: async () => makeContext(req, note),
  });
  for (const [name, value] of response.headers) res.setHeader(name, value);
  res.statusCode = response.status ?? 200;
  if (response.body.kind === 'complete') return void res.end(response.body.string);
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}

function isJson(contentType: string | undefined): boolean {
  const type = contentType?.split(';')[0]?.trim().toLowerCase();
  return type === 'application/json' || (type?.endsWith('+json') ?? false);
}
