// Jest runs globalSetup/globalTeardown outside its module system, so moduleNameMapper does not
// apply there; resolve the @app/* aliases from tsconfig.json instead. Imported first.
import { loadConfig as loadTsConfig, register } from 'tsconfig-paths';

const tsconfig = loadTsConfig(`${__dirname}/../..`);
if (tsconfig.resultType === 'success') {
  register({ baseUrl: tsconfig.absoluteBaseUrl, paths: tsconfig.paths });
}
