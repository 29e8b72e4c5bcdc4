import SchemaBuilder from '@pothos/core';
import DataloaderPlugin from '@pothos/plugin-dataloader';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import { hasRole } from '../auth.ts';
import { ErrorCode, ParleyError } from '../errors.ts';
import type { Context } from './context.ts';

/** Configures Pothos; defines nothing. Types live in src/modules/<domain>/. */
export const builder = new SchemaBuilder<{
  Context: Context;
  DefaultFieldNullability: false;
  AuthScopes: { reader: boolean; editor: boolean; admin: boolean };
  Scalars: {
    ID: { Input: string; Output: string };
    Date: { Input: string; Output: string };
    JSON: { Input: unknown; Output: unknown };
  };
}>({
  // Scope checks run before any other plugin wraps a resolver.
  plugins: [ScopeAuthPlugin, DataloaderPlugin],
  defaultFieldNullability: false,
  scopeAuth: {
    // A subscription is refused when it is opened, not at its first message.
    authorizeOnSubscribe: true,
    authScopes: (ctx) => ({
      reader: ctx.publicReads || hasRole(ctx.identity, 'reader'),
      editor: hasRole(ctx.identity, 'editor'),
      admin: hasRole(ctx.identity, 'admin'),
    }),
    unauthorizedError: (_parent, ctx, info) => {
      const what = info.parentType.name === 'Mutation' ? 'an editor key' : 'a reader key';
      if (!ctx.identity.presented) {
        return new ParleyError(
          ErrorCode.UNAUTHENTICATED,
          `${info.fieldName} needs ${what}: send "Authorization: Bearer <key>".`,
          {
            http: { status: 401 },
          },
        );
      }
      if (ctx.identity.role === null) {
        return new ParleyError(ErrorCode.UNAUTHENTICATED, 'The API key is not valid.', {
          http: { status: 401 },
        });
      }
      return new ParleyError(
        ErrorCode.FORBIDDEN,
        `${info.fieldName} needs ${what}; this key has the ${ctx.identity.role} role.`,
        { http: { status: 403 } },
      );
    },
  },
});

builder.queryType({ description: 'Read the Parley knowledge graph.', authScopes: { reader: true } });
builder.subscriptionType({
  description:
    'Live changes over server-sent events (Accept: text/event-stream), with the same keys, limits and error masking as queries.',
  authScopes: { reader: true },
});
builder.mutationType({
  description: 'Write to the graph: ingest articles and curate. Every mutation needs an editor key.',
  authScopes: { editor: true },
});
