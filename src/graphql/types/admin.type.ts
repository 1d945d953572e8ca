import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

import type { AuditOutcome } from '../../db/store.js';

export const LoginOutcomeEnum = {
  SUCCESS: 'success',
  WRONG_PASSWORD: 'wrong_password',
  UNKNOWN_EMAIL: 'unknown_email',
  LOCKED: 'locked',
  RATE_LIMITED: 'rate_limited',
  INVALID_INPUT: 'invalid_input',
  PENDING: 'pending',
} as const satisfies Record<string, AuditOutcome>;

registerEnumType(LoginOutcomeEnum, {
  name: 'LoginOutcome',
  description: 'How a login attempt ended.',
  valuesConfig: {
    SUCCESS: { description: 'The password was right.' },
    WRONG_PASSWORD: { description: 'The account exists and the password was wrong.' },
    UNKNOWN_EMAIL: { description: 'No account has this email; counted like a wrong password.' },
    LOCKED: { description: 'Refused without a check: the email (or device) was locked.' },
    RATE_LIMITED: { description: 'Refused without a check: too many failures from the client address.' },
    INVALID_INPUT: { description: 'Refused before counting: malformed email or password.' },
    PENDING: { description: 'Counted, but the server stopped before the password check finished.' },
  },
});

@ObjectType({ description: 'Where a page ends and whether more follow.', simpleResolvers: true })
export class PageInfo {
  @Field(() => Boolean, { description: 'Whether another page follows.' })
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Pass as `after` to read the next page.' })
  endCursor!: string | null;
}

@ObjectType({ description: 'An email that is locked now.', simpleResolvers: true })
export class LockedAccount {
  @Field(() => String, { description: 'The locked email (normalized); it may have no account.' })
  email!: string;

  @Field(() => Int, { description: 'Failures counted in the run that locked it.' })
  failures!: number;

  @Field(() => Date, { description: 'When the lock ends.' })
  lockedUntil!: Date;
}

@ObjectType({ description: 'One locked email in a page.', simpleResolvers: true })
export class LockedAccountEdge {
  @Field(() => String, { description: 'Opaque position of this entry.' })
  cursor!: string;

  @Field(() => LockedAccount, { description: 'The locked email.' })
  node!: LockedAccount;
}

@ObjectType({ description: 'A page of locked emails, ordered by email.', simpleResolvers: true })
export class LockedAccountConnection {
  @Field(() => [LockedAccountEdge], { description: 'The entries of this page.' })
  edges!: LockedAccountEdge[];

  @Field(() => PageInfo, { description: 'Whether more follow.' })
  pageInfo!: PageInfo;
}

@ObjectType('LoginEvent', { description: 'One login attempt in the audit trail.', simpleResolvers: true })
export class LoginEventType {
  @Field(() => ID, { description: 'Increasing event number.' })
  id!: string;

  @Field(() => Date, { description: 'When the attempt was counted.' })
  at!: Date;

  @Field(() => String, { description: 'The normalized email tried.' })
  email!: string;

  @Field(() => LoginOutcomeEnum, { description: 'How the attempt ended.' })
  outcome!: AuditOutcome;

  @Field(() => String, { description: 'The client address it came from.' })
  clientAddress!: string;

  @Field(() => String, { nullable: true, description: 'The client User-Agent, when it sent one.' })
  userAgent!: string | null;

  @Field(() => Int, {
    description:
      'Attempts this event stands for: identical refusals within a minute are counted on one event.',
  })
  attempts!: number;

  @Field(() => Date, {
    nullable: true,
    description: 'When the last of those attempts happened; null for one attempt.',
  })
  lastAt!: Date | null;
}

@ObjectType({ description: 'One event in a page.', simpleResolvers: true })
export class LoginEventEdge {
  @Field(() => String, { description: 'Opaque position of this entry.' })
  cursor!: string;

  @Field(() => LoginEventType, { description: 'The event.' })
  node!: LoginEventType;
}

@ObjectType({ description: 'A page of login events, newest first.', simpleResolvers: true })
export class LoginEventConnection {
  @Field(() => [LoginEventEdge], { description: 'The entries of this page.' })
  edges!: LoginEventEdge[];

  @Field(() => PageInfo, { description: 'Whether more follow.' })
  pageInfo!: PageInfo;
}
