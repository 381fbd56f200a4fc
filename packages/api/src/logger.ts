import { pino, type DestinationStream, type Logger } from 'pino';
import type { Config } from './config.js';

export type { Logger };

/** Structured JSON logs (one object per line) in every environment; level from LOG_LEVEL. */
export function createLogger(config: Pick<Config, 'logLevel' | 'env'>, destination?: DestinationStream): Logger {
  const options = {
    level: config.logLevel,
    base: { service: 'ocop-api', env: config.env },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: ['req.headers.authorization', 'headers.authorization'],
  };
  return destination ? pino(options, destination) : pino(options);
}
