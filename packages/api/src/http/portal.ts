/// <reference path="../types/graphql-upload.d.ts" />
import express, { type Express } from 'express';
import graphqlUploadExpress from 'graphql-upload/graphqlUploadExpress.mjs';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';

/**
 * What the trade-portal features (photos, quote requests) need from the running server, mounted
 * by one call in server.ts:
 * - GET /images/<id>/<width>.<avif|webp|jpg>: the photos' copies, cached for a year (their
 *   names change with their content, see modules/image/image.store.ts);
 * - multipart POST /graphql (the GraphQL multipart request spec): one file per request, at most
 *   IMAGE_MAX_BYTES, for `addProductPhoto`; other requests pass untouched;
 * Resolvers that need the server's settings read them from the request's context (`ctx.portal`),
 * so two servers in one process (tests) each keep their own.
 */

export interface PortalDeps {
  config: Config;
  logger: Logger;
}

export function mountPortalRoutes(app: Express, deps: PortalDeps): void {
  app.use(
    '/images',
    express.static(deps.config.images.dir, {
      immutable: true,
      maxAge: '365d',
      index: false,
      redirect: false,
      dotfiles: 'ignore',
      fallthrough: true,
    }),
    (_req, res) => {
      res.status(404).json({ errors: [{ message: 'No such photo.', extensions: { code: 'NOT_FOUND' } }] });
    },
  );
  app.use(
    '/graphql',
    graphqlUploadExpress({
      maxFiles: 1,
      maxFileSize: deps.config.images.maxBytes,
      maxFieldSize: deps.config.bodyLimitBytes,
    }),
  );
}
