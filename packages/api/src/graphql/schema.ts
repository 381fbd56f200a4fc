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
  });
  return schema;
}
