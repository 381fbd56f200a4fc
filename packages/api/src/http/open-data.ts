import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { todayInVietnam } from '@ocop/domain';
import cors from 'cors';
import type { Express } from 'express';
import type { Orm } from '../db/orm.js';
import { OPEN_DATA_FILES, openDataFiles } from '../modules/transfer/open-data.reader.js';

/**
 * GET /open-data/<file>: the published catalog as open data (regions.csv, producers.csv,
 * products.csv, certificates.csv, ocop-catalog.json), what the public site offers for download.
 * Public like the catalog queries, and kept by browsers and CDNs for as long (5 s, and 5 s more
 * while they revalidate by ETag). Sent from the file written for the day (open-data.reader.ts).
 */
export function mountOpenDataRoutes(app: Express, deps: { orm: Orm; now: () => Date }): void {
  app.get('/open-data/:file', cors({ methods: ['GET'], maxAge: 86_400 }), async (req, res) => {
    const name = String(req.params.file);
    if (!OPEN_DATA_FILES.has(name)) {
      res.status(404).json({
        errors: [
          {
            message: `No open-data file is named "${name}": ask for one of ${[...OPEN_DATA_FILES.keys()].join(', ')}.`,
            extensions: { code: 'NOT_FOUND' },
          },
        ],
      });
      return;
    }
    const files = await openDataFiles(deps.orm.em.fork() as SqlEntityManager, todayInVietnam(deps.now()), deps.now);
    const file = files.get(name);
    if (!file) throw new Error(`the open-data file ${name} was not written`);
    res
      .status(200)
      .type(file.type)
      .set('cache-control', 'public, max-age=5, stale-while-revalidate=5')
      .set('etag', file.etag);
    if (req.fresh) {
      res.status(304).end();
      return;
    }
    res.set('content-length', String(file.size));
    // A download the client gives up is simply closed.
    await pipeline(createReadStream(file.path), res).catch(() => res.destroy());
  });
}
