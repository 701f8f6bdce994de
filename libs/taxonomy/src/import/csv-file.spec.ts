import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { TaxonomyImportError } from '../taxonomy.errors';
import { readCsvFile, type CsvRecord } from './csv-file';

// Parsing is pure CPU; the file system is only used as the parser's input here.
describe('readCsvFile', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'csv-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const write = (name: string, content: string | Buffer) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };

  it('reads CRLF records with newlines inside quoted fields from a gzip file, with line numbers', async () => {
    const path = write('a.csv.gz', gzipSync('uri,altLabels\r\nu1,"one\ntwo"\r\nu2,three\r\n'));
    const seen: [CsvRecord, number][] = [];
    const summary = await readCsvFile(path, {
      required: ['uri'],
      onRow: (record, line) => void seen.push([record, line]),
    });
    expect(seen).toEqual([
      [{ uri: 'u1', altLabels: 'one\ntwo' }, 2],
      [{ uri: 'u2', altLabels: 'three' }, 4],
    ]);
    expect(summary).toMatchObject({ file: 'a.csv', rows: 2 });
  });

  it('reports an unclosed quote of a truncated file with file and line', async () => {
    const path = write('b.csv', 'uri,altLabels\r\nu1,"one\ntw');
    const error = await readCsvFile(path, { required: ['uri'], onRow: () => undefined }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TaxonomyImportError);
    expect((error as TaxonomyImportError).details?.[0].field).toMatch(/^b\.csv:\d+$/);
  });

  it('reports a missing column and rows the mapper rejects', async () => {
    const missing = write('c.csv', 'name\r\nx\r\n');
    await expect(readCsvFile(missing, { required: ['uri'], onRow: () => undefined })).rejects.toMatchObject({
      details: [{ field: 'c.csv:1', reason: 'missing column(s) uri' }],
    });
    const bad = write('d.csv', 'uri\r\nok\r\nbad\r\n');
    await expect(
      readCsvFile(bad, {
        required: ['uri'],
        onRow: (record) => (record.uri === 'bad' ? 'bad uri' : undefined),
      }),
    ).rejects.toMatchObject({ details: [{ field: 'd.csv:3', reason: 'bad uri' }] });
  });

  it('rejects a corrupt gzip file', async () => {
    const path = write('e.csv.gz', gzipSync('uri\r\nu1\r\n').subarray(0, 12));
    await expect(readCsvFile(path, { required: ['uri'], onRow: () => undefined })).rejects.toBeInstanceOf(
      TaxonomyImportError,
    );
  });
});
