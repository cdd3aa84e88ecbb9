import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileTypeName } from './file-types.js';

describe('fileTypeName', () => {
  it('names known formats by their usual extension', () => {
    assert.equal(fileTypeName('application/pdf'), 'PDF');
    assert.equal(fileTypeName('application/vnd.oasis.opendocument.spreadsheet'), 'ODS');
    assert.equal(fileTypeName('APPLICATION/PDF; charset=binary'), 'PDF');
  });

  it('never shows a raw media type for an unknown one', () => {
    assert.equal(fileTypeName('application/x-foo'), 'FOO');
    assert.equal(fileTypeName('application/vnd.example.thing+json'), 'JSON');
    assert.doesNotMatch(fileTypeName('application/vnd.unknown.format'), /[/.]/);
  });
});
