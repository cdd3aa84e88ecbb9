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
  toAmountAwarded,
} from '@nassij/contract';
import { dataVersionsReady, versionOf } from '../../db/data-versions.js';
import type { Db } from '../../db/db.js';
import { currentDataVersions } from '../../db/versioned-cache.js';
import type { ApiApp, HandlerInput } from '../../http/app.js';
import { problem } from '../../http/problem.js';
import { csvLine } from './csv.js';
import { DATASETS, type DatasetSource, datasetFigures, type ExportFilter, readPage } from './datasets.js';
import { type AwardPosition, readAwardPage } from './store.js';

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
export async function buildCatalogue(db: Db): Promise<DataCatalogue> {
  // One dataset at a time: each runs a count that may read a large index.
  const datasets: Dataset[] = [];
  let awards: { count: number; lastChange: string | null } = { count: 0, lastChange: null };
  for (const id of EXPORTABLE_DATASET_IDS) {
    const source = DATASETS[id];
    const figures = await datasetFigures(db, source, {});
    if (id === 'awards') awards = figures;
    datasets.push({
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
    });
  }
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

/** Where a 360Giving page stops: the last award read, in the package's order. */
export type GrantCursor = AwardPosition;

/**
 * One page of the 360Giving grants after `after`, oldest decision first (a keyset read, see
 * {@link readAwardPage}), each recipient identified by its register number.
 *
 * @example
 * ```ts
 * const { grants, last } = await readGrantPage(db, undefined, 500);
 * const next = await readGrantPage(db, last, 500);
 * ```
 */
export async function readGrantPage(
  db: Db,
  after: GrantCursor | undefined,
  limit: number,
): Promise<{ grants: ThreeSixtyGivingGrant[]; last: GrantCursor | undefined }> {
  const { awards, registrationNumbers, last } = await readAwardPage(db, after, limit);
  return {
    grants: awards.map((award) => toGrant(award, registrationNumbers.get(award.associationId))),
    last,
  };
}

/**
 * Every award as a 360Giving package (`{"grants":[…]}`), streamed page by page like the exports: memory
 * stays flat whatever the number of awards.
 *
 * @example
 * ```ts
 * const body = awardsPackageStream(db);
 * const pkg = (await new Response(body).json()) as ThreeSixtyGivingPackage;
 * ```
 */
export function awardsPackageStream(db: Db): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let after: GrantCursor | undefined;
  let first = true;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode('{"grants":['));
    },
    async pull(controller) {
      const { grants, last } = await readGrantPage(db, after, EXPORT_BATCH);
      if (grants.length === 0 || last === undefined) {
        controller.enqueue(encoder.encode(']}\n'));
        controller.close();
        return;
      }
      after = last;
      let chunk = '';
      for (const grant of grants) {
        chunk += `${first ? '\n' : ',\n'}${JSON.stringify(grant)}`;
        first = false;
      }
      controller.enqueue(encoder.encode(chunk));
    },
  });
}

/**
 * A download of a dataset as a stream: rows are read in batches of {@link EXPORT_BATCH} only when the
 * client is ready for more (each `pull` awaits one page, and the stream asks for the next only once the
 * previous chunk has been taken), so memory stays flat whatever the size. Pages are read outside any
 * transaction, on SQLite's reader threads, so the server keeps answering other requests meanwhile. CSV starts with a UTF-8 BOM (Excel
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
    async pull(controller) {
      const { records, last } = await readPage(db, source, filter, after, EXPORT_BATCH, now.toISOString());
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

/** Every table the catalogue's figures read. */
const CATALOGUE_TABLES = [...new Set(Object.values(DATASETS).flatMap((source) => source.tables))];

/**
 * The catalogue kept per data version of the tables it counts: its counts run once per change of those
 * tables, not on every request (see db/data-versions.ts). Without version triggers (their install
 * failed, and was logged), it is built on every request.
 *
 * @example
 * ```ts
 * const catalogue = catalogueCache(app);
 * (await catalogue()).datasets.length;
 * ```
 */
export function catalogueCache(app: ApiApp): () => Promise<DataCatalogue> {
  const db = app.db;
  const ready = dataVersionsReady(db, (error) =>
    app.logger.error('data versions unavailable; the catalogue is counted on every request', {
      error: error instanceof Error ? error.message : String(error),
    }),
  );
  let kept: { version: string; value: Promise<DataCatalogue> } | undefined;
  return async () => {
    if (!(await ready)) return await buildCatalogue(db);
    // The version is read before counting: a write during the count only costs a recount next time.
    const version = versionOf(await currentDataVersions(db), CATALOGUE_TABLES);
    if (kept?.version !== version) {
      const value = buildCatalogue(db);
      kept = { version, value };
      // A failed build is not kept: the next request tries again.
      value.catch(() => {
        if (kept?.value === value) kept = undefined;
      });
    }
    return await kept.value;
  };
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
  const catalogue = catalogueCache(app);
  app.bind(getCatalogue, async () => ({ body: await catalogue() }));
  app.bind(getAwards360, awards360Handler);
  app.bind(exportDataset, exportHandler);
}

/**
 * `GET /v1/open-data/awards-360giving`: the 360Giving package, streamed.
 *
 * @example
 * ```ts
 * app.bind(getAwards360, awards360Handler);
 * ```
 */
export function awards360Handler({ db }: HandlerInput<typeof getAwards360>): Response {
  return new Response(awardsPackageStream(db), {
    status: 200,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'public, max-age=300' },
  });
}

/**
 * `GET /v1/open-data/{dataset}`: one dataset as a streamed CSV or JSON download, optionally filtered.
 *
 * @example
 * ```ts
 * app.bind(exportDataset, exportHandler);
 * ```
 */
export function exportHandler({ params, query, db, now }: HandlerInput<typeof exportDataset>): Response {
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
      'content-type': query.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
      'content-disposition': `attachment; filename="${name}.${query.format}"`,
      'cache-control': 'public, max-age=300',
    },
  });
}
