/** What the tests, the benchmark and the site build use from the API package. */
export { type Config, ConfigError, loadConfig, parseDatabaseUrl, SETTINGS } from './config.js';
export { isEmpty, migrate } from './db/database.js';
export { DatabaseUnavailableError, type Orm, openOrm } from './db/orm.js';
export { createLogger, type Logger } from './logger.js';
export { kienGiangCatalog } from './seed/kien-giang.js';
export { loadCatalog, type LoadSummary } from './seed/load.js';
export type { SeedCatalog } from './seed/seed.types.js';
export { DEFAULT_SYNTHETIC_SEED, generateSyntheticCatalog } from './seed/synthetic.js';
export { PortInUseError, type RunningServer, startServer } from './server.js';
