// Members made in code for tests that fill a session: a registration names a member's account, so as many
// seats as a test takes, as many members it needs. Not part of the demo seed.
import { randomUUID } from 'node:crypto';
import { hashPassword } from '../../auth/password.js';
import { toInstant } from '../../auth/tokens.js';
import type { Db } from '../../db/db.js';

/** An account {@link addMembers} made: what a test needs to register it, sign it in or look for its mail. */
export interface AddedMember {
  id: string;
  email: string;
  password: string;
  displayName: string;
}

/**
 * Adds `count` accounts, members of `associationId` (role `member` unless told), reading `locale`, each
 * with a unique id and e-mail and the same password (hashed once: a test may add dozens).
 *
 * @example
 * ```ts
 * const [amina, youssef] = await addMembers(server.db, demoFixtures.associations.represented, 2);
 * await client.registrations.create({ sessionId, associationId, participant: { accountId: amina.id }, consent: true });
 * ```
 */
export async function addMembers(
  db: Db,
  associationId: string,
  count: number,
  options: { role?: 'member' | 'representative'; locale?: 'ar' | 'fr' | 'zgh' | 'en' } = {},
): Promise<AddedMember[]> {
  const password = `member-${randomUUID()}`;
  const hash = await hashPassword(password);
  const batch = randomUUID().replaceAll('-', '').slice(0, 10);
  const members: AddedMember[] = [];
  for (let i = 0; i < count; i++) {
    members.push({
      id: `acc_t${batch}_${i}`,
      email: `member-${batch}-${i}@test.nassij.ma`,
      password,
      displayName: `Membre ${batch} ${i}`,
    });
  }
  await db.atomic(async () => {
    for (const member of members) {
      await db.write(
        `INSERT INTO accounts (id, email, display_name, password_hash, roles, locale, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
        [
          member.id,
          member.email,
          member.displayName,
          hash,
          JSON.stringify(
            options.role === 'representative'
              ? ['citizen', 'association_member', 'association_representative']
              : ['citizen', 'association_member'],
          ),
          options.locale ?? null,
          toInstant(new Date()),
        ],
      );
      await db.write('INSERT INTO memberships (account_id, association_id, role) VALUES (?, ?, ?)', [
        member.id,
        associationId,
        options.role ?? 'member',
      ]);
    }
  });
  return members;
}
