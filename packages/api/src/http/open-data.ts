import type { SqlEntityManager } from '@mikro-orm/knex';
import { todayInVietnam } from '@ocop/domain';
import cors from 'cors';
import type { Express } from 'express';
import type { Orm } from '../db/orm.js';
import { OPEN_DATA_FILES, openDataFile } from '../modules/transfer/open-data.reader.js';

/**
 * GET /open-data/<file>: the published catalog as open data (regions.csv, producers.csv,
 * products.csv, certificates.csv, ocop-catalog.json), what the public site offers for download.
 * Public like the catalog queries, and kept by browsers and CDNs for as long (5 s, and 5 s more
 * while they revalidate by ETag).
 */
export function mountOpenDataRoutes(app: Express, deps: { orm: Orm; now: () => Date }): void {
  app.get('/open-data/:file', cors({ methods: ['GET'], maxAge: 86_400 }), async (req, res) => {
    const name = String(req.params.file);
    const text = openDataFile(deps.orm.em.fork() as SqlEntityManager, todayInVietnam(deps.now()), name, deps.now);
    if (!text) {
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
    const body = await text;
    res
      .status(200)
      .type(OPEN_DATA_FILES.get(name)?.type ?? 'application/octet-stream')
      .set('cache-control', 'public, max-age=5, stale-while-revalidate=5')
      .send(body);
  });
}
