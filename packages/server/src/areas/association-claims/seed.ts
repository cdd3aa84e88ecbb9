// The demo's one pending claim: the demo citizen claims an association of the directory, so that the
// platform admin's queue of claims is not empty on a fresh demo (`demoFixtures.claims.pendingOfCitizen`).
import { toInstant } from '../../auth/tokens.js';
import { demoFixtures } from '../../seed/fixtures.js';
import { sha256Hex, storeFile } from '../applications/files.js';
import type { SeedContext } from '../area.js';
import { readAssociation } from '../associations/store.js';
import { insertClaim } from './store.js';

/** A small but real PDF, so that a reviewer of the demo can open the receipt and the mandate. */
function demoPdf(title: string): Uint8Array {
  return new TextEncoder().encode(
    `%PDF-1.4\n% ${title}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`,
  );
}

/**
 * Seeds the pending claim of the demo citizen on `demoFixtures.associations.claimedByCitizen`, filed a day
 * before the seed's instant, with its receipt and mandate stored.
 *
 * @example
 * ```ts
 * await seedAssociationClaims(ctx);
 * ```
 */
export async function seedAssociationClaims(ctx: SeedContext): Promise<void> {
  const associationId = demoFixtures.associations.claimedByCitizen;
  const association = await readAssociation(ctx.db, associationId);
  if (!association) throw new Error(`The demo association ${associationId} is missing`);
  const files = { receipt: demoPdf('Récépissé de dépôt'), mandate: demoPdf('Mandat du bureau') };
  for (const bytes of Object.values(files)) await storeFile(ctx.dataDir, bytes);
  const stored = (bytes: Uint8Array, fileName: string) => ({
    sha256: `sha256:${sha256Hex(bytes)}`,
    fileName,
    size: bytes.byteLength,
    mediaType: 'application/pdf',
  });
  await ctx.db.atomic(() =>
    insertClaim(
      ctx.db,
      {
        id: demoFixtures.claims.pendingOfCitizen,
        accountId: ctx.accounts.citizen.id,
        kind: 'claim',
        associationId,
        associationName: association.name,
        region: association.region,
        receiptNumber: association.registrationNumber,
        receiptDate: association.foundedOn,
        state: 'pending',
        createdAt: toInstant(new Date(ctx.now.getTime() - 86_400_000)),
      },
      {
        receipt: stored(files.receipt, 'recepisse.pdf'),
        mandate: stored(files.mandate, 'mandat.pdf'),
      },
    ),
  );
}
