/** What the tests, the benchmark and the site build use from the API package. */
export { type Config, ConfigError, loadConfig, parseDatabaseUrl, SETTINGS } from './config.js';
export { isEmpty, migrate } from './db/database.js';
export { DatabaseUnavailableError, type Orm, openOrm } from './db/orm.js';
export { rows, rowsByIds, Statement } from './db/rows.js';
export { createLogger, type Logger } from './logger.js';
export { kienGiangCatalog } from './seed/kien-giang.js';
export { loadCatalog, type LoadSummary, type SeedCatalog } from './seed/catalog.js';
export { DEFAULT_SYNTHETIC_SEED, generateSyntheticCatalog } from './seed/synthetic.js';
export { PortInUseError, type RunningServer, startServer } from './server.js';
export { SERVER_NODE_ARGS } from './server-args.js';
export { parseCsv } from './modules/transfer/csv.js';
export {
  catalogToCsv,
  catalogToJson,
  collectPublicCatalog,
  EXPORT_COLUMNS,
  type PublicCatalog,
} from './modules/transfer/export.service.js';
export { type ImportReport, importFiles } from './modules/transfer/import.service.js';
export { formatProblem, type ImportDocument, type ImportRecord } from './modules/transfer/import.sources.js';
export { catalogVersion } from './cache/catalog-version.js';
