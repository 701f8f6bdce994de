import { CsvError, parse } from 'csv-parse';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { Readable } from 'node:stream';
import { gunzipSync } from 'node:zlib';
import type { DomainErrorDetail } from '@app/common';
import { TaxonomyImportError } from '../taxonomy.errors';

export type CsvRecord = Record<string, string | undefined>;

export interface CsvReadOptions {
  /** Columns the header must have. */
  required: readonly string[];
  relaxColumnCount?: boolean;
  /** Returns a problem description for a row it rejects. */
  onRow: (record: CsvRecord, line: number) => string | undefined;
  onProgress?: (rows: number) => void;
}

export interface CsvFileSummary {
  file: string;
  sha256: string;
  rows: number;
}

const MAX_PROBLEMS = 20;
const PROGRESS_EVERY = 25_000;

/**
 * Reads one CSV file (plain or gzip) with an RFC 4180 parser and hands each record to `onRow`.
 * Every problem is reported as `file:line`; the file is rejected as a whole if any row is.
 */
export async function readCsvFile(path: string, options: CsvReadOptions): Promise<CsvFileSummary> {
  const file = basename(path).replace(/\.gz$/, '');
  const bytes = await readBytes(path, file);
  const problems: DomainErrorDetail[] = [];
  const reject = (line: number | undefined, reason: string) =>
    problems.push({ field: line === undefined ? file : `${file}:${line}`, reason });

  const parser = Readable.from([bytes]).pipe(
    parse({
      columns: (header: string[]) => checkHeader(header, options.required, reject),
      bom: true,
      info: true,
      skip_empty_lines: true,
      relax_column_count: options.relaxColumnCount ?? false,
    }),
  );
  let rows = 0;
  let previousEnd = 1;
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: CsvRecord;
      info: { lines: number };
    }>) {
      const line = previousEnd + 1;
      previousEnd = info.lines;
      rows += 1;
      const problem = options.onRow(record, line);
      if (problem) reject(line, problem);
      if (problems.length >= MAX_PROBLEMS) break;
      if (rows % PROGRESS_EVERY === 0) options.onProgress?.(rows);
    }
  } catch (error) {
    if (!(error instanceof CsvError || error instanceof TaxonomyImportError)) throw error;
    if (error instanceof CsvError) reject(csvErrorLine(error) ?? previousEnd + 1, error.message);
  } finally {
    parser.destroy();
  }
  if (problems.length > 0) {
    throw new TaxonomyImportError(`${file} is malformed (${problems.length} problem(s))`, problems);
  }
  options.onProgress?.(rows);
  return { file, sha256: createHash('sha256').update(bytes).digest('hex'), rows };
}

async function readBytes(path: string, file: string): Promise<Buffer> {
  const raw = await readFile(path);
  if (!path.endsWith('.gz')) return raw;
  try {
    return gunzipSync(raw);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new TaxonomyImportError(`${file} cannot be decompressed`, [{ field: file, reason }]);
  }
}

function checkHeader(
  header: string[],
  required: readonly string[],
  reject: (line: number | undefined, reason: string) => void,
): string[] {
  const missing = required.filter((column) => !header.includes(column));
  if (missing.length > 0) {
    reject(1, `missing column(s) ${missing.join(', ')}`);
    throw new TaxonomyImportError('header');
  }
  return header;
}

function csvErrorLine(error: CsvError): number | undefined {
  const lines = (error as CsvError & { lines?: unknown }).lines;
  return typeof lines === 'number' ? lines : undefined;
}
