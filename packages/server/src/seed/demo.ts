import type { Membership, Role } from '@nassij/contract';
import { hashPassword } from '../auth/password.js';
import { toInstant } from '../auth/tokens.js';
import type { Db } from '../db/db.js';

/** The keys of the core demo accounts, one per role. */
export type DemoAccountKey = 'citizen' | 'member' | 'representative' | 'reviewer' | 'moderator' | 'admin';

/** A demo account as seeded (the password is a demo password, printed by the CLI). */
export interface DemoAccount {
  id: string;
  email: string;
  password: string;
  displayName: string;
  roles: Role[];
  memberships: Membership[];
  locale: 'ar' | 'fr' | 'zgh' | 'en';
}

/**
 * The core demo accounts. Membership association ids `asso_0001` and `asso_0002` are created by the
 * associations area's seed.
 */
export const DEMO_ACCOUNTS: Record<DemoAccountKey, DemoAccount> = {
  citizen: {
    id: 'acc_0001',
    email: 'citizen@demo.nassij.ma',
    password: 'demo-citizen-2026',
    displayName: 'أمينة الإدريسي',
    roles: ['citizen'],
    memberships: [],
    locale: 'ar',
  },
  member: {
    id: 'acc_0002',
    email: 'member@demo.nassij.ma',
    password: 'demo-member-2026',
    displayName: 'يوسف بنعلي',
    roles: ['citizen', 'association_member'],
    memberships: [
      { associationId: 'asso_0001', role: 'member' },
      { associationId: 'asso_0002', role: 'member' },
    ],
    locale: 'ar',
  },
  representative: {
    id: 'acc_0003',
    email: 'representative@demo.nassij.ma',
    password: 'demo-representative-2026',
    displayName: 'Fatima Zahra Ouali',
    roles: ['citizen', 'association_member', 'association_representative'],
    memberships: [{ associationId: 'asso_0001', role: 'representative' }],
    locale: 'fr',
  },
  reviewer: {
    id: 'acc_0004',
    email: 'reviewer@demo.nassij.ma',
    password: 'demo-reviewer-2026',
    displayName: 'Karim Tazi',
    roles: ['reviewer'],
    memberships: [],
    locale: 'fr',
  },
  moderator: {
    id: 'acc_0005',
    email: 'moderator@demo.nassij.ma',
    password: 'demo-moderator-2026',
    displayName: 'ⵏⴰⴷⵢⴰ ⴰⵄⵎⵔⴰⵏ',
    roles: ['moderator'],
    memberships: [],
    locale: 'zgh',
  },
  admin: {
    id: 'acc_0006',
    email: 'admin@demo.nassij.ma',
    password: 'demo-admin-2026',
    displayName: 'Hassan Alaoui',
    roles: ['admin'],
    memberships: [],
    locale: 'en',
  },
};

/**
 * Creates an account with a hashed password and its memberships.
 *
 * @example
 * ```ts
 * await createAccount(db, DEMO_ACCOUNTS.citizen, new Date());
 * ```
 */
export async function createAccount(
  db: Db,
  account: Omit<DemoAccount, 'locale'> & { locale?: string },
  now: Date,
): Promise<void> {
  const passwordHash = await hashPassword(account.password);
  await db.atomic(async () => {
    await db.write(
      'INSERT INTO accounts (id, email, display_name, password_hash, roles, locale, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      [
        account.id,
        account.email.toLowerCase(),
        account.displayName,
        passwordHash,
        JSON.stringify(account.roles),
        account.locale ?? null,
        toInstant(now),
      ],
    );
    for (const membership of account.memberships) {
      await db.write('INSERT INTO memberships (account_id, association_id, role) VALUES (?, ?, ?)', [
        account.id,
        membership.associationId,
        membership.role,
      ]);
    }
  });
}

/**
 * Seeds the core demo accounts.
 *
 * @example
 * ```ts
 * await seedCoreAccounts(db, new Date());
 * ```
 */
export async function seedCoreAccounts(db: Db, now: Date): Promise<void> {
  for (const account of Object.values(DEMO_ACCOUNTS)) await createAccount(db, account, now);
}
