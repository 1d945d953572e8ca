import { Arg, Ctx, Int, Mutation, Resolver } from 'type-graphql';

import { changePassword, logout, logoutAll } from '../../accounts/sessions.js';
import { requireUser } from '../auth-guards.js';
import type { RequestContext } from '../context.js';
import { ChangePasswordInput, ChangePasswordResult, PasswordChanged } from '../types/session.type.js';
import { toProblem } from '../types/to-result.js';

@Resolver()
export class SessionResolver {
  @Mutation(() => Boolean, { description: 'Ends the session of the token that sent this request.' })
  async logout(@Ctx() ctx: RequestContext): Promise<boolean> {
    await logout(ctx.deps, (await requireUser(ctx)).session);
    return true;
  }

  @Mutation(() => Int, {
    description: 'Ends every session of the account, this one included; answers how many.',
  })
  async logoutAll(@Ctx() ctx: RequestContext): Promise<number> {
    return logoutAll(ctx.deps, (await requireUser(ctx)).user);
  }

  @Mutation(() => ChangePasswordResult, {
    description:
      'Changes the password (the current one goes through the login counter) and ends all other sessions.',
  })
  async changePassword(
    @Arg('input', () => ChangePasswordInput) input: ChangePasswordInput,
    @Ctx() ctx: RequestContext,
  ): Promise<typeof ChangePasswordResult> {
    const outcome = await changePassword(ctx.deps, await requireUser(ctx), input, ctx.client);
    ctx.note({ changePassword: outcome.kind });
    if (outcome.kind !== 'password_changed') return toProblem(outcome);
    return Object.assign(new PasswordChanged(), {
      message: 'Password changed. Other sessions were ended.',
      sessionsEnded: outcome.sessionsEnded,
    });
  }
}
