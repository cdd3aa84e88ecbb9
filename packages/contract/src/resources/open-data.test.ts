import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { queryToObject, validate } from '../shared/validate.js';
import {
  DataCatalogue,
  Dataset,
  ExportParams,
  ExportQuery,
  ThreeSixtyGivingGrant,
  ThreeSixtyGivingPackage,
  toAmountAwarded,
} from './open-data.js';

const dataset: Dataset = {
  id: 'awards',
  title: { ar: 'المنح الممنوحة', fr: 'Subventions attribuées', zgh: 'ⵜⵉⵡⵉⵙⵉⵏ' },
  description: { ar: 'سطر لكل منحة تقرر منحها' },
  licence: { id: 'etalab-2.0', url: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/' },
  formats: [
    { mediaType: 'text/csv', url: '/v1/open-data/awards?format=csv' },
    { mediaType: 'application/json', url: '/v1/open-data/awards?format=json' },
  ],
  schemaUrl: 'https://nassij.ma/schemas/awards.json',
  lastUpdated: '2026-06-01T00:00:00Z',
  recordCount: 1830,
};

const grant: ThreeSixtyGivingGrant = {
  id: '360G-nassij-awd_sample',
  title: 'دعم مشروع محو الأمية',
  description: 'ⴰⵙⵏⴼⵍⵓⵍ ⵏ ⵜⵖⵔⵉ',
  currency: 'MAD',
  amountAwarded: 150000.5,
  awardDate: '2026-06-15',
  recipientOrganization: [{ id: 'MA-ASSO-12345', name: 'جمعية الأمل' }],
  fundingOrganization: [{ id: 'MA-GOV-MRP', name: 'Ministère chargé des relations avec le Parlement' }],
  beneficiaryLocation: [
    { name: 'Casablanca-Settat', countryCode: 'MA', geoCode: 'MA-06', geoCodeType: 'RGN' },
  ],
  fromOpenCall: 'Yes',
  plannedDates: [{ startDate: '2026-07-01', endDate: '2027-06-30', duration: 12 }],
};

function codes(result: ReturnType<typeof validate>): string[] {
  return result.ok ? [] : result.errors.map((e) => `${e.path}:${e.code}`);
}

describe('Dataset and DataCatalogue', () => {
  it('accepts a dataset and a catalogue', () => {
    assert.equal(validate(Dataset, dataset).ok, true);
    assert.equal(validate(DataCatalogue, { datasets: [dataset], publisher: { ar: 'الوزارة' } }).ok, true);
  });

  it('refuses an unknown licence, media type and dataset, no formats, and a javascript: licence link', () => {
    assert.deepEqual(codes(validate(Dataset, { ...dataset, licence: { ...dataset.licence, id: 'ODbL' } })), [
      '/licence/id:invalid_value',
    ]);
    assert.deepEqual(
      codes(validate(Dataset, { ...dataset, formats: [{ mediaType: 'text/xml', url: '/x' }] })),
      ['/formats/0/mediaType:invalid_value'],
    );
    assert.deepEqual(codes(validate(Dataset, { ...dataset, id: 'people' })), ['/id:invalid_value']);
    assert.deepEqual(codes(validate(Dataset, { ...dataset, formats: [] })), ['/formats:too_short']);
    const licence = { id: 'CC-BY-4.0', url: 'javascript:alert(1)' };
    assert.deepEqual(codes(validate(Dataset, { ...dataset, licence })), ['/licence/url:invalid_format']);
    assert.deepEqual(codes(validate(Dataset, { ...dataset, recordCount: -1 })), ['/recordCount:too_small']);
  });
});

describe('ExportParams and ExportQuery', () => {
  it('exports every dataset but the 360Giving package, which has its own route', () => {
    assert.equal(validate(ExportParams, { dataset: 'training-sessions' }).ok, true);
    assert.deepEqual(codes(validate(ExportParams, { dataset: 'awards-360giving' })), [
      '/dataset:invalid_value',
    ]);
    assert.deepEqual(codes(validate(ExportParams, { dataset: 'awards', x: 1 }, 'path')), [
      '/x:unknown_field',
    ]);
  });

  it('defaults to CSV, coerces the year and refuses unknown fields', () => {
    const parse = (query: string) =>
      validate(ExportQuery, queryToObject(ExportQuery, new URLSearchParams(query)), 'query');
    const result = parse('year=2026&region=MA-06');
    assert.ok(result.ok);
    assert.deepEqual(result.value, { format: 'csv', year: 2026, region: 'MA-06' });
    assert.deepEqual(codes(parse('format=xlsx')), ['/format:invalid_value']);
    assert.deepEqual(codes(parse('year=abc')), ['/year:invalid_type']);
    assert.deepEqual(codes(parse('delimiter=;')), ['/delimiter:unknown_field']);
  });
});

describe('ThreeSixtyGivingGrant', () => {
  it('accepts a grant with Arabic and Tifinagh text, and extra fields the standard allows', () => {
    assert.equal(validate(ThreeSixtyGivingGrant, grant).ok, true);
    assert.equal(
      validate(ThreeSixtyGivingGrant, { ...grant, classifications: [{ code: 'education' }] }).ok,
      true,
    );
    assert.equal(validate(ThreeSixtyGivingPackage, { grants: [grant] }).ok, true);
  });

  it('refuses an id without prefix, another currency, a string amount, a datetime and a foreign country', () => {
    assert.deepEqual(codes(validate(ThreeSixtyGivingGrant, { ...grant, id: 'awd_sample' })), [
      '/id:invalid_format',
    ]);
    assert.deepEqual(codes(validate(ThreeSixtyGivingGrant, { ...grant, currency: 'EUR' })), [
      '/currency:invalid_value',
    ]);
    assert.deepEqual(codes(validate(ThreeSixtyGivingGrant, { ...grant, amountAwarded: '150000.50' })), [
      '/amountAwarded:invalid_type',
    ]);
    assert.deepEqual(codes(validate(ThreeSixtyGivingGrant, { ...grant, amountAwarded: -1 })), [
      '/amountAwarded:too_small',
    ]);
    assert.deepEqual(
      codes(validate(ThreeSixtyGivingGrant, { ...grant, awardDate: '2026-06-15T10:00:00Z' })),
      ['/awardDate:invalid_format'],
    );
    const beneficiaryLocation = [{ name: 'Paris', countryCode: 'FR' }];
    assert.deepEqual(codes(validate(ThreeSixtyGivingGrant, { ...grant, beneficiaryLocation })), [
      '/beneficiaryLocation/0/countryCode:invalid_value',
    ]);
    assert.deepEqual(codes(validate(ThreeSixtyGivingGrant, { ...grant, recipientOrganization: [] })), [
      '/recipientOrganization:too_short',
    ]);
    assert.deepEqual(codes(validate(ThreeSixtyGivingGrant, { ...grant, fromOpenCall: 'yes' })), [
      '/fromOpenCall:invalid_value',
    ]);
  });

  it('refuses a package without grants', () => {
    assert.deepEqual(codes(validate(ThreeSixtyGivingPackage, {})), ['/grants:required']);
  });
});

describe('toAmountAwarded', () => {
  it('reads the decimal string exactly as the standard number', () => {
    assert.equal(toAmountAwarded({ amount: '150000.50', currency: 'MAD' }), 150000.5);
    assert.equal(toAmountAwarded({ amount: '0.01', currency: 'MAD' }), 0.01);
    assert.equal(
      String(toAmountAwarded({ amount: '9999999999999.99', currency: 'MAD' })),
      '9999999999999.99',
    );
  });

  it('refuses an amount a JSON number cannot carry exactly', () => {
    assert.throws(() => toAmountAwarded({ amount: '999999999999999.99', currency: 'MAD' }), RangeError);
  });
});
