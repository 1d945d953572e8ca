import type { Server } from 'node:http';

import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDisableSuggestions } from '@apollo/server/plugin/disableSuggestions';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';

import type { Config } from '../config/config.js';
import type { Logger } from '../log/logger.js';
import { buildGraphQLSchema } from './build-schema.js';
import type { RequestContext } from './context.js';

/** Every setting Apollo would otherwise derive from NODE_ENV is set here from the config. */
export function createApollo(config: Config, httpServer: Server, log: Logger): ApolloServer<RequestContext> {
  const plugins: ApolloServerPlugin<RequestContext>[] = [
    ApolloServerPluginDrainHttpServer({ httpServer }),
    logUnexpectedErrors(log),
    config.graphqlIntrospection
      ? ApolloServerPluginLandingPageLocalDefault({ embed: true })
      : ApolloServerPluginLandingPageDisabled(),
  ];
  // Suggestions ("did you mean …") describe the schema to whoever probes it.
  if (!config.graphqlIntrospection) plugins.push(ApolloServerPluginDisableSuggestions());
  return new ApolloServer<RequestContext>({
    schema: buildGraphQLSchema(),
    introspection: config.graphqlIntrospection,
    includeStacktraceInErrorResponses: !config.production,
    // A batch would let one request carry many logins past per-request limits.
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    // Shutdown is owned by main.ts, which drains HTTP, stops Apollo and closes the store.
    stopOnTerminationSignals: false,
    formatError: config.production ? maskUnexpected : undefined,
    plugins,
  });
}

/** In production, anything that is not a deliberate GraphQLError leaves as a bare message. */
function maskUnexpected(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  if (unwrapResolverError(error) instanceof GraphQLError) return formatted;
  return { message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}

function logUnexpectedErrors(log: Logger): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors }) {
          for (const error of errors) {
            const original = unwrapResolverError(error);
            if (original instanceof GraphQLError) continue;
            log.error({ err: original, path: error.path }, 'resolver failed');
          }
        },
      };
    },
  };
}
