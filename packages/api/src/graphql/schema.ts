import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { AuditResolver } from '../modules/audit/audit.resolver.js';
import { CategoryResolver } from '../modules/category/category.resolver.js';
import { CertificateAdminResolver } from '../modules/certificate/certificate.admin.resolver.js';
import { CertificateResolver } from '../modules/certificate/certificate.resolver.js';
import { EvaluationResolver } from '../modules/evaluation/evaluation.resolver.js';
import { FeedResolver } from '../modules/feed/feed.resolver.js';
import { PartnerKeyResolver } from '../modules/auth/partner.resolver.js';
import { WebhookResolver } from '../modules/webhook/webhook.resolver.js';
import { PhotoResolver } from '../modules/image/photo.resolver.js';
import { QuoteRequestResolver } from '../modules/inquiry/quote-request.resolver.js';
import { ProducerAdminResolver } from '../modules/producer/producer.admin.resolver.js';
import { ProducerResolver } from '../modules/producer/producer.resolver.js';
import { ProductAdminResolver } from '../modules/product/product.admin.resolver.js';
import { ProductResolver } from '../modules/product/product.resolver.js';
import { ProgramResolver } from '../modules/program/program.resolver.js';
import { RegionResolver } from '../modules/region/region.resolver.js';
import { SearchResolver } from '../modules/search/search.resolver.js';
import { countListItems } from './ceiling.js';
import { NodeResolver } from './node.resolver.js';

let schema: Promise<GraphQLSchema> | undefined;

/** The schema is built once per process; type-graphql's metadata is global anyway. */
export function getSchema(): Promise<GraphQLSchema> {
  schema ??= buildSchema({
    resolvers: [
      CategoryResolver,
      ProductResolver,
      ProducerResolver,
      RegionResolver,
      SearchResolver,
      CertificateResolver,
      ProgramResolver,
      NodeResolver,
      FeedResolver,
      // Authenticated operations (ADMIN, EVALUATOR): mutations, evaluations, expiring certificates, audit log.
      ProducerAdminResolver,
      ProductAdminResolver,
      EvaluationResolver,
      CertificateAdminResolver,
      AuditResolver,
      PartnerKeyResolver,
      WebhookResolver,
      PhotoResolver,
      QuoteRequestResolver,
    ],
    validate: false,
  })
    .then(describeRoots)
    .then(countListItems);
  return schema;
}

/** type-graphql cannot describe the root types; the contract test requires every type to be described. */
function describeRoots(built: GraphQLSchema): GraphQLSchema {
  const query = built.getQueryType();
  if (query) {
    query.description =
      'Catalog data. Without a token, only published products (a certificate of 3★ or more valid today) and public facts are ever returned; fields marked for ADMIN or EVALUATOR need an API token (Authorization: Bearer …).';
  }
  const mutation = built.getMutationType();
  if (mutation) {
    mutation.description =
      'Changes for officials and councils, which need an API token (Authorization: Bearer …); and requestQuote, which any buyer may send.';
  }
  return built;
}
