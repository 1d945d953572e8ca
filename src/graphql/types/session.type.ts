import { Field, InputType, Int, ObjectType, createUnionType } from 'type-graphql';

import { AccountLocked, InvalidCredentials, InvalidInput, TooManyAttempts } from './problems.type.js';

@InputType({ description: 'The current password, to prove it is the owner, and the new one.' })
export class ChangePasswordInput {
  @Field(() => String, { description: 'The password in use now; checked through the login counter.' })
  current!: string;

  @Field(() => String, { description: 'The new password, 8 to 256 characters.' })
  next!: string;
}

@ObjectType({ description: 'The password was changed.', simpleResolvers: true })
export class PasswordChanged {
  @Field(() => String, { description: 'What happened, for a person to read.' })
  message!: string;

  @Field(() => Int, { description: 'How many other sessions of the account were ended.' })
  sessionsEnded!: number;
}

export const ChangePasswordResult = createUnionType({
  name: 'ChangePasswordResult',
  description: 'The answer to a password change.',
  types: () => [PasswordChanged, InvalidCredentials, AccountLocked, TooManyAttempts, InvalidInput] as const,
});
