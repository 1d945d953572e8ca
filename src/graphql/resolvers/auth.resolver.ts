import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';

import { login } from '../../accounts/login.js';
import { register } from '../../accounts/register.js';
import type { RequestContext } from '../context.js';
import { LoginInput, RegisterInput } from '../types/inputs.type.js';
import { LoginResult, RegisterResult } from '../types/results.type.js';
import { toLoginResult, toRegisterResult } from '../types/to-result.js';

@Resolver()
export class AuthResolver {
  @Mutation(() => RegisterResult, { description: 'Creates an account and logs it in.' })
  async register(
    @Arg('input', () => RegisterInput) input: RegisterInput,
    @Ctx() ctx: RequestContext,
  ): Promise<typeof RegisterResult> {
    const outcome = await register(ctx.deps, input);
    ctx.note({ register: outcome.kind });
    return toRegisterResult(outcome);
  }

  @Mutation(() => LoginResult, {
    description: 'Checks a password, counting the attempt first; locks the email after too many failures.',
  })
  async login(
    @Arg('input', () => LoginInput) input: LoginInput,
    @Ctx() ctx: RequestContext,
  ): Promise<typeof LoginResult> {
    const outcome = await login(ctx.deps, input, ctx.client);
    ctx.note({ login: outcome.kind });
    return toLoginResult(outcome);
  }
}
