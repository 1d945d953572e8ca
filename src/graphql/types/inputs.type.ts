import { Field, InputType } from 'type-graphql';

@InputType({ description: 'A new account.' })
export class RegisterInput {
  @Field(() => String, { description: 'Email address; compared case-insensitively.' })
  email!: string;

  @Field(() => String, { description: 'Display name, 1 to 150 characters.' })
  username!: string;

  @Field(() => String, { description: 'Password, 8 to 256 characters.' })
  password!: string;

  @Field(() => String, { nullable: true, description: 'Given name, up to 150 characters.' })
  firstName?: string | null;

  @Field(() => String, { nullable: true, description: 'Family name, up to 150 characters.' })
  lastName?: string | null;
}

@InputType({ description: 'Credentials for one login attempt.' })
export class LoginInput {
  @Field(() => String, { description: 'Email address of the account.' })
  email!: string;

  @Field(() => String, { description: 'Its password.' })
  password!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The deviceToken of an earlier successful login to this account from this client.',
  })
  deviceToken?: string | null;
}
