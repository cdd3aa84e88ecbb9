import {
  type Award,
  casablancaDate,
  type DataCatalogue,
  type Dataset,
  EXPORTABLE_DATASET_IDS,
  exportDataset,
  getAwards360,
  getCatalogue,
  type LocalizedText,
  REGIONS,
  type ThreeSixtyGivingGrant,
  type ThreeSixtyGivingPackage,
  toAmountAwarded,
} from '@nassij/contract';
import type { Db } from '../../db/db.js';
import type { ApiApp } from '../../http/app.js';
import { problem } from '../../http/problem.js';
import { awardsFromRows } from '../calls/store.js';
import { csvLine } from './csv.js';
import { DATASETS, type DatasetSource, datasetFigures, type ExportFilter, readPage } from './datasets.js';

/** Rows read per batch while streaming an export. */
export const EXPORT_BATCH = 500;

/**
 * The licence of every dataset: CC BY 4.0, the international open licence that the 360Giving standard and
 * most open data portals accept as is (Etalab 2.0 is equivalent but French-specific).
 */
export const LICENCE = { id: 'CC-BY-4.0', url: 'https://creativecommons.org/licenses/by/4.0/' } as const;

/** Who publishes the data: the ministry that leads commitment MO0057. */
export const PUBLISHER: LocalizedText = {
  ar: 'الوزارة المكلفة بالعلاقات مع البرلمان',
  fr: 'Ministère délégué chargé des relations avec le Parlement',
  en: 'Ministry in charge of relations with Parliament',
};

/** The 360Giving identifier prefix of the platform's grants. */
export const GRANT_PREFIX = '360G-nassij-';

const AWARDS_360: Pick<Dataset, 'title' | 'description'> = {
  title: {
    ar: 'المنح وفق معيار 360Giving',
    fr: 'Subventions au standard 360Giving',
    en: 'Awards in the 360Giving standard',
  },
  description: {
    ar: 'المنح الممنوحة في شكل حزمة بيانات 360Giving (JSON).',
    fr: 'Les subventions attribuées sous forme de paquet de données 360Giving (JSON).',
    en: 'The awards as a 360Giving data package (JSON).',
  },
};

const EPOCH = '1970-01-01T00:00:00Z';

/**
 * The open data catalogue: each dataset with its licence, download links, record count and newest change.
 *
 * @example
 * ```ts
 * buildCatalogue(db).datasets.find((d) => d.id === 'awards')?.recordCount;
 * ```
 */
export function buildCatalogue(db: Db): DataCatalogue {
  const datasets: Dataset[] = EXPORTABLE_DATASET_IDS.map((id) => {
    const source = DATASETS[id];
    const figures = datasetFigures(db, source, {});
    return {
      id,
      title: source.title,
      description: source.description,
      licence: LICENCE,
      formats: [
        { mediaType: 'text/csv', url: `/v1/open-data/${id}?format=csv` },
        { mediaType: 'application/json', url: `/v1/open-data/${id}?format=json` },
      ],
      lastUpdated: figures.lastChange ?? EPOCH,
      recordCount: figures.count,
    };
  });
  const awards = datasetFigures(db, DATASETS.awards, {});
  datasets.push({
    id: 'awards-360giving',
    ...AWARDS_360,
    licence: LICENCE,
    formats: [{ mediaType: 'application/json', url: '/v1/open-data/awards-360giving' }],
    schemaUrl: '/openapi.json#/components/schemas/ThreeSixtyGivingPackage',
    lastUpdated: awards.lastChange ?? EPOCH,
    recordCount: awards.count,
  });
  return { datasets, publisher: PUBLISHER };
}

const pick = (value: LocalizedText): string => value.fr ?? value.ar ?? value.en ?? value.zgh ?? '';

/**
 * One award as a 360Giving grant. Recipients are identified `MA-ASSO-<registration number>` (the
 * association's number in the national register; org-id.guide lists no Moroccan scheme yet), funders
 * `MA-SECTOR-<sector code>` (the platform's reference data).
 *
 * @example
 * ```ts
 * toGrant(award, 'REC-2011-00458').id; // '360G-nassij-awd_0001'
 * ```
 */
