import { Field, ObjectType } from 'type-graphql';

import type { Authenticated } from '../../accounts/outcomes.js';
import { User } from './user.type.js';

@ObjectType({ description: 'A successful login or registration.', simpleResolvers: true })
export class AuthPayload {
  @Field(() => String, { description: 'Bearer token for the Authorization header (HS256 JWT).' })
  token!: string;

  @Field(() => Date, { description: 'When the token stops being accepted.' })
  expiresAt!: Date;

  @Field(() => User, { description: 'The account the token belongs to.' })
  user!: User;

  static from(outcome: Authenticated): AuthPayload {
    return Object.assign(new AuthPayload(), {
      token: outcome.token,
      expiresAt: outcome.expiresAt,
      user: User.from(outcome.user),
    });
  }
}
