import assert from 'node:assert/strict';
import { test } from 'node:test';
import { queryToObject, validate } from '../shared/validate.js';
import {
  Association,
  AssociationParams,
  AssociationSearchQuery,
  AssociationSummary,
  LegalForm,
  MyAssociations,
  SizeBand,
} from './association.js';

const amal: Association = {
  id: 'asso_sample',
  registrationNumber: 'REC-2011-0458',
  name: { ar: 'جمعية أمل للتنمية', fr: 'Association Amal pour le développement', zgh: 'ⵜⴰⵎⵙⵙⵓⴷⵙⵜ ⴰⵎⴰⵍ' },
  acronym: 'AAD',
  legalForm: 'association',
  foundedOn: '2011-05-14',
  region: 'MA-09',
  province: { fr: 'Taroudant', ar: 'تارودانت' },
  commune: { fr: 'Tafraout' },
  domains: ['education', 'water'],
  sizeBand: '1-5',
  contact: {
    email: 'contact@amal.ma',
    phone: '+212 528 00 00 00',
    address: { ar: 'شارع الحسن الثاني، تافراوت' },
  },
  website: 'https://amal.ma',
  publicUtility: false,
  compliance: { annualReportsFiled: [2023, 2024, 2025] },
  stats: {
    callsAppliedTo: 4,
    awardsReceived: 1,
    amountReceived: { amount: '150000.00', currency: 'MAD' },
    trainingsAttended: 3,
  },
};

test('Association accepts a full record with Arabic and Tifinagh names', () => {
  const result = validate(Association, amal);
  assert.ok(result.ok);
  if (result.ok) assert.equal(result.value.name.zgh, 'ⵜⴰⵎⵙⵙⵓⴷⵙⵜ ⴰⵎⴰⵍ');
});

test('Association accepts a minimal record', () => {
  const { acronym, province, commune, website, stats, ...minimal } = amal;
  assert.ok(validate(Association, { ...minimal, contact: {} }).ok);
});

test('Association refuses bad fields with stable codes', () => {
  const cases: [Record<string, unknown>, string, string][] = [
    [{ region: 'MA-13' }, '/region', 'invalid_format'],
    [{ legalForm: 'cooperative' }, '/legalForm', 'invalid_value'],
    [{ sizeBand: '100' }, '/sizeBand', 'invalid_value'],
    [{ domains: [] }, '/domains', 'too_short'],
    [{ domains: ['football'] }, '/domains/0', 'invalid_value'],
    [{ foundedOn: '2011-13-01' }, '/foundedOn', 'invalid_format'],
    [{ website: 'javascript:alert(1)' }, '/website', 'invalid_format'],
    [{ compliance: { annualReportsFiled: [2024.5] } }, '/compliance/annualReportsFiled/0', 'invalid_type'],
    [{ name: {} }, '/name', 'required'],
    [
      { stats: { ...amal.stats, amountReceived: { amount: 150000, currency: 'MAD' } } },
      '/stats/amountReceived/amount',
      'invalid_type',
    ],
  ];
  for (const [patch, path, code] of cases) {
    const result = validate(Association, { ...amal, ...patch });
    assert.equal(result.ok, false, JSON.stringify(patch));
    if (!result.ok)
      assert.deepEqual([result.errors[0]?.path, result.errors[0]?.code], [path, code], JSON.stringify(patch));
  }
});

test('a public-utility association must have publicUtility set', () => {
  const result = validate(Association, {
    ...amal,
    legalForm: 'public_utility_association',
    publicUtility: false,
  });
  assert.equal(result.ok, false);
  if (!result.ok) assert.equal(result.errors[0]?.path, '/publicUtility');
  assert.ok(
    validate(Association, { ...amal, legalForm: 'public_utility_association', publicUtility: true }).ok,
  );
});

