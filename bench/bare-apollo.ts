/**
 * Child process: the reference server for B2 and B3. Apollo Server 5 with a one-field schema
 * behind minimal node:http glue, the same shape as the real server's (read body, JSON.parse,
 * executeHTTPGraphQLRequest), so the difference measured is everything the real server adds.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

import { ApolloServer, HeaderMap } from '@apollo/server';

const apollo = new ApolloServer({ typeDefs: 'type Query { ok: Boolean }' });
await apollo.start();

const server = createServer((req, res) => {
  if (req.url === '/healthz') return void res.end('ok');
  handle(req, res).catch(() => {
    res.statusCode = 500;
    res.end();
  });
});
server.listen(Number(process.env.PORT), process.env.HOST ?? '127.0.0.1');
process.once('SIGTERM', () => {
  server.close();
  server.closeAllConnections();
  void apollo.stop().then(() => process.exit(0));
});

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  const headers = new HeaderMap();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const response = await apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: {
      method: req.method ?? 'GET',
      headers,
      search: new URL(req.url ?? '/', 'http://localhost').search,
      body: text === '' ? undefined : JSON.parse(text),
    },
    context: async () => ({}),
  });
  for (const [name, value] of response.headers) res.setHeader(name, value);
  res.statusCode = response.status ?? 200;
  if (response.body.kind === 'complete') return void res.end(response.body.string);
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}
