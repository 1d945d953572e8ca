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

  @Field(() => String, {
    description:
      'Marks this client as a trusted device of the account. Send it back as LoginInput.deviceToken: ' +
      'its logins are counted on their own budget, so failures caused by others do not lock it out.',
  })
  deviceToken!: string;

  static from(outcome: Authenticated): AuthPayload {
    return Object.assign(new AuthPayload(), {
      token: outcome.token,
      expiresAt: outcome.expiresAt,
      user: User.from(outcome.user),
      deviceToken: outcome.deviceToken,
    });
  }
}
