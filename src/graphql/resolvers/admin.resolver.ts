import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';

import { lockedAccounts, loginEvents, unlockAccount } from '../../accounts/admin.js';
import { requireAdmin } from '../auth-guards.js';
import type { RequestContext } from '../context.js';
import { decodeCursor, decodeIdCursor, encodeCursor, pageSize } from '../cursors.js';
import { LockedAccountConnection, LoginEventConnection } from '../types/admin.type.js';

@Resolver()
export class AdminResolver {
  @Mutation(() => Boolean, {
    description: 'Admin only: clears the lock and the failure count of an email. False when it had none.',
  })
  async unlockAccount(
    @Arg('email', () => String) email: string,
    @Ctx() ctx: RequestContext,
  ): Promise<boolean> {
    await requireAdmin(ctx);
    return unlockAccount(ctx.deps, email);
  }

  @Query(() => LockedAccountConnection, { description: 'Admin only: emails locked now, ordered by email.' })
  async lockedAccounts(
    @Arg('first', () => Int, { defaultValue: 20, description: 'Page size, 1 to 100.' }) first: number,
    @Arg('after', () => String, { nullable: true, description: 'endCursor of the previous page.' })
    after: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<LockedAccountConnection> {
    await requireAdmin(ctx);
    const page = await lockedAccounts(ctx.deps, pageSize(first), decodeCursor(after));
    const edges = page.items.map((node) => ({ cursor: encodeCursor(node.email), node }));
    return { edges, pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null } };
  }

  @Query(() => LoginEventConnection, {
    description: 'Admin only: the audit trail of an email, newest first.',
  })
  async loginEvents(
    @Arg('email', () => String, { description: 'The email, in any case.' }) email: string,
    @Arg('first', () => Int, { defaultValue: 20, description: 'Page size, 1 to 100.' }) first: number,
    @Arg('after', () => String, { nullable: true, description: 'endCursor of the previous page.' })
    after: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<LoginEventConnection> {
    await requireAdmin(ctx);
    const page = await loginEvents(ctx.deps, email, pageSize(first), decodeIdCursor(after));
    const edges = page.items.map((event) => ({
      cursor: encodeCursor(event.id),
      node: { ...event, id: String(event.id) },
    }));
    return { edges, pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null } };
  }
}
