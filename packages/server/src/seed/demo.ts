import type { Membership, Role } from '@nassij/contract';
import { hashPassword } from '../auth/password.js';
import { toInstant } from '../auth/tokens.js';
import type { Db } from '../db/db.js';

/**
 * The keys of the demo accounts: one per role of the public and the platform, then the staff of the demo
 * ministry (`ministry…`) and regional council (`region…`), one per staff role.
 */
export type DemoAccountKey =
  | 'citizen'
  | 'member'
  | 'representative'
  | 'reviewer'
  | 'moderator'
  | 'admin'
  | 'ministryAdmin'
  | 'ministryCallManager'
  | 'ministryReviewer'
  | 'regionAdmin'
  | 'regionCallManager'
  | 'regionReviewer'
  | 'ministryConsultationManager'
  | 'trainingManager';

/** A demo account as seeded (the password is a demo password, printed by the CLI). */
export interface DemoAccount {
  id: string;
  email: string;
  password: string;
  displayName: string;
  roles: Role[];
  memberships: Membership[];
  locale: 'ar' | 'fr' | 'zgh' | 'en';
  /** The organisation a staff account works for (created by the organisations area); none for the others. */
  organisationId?: string;
}

/** The demo ministry: it runs the demo call `call_0001` (the calls seed gives it the first national sector). */
const DEMO_MINISTRY = 'org_relations-parliament';
/** The demo regional council, of Souss-Massa (MA-09), the region of the demo association. */
const DEMO_REGIONAL_COUNCIL = 'org_region-souss-massa';

/**
 * The demo accounts. Membership association ids `asso_0001` and `asso_0002` are created by the
 * associations area's seed; the staff accounts' organisations by the organisations area. The demo reviewer
 * `acc_0004` belongs to no organisation: an independent expert any organisation may assign.
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
  ministryAdmin: {
    id: 'acc_0007',
    email: 'ministry-admin@demo.nassij.ma',
    password: 'demo-ministry-admin-2026',
    displayName: 'سعاد المنصوري',
    roles: ['organisation_admin'],
    memberships: [],
    locale: 'ar',
    organisationId: DEMO_MINISTRY,
  },
  ministryCallManager: {
    id: 'acc_0008',
    email: 'ministry-manager@demo.nassij.ma',
    password: 'demo-ministry-manager-2026',
    displayName: 'Mehdi Berrada',
    roles: ['call_manager'],
    memberships: [],
    locale: 'fr',
    organisationId: DEMO_MINISTRY,
  },
  ministryReviewer: {
    id: 'acc_0009',
    email: 'ministry-reviewer@demo.nassij.ma',
    password: 'demo-ministry-reviewer-2026',
    displayName: 'Salma Chraibi',
    roles: ['reviewer'],
    memberships: [],
    locale: 'en',
    organisationId: DEMO_MINISTRY,
  },
  regionAdmin: {
    id: 'acc_0010',
    email: 'region-admin@demo.nassij.ma',
    password: 'demo-region-admin-2026',
    displayName: 'Brahim Aït Ouaziz',
    roles: ['organisation_admin'],
    memberships: [],
    locale: 'fr',
    organisationId: DEMO_REGIONAL_COUNCIL,
  },
  regionCallManager: {
    id: 'acc_0011',
    email: 'region-manager@demo.nassij.ma',
    password: 'demo-region-manager-2026',
    displayName: 'لطيفة أمزيل',
    roles: ['call_manager'],
    memberships: [],
    locale: 'ar',
    organisationId: DEMO_REGIONAL_COUNCIL,
  },
  regionReviewer: {
    id: 'acc_0012',
    email: 'region-reviewer@demo.nassij.ma',
    password: 'demo-region-reviewer-2026',
    displayName: 'Mohamed Idrar',
    roles: ['reviewer'],
    memberships: [],
    locale: 'zgh',
    organisationId: DEMO_REGIONAL_COUNCIL,
  },
  ministryConsultationManager: {
    id: 'acc_0013',
    email: 'ministry-consultations@demo.nassij.ma',
    password: 'demo-ministry-consultations-2026',
    displayName: 'نادية الإدريسي',
    roles: ['consultation_manager'],
    memberships: [],
    locale: 'ar',
    organisationId: DEMO_MINISTRY,
  },
  /** The training manager of the provincial council of Azilal, which provides the demo course `crs_0001`. */
  trainingManager: {
    id: 'acc_0014',
    email: 'training-manager@demo.nassij.ma',
    password: 'demo-training-manager-2026',
    displayName: 'Rachida Aït Ouaziz',
    roles: ['training_manager'],
    memberships: [],
    locale: 'fr',
    organisationId: 'org_province-azilal',
  },
};

/**
 * Creates an account with a hashed password and its memberships. An account with an `organisationId` needs
 * the organisations area (its migration adds the column, and the organisation must exist).
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
  const columns = ['id', 'email', 'display_name', 'password_hash', 'roles', 'locale', 'created_at'];
  const values = [
    account.id,
    account.email.toLowerCase(),
    account.displayName,
    passwordHash,
    JSON.stringify(account.roles),
    account.locale ?? null,
    toInstant(now),
  ];
  // Named only when set: a server without the organisations area has no such column.
  if (account.organisationId !== undefined) {
    columns.push('organisation_id');
    values.push(account.organisationId);
  }
  await db.atomic(async () => {
    await db.write(
      `INSERT INTO accounts (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
      values,
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
 * Seeds the core demo accounts: those of no organisation (the public, associations, the independent
 * reviewer, the moderator and the platform admin), before any area seeds.
 *
 * @example
 * ```ts
 * await seedCoreAccounts(db, new Date());
 * ```
 */
export async function seedCoreAccounts(db: Db, now: Date): Promise<void> {
  for (const account of Object.values(DEMO_ACCOUNTS))
    if (account.organisationId === undefined) await createAccount(db, account, now);
}

/**
 * Seeds the demo staff accounts, those of an organisation: the organisations area's demo seed does, once
 * its migration has added `accounts.organisation_id` and created the organisations.
 *
 * @example
 * ```ts
 * const area: Area = { name: 'organisations', seedDemo: ({ db, now }) => seedStaffAccounts(db, now), … };
 * ```
 */
export async function seedStaffAccounts(db: Db, now: Date): Promise<void> {
  for (const account of Object.values(DEMO_ACCOUNTS))
    if (account.organisationId !== undefined) await createAccount(db, account, now);
}
