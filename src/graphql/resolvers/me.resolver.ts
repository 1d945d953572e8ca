import { Ctx, Query, Resolver } from 'type-graphql';

import type { RequestContext } from '../context.js';
import { UnauthenticatedError } from '../errors.js';
import { User } from '../types/user.type.js';

@Resolver()
export class MeResolver {
  @Query(() => User, {
    nullable: true,
    description: 'The account of the bearer token; null without an Authorization header.',
  })
  async me(@Ctx() ctx: RequestContext): Promise<User | null> {
    const who = await ctx.who();
    if (who.kind === 'anonymous') return null;
    if (who.kind === 'invalid_token') throw new UnauthenticatedError();
    return User.from(who.user);
  }
}
