import 'reflect-metadata';

import type { GraphQLSchema } from 'graphql';
import { buildSchemaSync } from 'type-graphql';

import { AdminResolver } from './resolvers/admin.resolver.js';
import { AuthResolver } from './resolvers/auth.resolver.js';
import { MeResolver } from './resolvers/me.resolver.js';
import { SessionResolver } from './resolvers/session.resolver.js';

let built: GraphQLSchema | undefined;

/** The schema is built once per process; building it is slow and it never changes. */
export function buildGraphQLSchema(): GraphQLSchema {
  if (built) return built;
  built = buildSchemaSync({
    resolvers: [AuthResolver, MeResolver, SessionResolver, AdminResolver],
    validate: false,
  });
  // type-graphql has no option for the root types' descriptions; the SDL should carry them.
  built.getQueryType()!.description = 'Reads: who the bearer of the token is, and operator views.';
  built.getMutationType()!.description = 'Writes: registration, login, sessions and operator actions.';
  return built;
}