export function toGrant(award: Award, registrationNumber: string | undefined): ThreeSixtyGivingGrant {
  const region = REGIONS.find((r) => r.code === award.region);
  const callTitle = pick(award.callTitle);
  return {
    id: `${GRANT_PREFIX}${award.id}`,
    title: award.projectTitle.trim() || callTitle,
    description: `${callTitle} (${award.callReference})`,
    currency: 'MAD',
    amountAwarded: toAmountAwarded(award.amount),
    awardDate: casablancaDate(award.decidedAt),
    recipientOrganization: [
      {
        id: `MA-ASSO-${registrationNumber ?? award.associationId}`,
        name: award.associationName.ar ?? pick(award.associationName),
      },
    ],
    fundingOrganization: [{ id: `MA-SECTOR-${award.funder.sectorCode}`, name: pick(award.funder.name) }],
    ...(region
      ? {
          beneficiaryLocation: [
            { name: pick(region.name), countryCode: 'MA' as const, geoCode: region.code, geoCodeType: 'RGN' },
          ],
        }
      : {}),
    fromOpenCall: 'Yes',
  };
}

/**
 * Every award as a 360Giving package, oldest decision first.
 *
 * @example
 * ```ts
 * awardsPackage(db).grants.length;
 * ```
 */
export function awardsPackage(db: Db): ThreeSixtyGivingPackage {
  const numbers = new Map(
    db
      .query<{ id: string; registration_number: string }>(
        'SELECT id, registration_number FROM associations WHERE id IN (SELECT association_id FROM awards)',
      )
      .map((row) => [row.id, row.registration_number]),
  );
  const awards = awardsFromRows(db.query('SELECT * FROM awards ORDER BY decided_at, id'));
  return { grants: awards.map((award) => toGrant(award, numbers.get(award.associationId))) };
}

/**
 * A download of a dataset as a stream: rows are read in batches of {@link EXPORT_BATCH} only when the
 * client is ready for more, so memory stays flat whatever the size. CSV starts with a UTF-8 BOM (Excel
 * then reads Arabic correctly) and a header row; JSON is one array of records.
 *
 * @example
 * ```ts
 * const body = exportStream(db, DATASETS.calls, {}, 'csv', new Date());
 * ```
 */
export function exportStream(
  db: Db,
  source: DatasetSource,
  filter: ExportFilter,
  format: 'csv' | 'json',
  now: Date,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let after = '';
  let first = true;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(format === 'csv' ? `\uFEFF${source.columns.join(',')}\r\n` : '['));
    },
    pull(controller) {
      const { records, last } = readPage(db, source, filter, after, EXPORT_BATCH, now.toISOString());
      if (records.length === 0 || last === undefined) {
        if (format === 'json') controller.enqueue(encoder.encode(']\n'));
        controller.close();
        return;
      }
      after = last;
      let chunk = '';
      for (const record of records) {
        if (format === 'csv') chunk += csvLine(source.columns, record);
        else {
          chunk += `${first ? '\n' : ',\n'}${JSON.stringify(record)}`;
          first = false;
        }
      }
      controller.enqueue(encoder.encode(chunk));
    },
  });
}

/**
 * Binds the catalogue, the 360Giving package and the streamed exports.
 *
 * @example
 * ```ts
 * registerOpenDataRoutes(app);
 * ```
 */
export function registerOpenDataRoutes(app: ApiApp): void {
  app.bind(getCatalogue, ({ db }) => ({ body: buildCatalogue(db) }));
  app.bind(getAwards360, ({ db }) => ({ body: awardsPackage(db) }));
  app.bind(exportDataset, ({ params, query, db, now }) => {
    const source = DATASETS[params.dataset];
    if (!source) throw problem('not_found', `No dataset ${params.dataset}`);
    if (query.consultationId && source.id !== 'contributions' && source.id !== 'consultations')
      throw problem(
        'validation_failed',
        'consultationId filters the consultations and contributions datasets only',
        {
          errors: [
            {
              path: '/consultationId',
              in: 'query',
              code: 'not_allowed',
              message: `The ${source.id} dataset has no consultation filter`,
            },
          ],
        },
      );
    const filter: ExportFilter = {
      ...(query.year !== undefined ? { year: query.year } : {}),
      ...(query.region ? { region: query.region } : {}),
      ...(query.consultationId ? { consultationId: query.consultationId } : {}),
    };
    const name = ['nassij', source.id, query.consultationId, query.year, query.region]
      .filter((x) => x !== undefined)
      .join('-');
    return new Response(exportStream(db, source, filter, query.format, now), {
      status: 200,
      headers: {
        'content-type':
          query.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
        'content-disposition': `attachment; filename="${name}.${query.format}"`,
        'cache-control': 'public, max-age=300',
      },
    });
  });
}
