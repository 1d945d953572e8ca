import { Field, Int, InterfaceType, ObjectType } from 'type-graphql';

@InterfaceType({ description: 'An expected failure, answered as data rather than as an error.' })
export abstract class Problem {
  @Field(() => String, { description: 'What went wrong, for a person to read.' })
  message!: string;
}

@ObjectType({
  implements: Problem,
  simpleResolvers: true,
  description: 'Wrong email or password. The same answer whether or not the email is registered.',
})
export class InvalidCredentials extends Problem {
  @Field(() => Int, { description: 'Failures left before the email is locked; 0 means this one locked it.' })
  attemptsRemaining!: number;
}

@ObjectType({
  implements: Problem,
  simpleResolvers: true,
  description: 'Too many failed logins: no password is checked for this email until the lock ends.',
})
export class AccountLocked extends Problem {
  @Field(() => Date, { description: 'When the lock ends.' })
  lockedUntil!: Date;

  @Field(() => Int, { description: 'Whole seconds until the lock ends.' })
  retryAfterSeconds!: number;
}

@ObjectType({
  implements: Problem,
  simpleResolvers: true,
  description:
    'Too many failed logins from this client address: no password is checked until the window ends.',
})
export class TooManyAttempts extends Problem {
  @Field(() => Int, { description: 'Whole seconds until logins from this address are checked again.' })
  retryAfterSeconds!: number;
}

@ObjectType({
  implements: Problem,
  simpleResolvers: true,
  description: 'An argument was refused before any work was done.',
})
export class InvalidInput extends Problem {
  @Field(() => String, { description: 'The input field that was refused, e.g. "email".' })
  field!: string;
}

@ObjectType({
  implements: Problem,
  simpleResolvers: true,
  description: 'An account with this email already exists.',
})
export class EmailTaken extends Problem {}
