import type { Server } from 'node:http';

import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDisableSuggestions } from '@apollo/server/plugin/disableSuggestions';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';

import type { Config } from '../config/config.js';
import { StoreUnavailableError } from '../db/store-errors.js';
import type { Logger } from '../log/logger.js';
import { buildGraphQLSchema } from './build-schema.js';
import { edgeLimits } from './edge-limits.js';
import type { RequestContext } from './context.js';

/** Every setting Apollo would otherwise derive from NODE_ENV is set here from the config. */
export function createApollo(config: Config, httpServer: Server, log: Logger): ApolloServer<RequestContext> {
  const plugins: ApolloServerPlugin<RequestContext>[] = [
    ApolloServerPluginDrainHttpServer({ httpServer }),
    logUnexpectedErrors(log),
    unavailableStatus(),
    config.graphqlIntrospection
      ? ApolloServerPluginLandingPageLocalDefault({ embed: true })
      : ApolloServerPluginLandingPageDisabled(),
  ];
  // Suggestions ("did you mean …") describe the schema to whoever probes it.
  if (!config.graphqlIntrospection) plugins.push(ApolloServerPluginDisableSuggestions());
  const limits = edgeLimits(config);
  plugins.push(...(limits.plugins as ApolloServerPlugin<RequestContext>[]));
  return new ApolloServer<RequestContext>({
    schema: buildGraphQLSchema(),
    validationRules: limits.validationRules,
    parseOptions: limits.parseOptions,
    introspection: config.graphqlIntrospection,
    includeStacktraceInErrorResponses: !config.production,
    // A batch would let one request carry many logins past per-request limits.
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    // Shutdown is owned by main.ts, which drains HTTP, stops Apollo and closes the store.
    stopOnTerminationSignals: false,
    formatError: (formatted, error) => formatError(formatted, error, config.production),
    plugins,
  });
}

const UNAVAILABLE: GraphQLFormattedError = {
  message: 'The service is temporarily unavailable. Try again shortly.',
  extensions: { code: 'SERVICE_UNAVAILABLE' },
};

/**
 * A database failure leaves as one generic answer in every mode (no SQL, no parameters, no
 * connection details); in production, anything else that is not a deliberate GraphQLError
 * leaves as a bare message too.
 */
function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
  production: boolean,
): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof StoreUnavailableError) return { ...UNAVAILABLE, path: formatted.path };
  if (INVALID_VARIABLE.test(formatted.message))
    return { ...formatted, message: withoutValue(formatted.message) };
  if (!production || original instanceof GraphQLError) return formatted;
  return {
    message: 'Internal server error',
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
    path: formatted.path,
  };
}

// graphql-js quotes the whole refused variable (`got invalid value { password: "…" }`), which
// would send a password back, and on into every proxy and APM log that records responses.
const INVALID_VARIABLE = /^Variable "\$\w+" got invalid value /;

function withoutValue(message: string): string {
  const reason = message.lastIndexOf('; ');
  const head = message.slice(0, message.indexOf(' got invalid value ') + ' got invalid value'.length);
  return reason === -1 ? `${head}.` : `${head}: ${message.slice(reason + 2)}`;
}

/** Answers 503 when the database failed, so load balancers and clients know to retry. */
function unavailableStatus(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ errors, response }) {
          if (errors?.some((e) => unwrapResolverError(e) instanceof StoreUnavailableError)) {
            response.http.status = 503;
          }
        },
      };
    },
  };
}

function logUnexpectedErrors(log: Logger): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors }) {
          for (const error of errors) {
            const original = unwrapResolverError(error);
            // Store failures were logged, without their driver message, where they happened.
            if (original instanceof GraphQLError || original instanceof StoreUnavailableError) continue;
            log.error({ err: original, path: error.path }, 'resolver failed');
          }
        },
      };
    },
  };
}
