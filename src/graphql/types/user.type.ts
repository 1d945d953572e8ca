import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';

import type { Role, UserRecord } from '../../db/store.js';

export const RoleEnum = { USER: 'USER', ADMIN: 'ADMIN' } as const;
registerEnumType(RoleEnum, {
  name: 'Role',
  description: 'What an account may do.',
  valuesConfig: {
    USER: { description: 'A regular account.' },
    ADMIN: { description: 'May unlock accounts and read the audit trail.' },
  },
});

@ObjectType({ description: 'Optional details a user tells about themselves.', simpleResolvers: true })
export class Profile {
  @Field(() => String, { description: 'Free text; empty until the user writes something.' })
  aboutMe!: string;

  @Field(() => String, { nullable: true, description: 'Gender, in the words the user chose.' })
  gender!: string | null;

  @Field(() => String, { nullable: true, description: 'Country of residence.' })
  country!: string | null;

  @Field(() => String, { nullable: true, description: 'City of residence.' })
  city!: string | null;
}

@ObjectType({ description: 'A registered account.', simpleResolvers: true })
export class User {
  @Field(() => ID, { description: 'Public, stable UUID of the account.' })
  id!: string;

  @Field(() => String, { description: 'Email address, trimmed and lowercased.' })
  email!: string;

  @Field(() => String, { description: 'Display name chosen at registration.' })
  username!: string;

  @Field(() => String, { description: 'Given name; empty when not provided.' })
  firstName!: string;

  @Field(() => String, { description: 'Family name; empty when not provided.' })
  lastName!: string;

  @Field(() => RoleEnum, { description: 'USER, or ADMIN for operators.' })
  role!: Role;

  @Field(() => Date, { description: 'When the account was registered.' })
  createdAt!: Date;

  @Field(() => Profile, { description: 'The profile created together with the account.' })
  profile!: Profile;

  static from(record: UserRecord): User {
    return Object.assign(new User(), {
      id: record.publicId,
      email: record.email,
      username: record.username,
      firstName: record.firstName,
      lastName: record.lastName,
      role: record.role,
      createdAt: record.createdAt,
      profile: Object.assign(new Profile(), record.profile),
    });
  }
}
