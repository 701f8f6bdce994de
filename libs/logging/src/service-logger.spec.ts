import type { PinoLogger } from 'nestjs-pino';
import { ServiceLogger } from './service-logger';

describe('ServiceLogger', () => {
  const lines: { level: string; context: unknown; message: unknown }[] = [];
  const record =
    (level: string) =>
    (fields: { context?: unknown }, message: unknown): void => {
      lines.push({ level, context: fields.context, message });
    };
  const pino = { info: record('info'), debug: record('debug') } as unknown as PinoLogger;
  const sut = new ServiceLogger(pino, {});

  beforeEach(() => (lines.length = 0));

  it('logs the framework start-up lines at debug level', () => {
    sut.log('Mapped {/api/v1/health, GET} route', 'RouterExplorer');
    sut.log('HealthModule dependencies initialized', 'InstanceLoader');
    expect(lines).toEqual([
      { level: 'debug', context: 'RouterExplorer', message: 'Mapped {/api/v1/health, GET} route' },
      { level: 'debug', context: 'InstanceLoader', message: 'HealthModule dependencies initialized' },
    ]);
  });

  it("keeps the platform's own lines at info level", () => {
    sut.log('Taxonomy indexes rebuilt', 'TaxonomyIndexer');
    sut.log('API listening');
    expect(lines.map((line) => line.level)).toEqual(['info', 'info']);
  });
});
