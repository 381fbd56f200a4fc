import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { CategoryResolver } from '../modules/category/category.resolver.js';
import { CertificateResolver } from '../modules/certificate/certificate.resolver.js';
import { ProducerResolver } from '../modules/producer/producer.resolver.js';
import { ProductResolver } from '../modules/product/product.resolver.js';
import { RegionResolver } from '../modules/region/region.resolver.js';
import { NodeResolver } from './node.resolver.js';

let schema: Promise<GraphQLSchema> | undefined;

/** The schema is built once per process; type-graphql's metadata is global anyway. */
export function getSchema(): Promise<GraphQLSchema> {
  schema ??= buildSchema({
    resolvers: [CategoryResolver, ProductResolver, ProducerResolver, RegionResolver, CertificateResolver, NodeResolver],
    validate: false,
  }).then(describeRoots);
  return schema;
}

/** type-graphql cannot describe the root types; the contract test requires every type to be described. */
function describeRoots(built: GraphQLSchema): GraphQLSchema {
  const query = built.getQueryType();
  if (query) {
    query.description =
      'Public, read-only catalog data: only products with a certificate of 3★ or more valid today are ever returned.';
  }
  const mutation = built.getMutationType();
  if (mutation) {
    mutation.description =
      'Changes for officials and councils; every mutation needs an API token (Authorization: Bearer …).';
  }
  return built;
}