test('Association has no members field: personal data is refused as unknown', () => {
  const result = validate(
    Association,
    { ...amal, members: [{ name: 'Amina', phone: '+212600000000' }] },
    'body',
  );
  assert.equal(result.ok, false);
  if (!result.ok) {
    assert.deepEqual(result.errors, [
      { path: '/members', in: 'body', code: 'unknown_field', message: 'Unknown field "members"' },
    ]);
  }
  const contact = validate(Association, { ...amal, contact: { ...amal.contact, president: 'Amina' } });
  assert.equal(contact.ok, false);
  if (!contact.ok) assert.equal(contact.errors[0]?.path, '/contact/president');
});

test('LegalForm and SizeBand list their values', () => {
  assert.deepEqual(LegalForm.options, ['association', 'federation', 'network', 'public_utility_association']);
  assert.deepEqual(SizeBand.options, ['none', '1-5', '6-20', '21-50', '51+']);
});

test('AssociationSummary accepts a row and refuses unknown fields', () => {
  const row = {
    id: amal.id,
    name: { ar: 'جمعية أمل' },
    legalForm: 'network',
    region: 'MA-01',
    domains: ['youth'],
    sizeBand: 'none',
    publicUtility: false,
  };
  assert.ok(validate(AssociationSummary, row).ok);
  const extra = validate(AssociationSummary, { ...row, registrationNumber: 'x' });
  assert.equal(extra.ok, false);
  if (!extra.ok) assert.equal(extra.errors[0]?.code, 'unknown_field');
});

test('AssociationSearchQuery reads repeated filters from a URL and coerces the booleans', () => {
  const params = new URLSearchParams(
    'q=أمل&region=MA-01&region=MA-09&domain=water&legalForm=federation&publicUtility=true&limit=5',
  );
  const result = validate(AssociationSearchQuery, queryToObject(AssociationSearchQuery, params), 'query');
  assert.ok(result.ok);
  if (result.ok) {
    assert.deepEqual(result.value, {
      q: 'أمل',
      region: ['MA-01', 'MA-09'],
      domain: ['water'],
      legalForm: ['federation'],
      publicUtility: true,
      limit: 5,
    });
  }
  const defaults = validate(AssociationSearchQuery, {});
  assert.ok(defaults.ok);
  if (defaults.ok) assert.equal(defaults.value.limit, 20);
  const no = validate(AssociationSearchQuery, { publicUtility: 'false' });
  assert.ok(no.ok);
  if (no.ok) assert.equal(no.value.publicUtility, false);
});

test('AssociationSearchQuery refuses unknown keys, bad regions and a non-boolean flag', () => {
  const typo = validate(
    AssociationSearchQuery,
    queryToObject(AssociationSearchQuery, new URLSearchParams('regoin=MA-01')),
    'query',
  );
  assert.equal(typo.ok, false);
  if (!typo.ok)
    assert.deepEqual(typo.errors[0], {
      path: '/regoin',
      in: 'query',
      code: 'unknown_field',
      message: 'Unknown field "regoin"',
    });
  assert.equal(validate(AssociationSearchQuery, { region: ['MA-00'] }).ok, false);
  assert.equal(validate(AssociationSearchQuery, { publicUtility: 'maybe' }).ok, false);
  assert.equal(validate(AssociationSearchQuery, { limit: '500' }).ok, false);
});

test('AssociationParams and MyAssociations', () => {
  assert.ok(validate(AssociationParams, { associationId: 'asso_sample' }).ok);
  assert.equal(validate(AssociationParams, { associationId: 'asso/12' }).ok, false);
  const mine = {
    items: [
      {
        association: {
          id: 'asso_sample',
          name: { zgh: 'ⴰⵎⴰⵍ' },
          legalForm: 'association',
          region: 'MA-09',
          domains: [],
          sizeBand: 'none',
          publicUtility: false,
        },
        role: 'representative',
      },
    ],
  };
  assert.ok(validate(MyAssociations, mine).ok);
  const badRole = validate(MyAssociations, { items: [{ ...mine.items[0], role: 'president' }] });
  assert.equal(badRole.ok, false);
  if (!badRole.ok) assert.equal(badRole.errors[0]?.path, '/items/0/role');
});
