import type { Association } from '@nassij/contract';
import { sha256Hex, storeFile } from '../applications/files.js';
import type { SeedContext } from '../area.js';
import { insertVaultDocument, type StoredVaultDocument } from './store.js';

const DAY = 86_400_000;

/**
 * The one small PDF every seeded vault row points at: the demo proves what the vault does (lists, the
 * directory's "annual reports filed", attachments from it) without storing thousands of files.
 */
export const SEEDED_PDF = new TextEncoder().encode(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n' +
    'trailer<</Root 1 0 R>>\n%%EOF\n',
);

/**
 * Seeds the vaults of the demo associations, in association order with sequential ids (`vdoc_000001` is the
 * statutes of `asso_0001`): statutes for every association, then an activity and a financial report for each
 * year its record says it filed, so that `compliance.annualReportsFiled` is exactly what its vault proves;
 * `asso_0001` also has general-assembly minutes, a valid bank certificate and an expired one.
 *
 * @example
 * ```ts
 * const area: Area = { name: 'association-documents', migrations, seedDemo: seedVaultDocuments, register };
 * ```
 */
export async function seedVaultDocuments(ctx: SeedContext): Promise<void> {
  const { db, now } = ctx;
  const hex = sha256Hex(SEEDED_PDF);
  await storeFile(ctx.dataDir, SEEDED_PDF, hex);
  const file = {
    size: SEEDED_PDF.byteLength,
    mediaType: 'application/pdf' as const,
    sha256: `sha256:${hex}`,
    scanState: 'clean' as const,
  };
  // Days away from the seeding instant, never on its day (the time-travel suite checks it).
  const daysAgo = (days: number) => new Date(now.getTime() - days * DAY).toISOString();
  const dateIn = (days: number) => new Date(now.getTime() + days * DAY).toISOString().slice(0, 10);
  const associations = (await db.all<{ data: string }>('SELECT data FROM associations ORDER BY id')).map(
    (row) => JSON.parse(row.data) as Association,
  );
  let n = 0;
  const nextId = () => `vdoc_${String(++n).padStart(6, '0')}`;
  await db.atomic(async () => {
    for (const [index, association] of associations.entries()) {
      const documents: StoredVaultDocument[] = [
        {
          id: nextId(),
          associationId: association.id,
          kind: 'statutes',
          fileName: 'statuts.pdf',
          ...file,
          uploadedAt: daysAgo(200),
        },
      ];
      for (const year of association.compliance.annualReportsFiled) {
        for (const kind of ['activity_report', 'financial_report'] as const)
          documents.push({
            id: nextId(),
            associationId: association.id,
            kind,
            year,
            fileName: kind === 'activity_report' ? 'rapport-activite.pdf' : 'rapport-financier.pdf',
            ...file,
            uploadedAt: `${year + 1}-04-10T09:00:00.000Z`,
          });
      }
      if (index === 0) {
        // The first association (`asso_0001`, the representative's): a fuller vault for the demo.
        documents.push(
          {
            id: nextId(),
            associationId: association.id,
            kind: 'general_assembly_minutes',
            fileName: 'pv-assemblee-generale.pdf',
            ...file,
            uploadedAt: daysAgo(60),
          },
          {
            id: nextId(),
            associationId: association.id,
            kind: 'bank_certificate',
            validFrom: dateIn(-30),
            validUntil: dateIn(150),
            fileName: 'attestation-rib.pdf',
            ...file,
            uploadedAt: daysAgo(30),
          },
          {
            id: nextId(),
            associationId: association.id,
            kind: 'bank_certificate',
            validFrom: dateIn(-400),
            validUntil: dateIn(-40),
            fileName: 'attestation-rib-ancienne.pdf',
            ...file,
            uploadedAt: daysAgo(400),
          },
        );
      }
      for (const document of documents) await insertVaultDocument(db, document);
    }
  });
}
