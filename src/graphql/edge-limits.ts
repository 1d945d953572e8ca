import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, type ASTVisitor, type ValidationContext, type ValidationRule } from 'graphql';

import type { Config } from '../config/config.js';

/** Far above any real operation on this schema; parsing stops there. */
const MAX_TOKENS = 1000;

/** Fields that check a password or create one: each request may carry one at most. */
const CREDENTIAL_FIELDS = new Set(['login', 'register', 'changePassword']);

/**
 * Refuses a document with more than one login or register field, before anything runs.
 * The counter would still bound the password checks of aliased logins, but one request
 * must not be able to spend a whole run of attempts, nor hash many passwords at once.
 */
export const singleCredentialField: ValidationRule = (context: ValidationContext): ASTVisitor => {
  let seen = 0;
  return {
    Field(node) {
      if (context.getParentType()?.name !== 'Mutation' || !CREDENTIAL_FIELDS.has(node.name.value)) return;
      seen += 1;
      if (seen === 2) {
        context.reportError(
          new GraphQLError('A request may contain at most one login, register or changePassword field.', {
            nodes: [node],
          }),
        );
      }
    },
  };
};

/**
 * Depth, alias, token, directive and cost limits, checked before execution. The schema's
 * deepest real query (register → user → profile → field) is four levels; the limits leave
 * room for clients' fragments without letting a document grow expensive. Where introspection
 * is on, it is exempt from depth and cost so that Sandbox keeps working.
 */
export function edgeLimits(config: Config) {
  const exposeLimits = !config.production;
  const armor = new ApolloArmor({
    maxDepth: {
      n: 8,
      ignoreIntrospection: config.graphqlIntrospection,
      flattenFragments: true,
      exposeLimits,
    },
    maxAliases: { n: 10, exposeLimits },
    // Its Apollo plugin throws from a hook, which Apollo answers with a 500, even for plain
    // syntax errors; graphql-js's own parser limit (parseOptions below) answers 400.
    maxTokens: { enabled: false },
    maxDirectives: { n: 20, exposeLimits },
    costLimit: { maxCost: 500, ignoreIntrospection: config.graphqlIntrospection, exposeLimits },
    // Apollo's own plugin already hides suggestions wherever introspection is off.
    blockFieldSuggestion: { enabled: false },
  });
  const { plugins, validationRules } = armor.protect();
  return {
    plugins,
    validationRules: [...validationRules, singleCredentialField],
    parseOptions: { maxTokens: MAX_TOKENS },
  };
}
