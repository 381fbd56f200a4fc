import {
  BeforeCreate,
  BeforeUpdate,
  Entity,
  Enum,
  Index,
  ManyToOne,
  type Opt,
  Property,
  type Ref,
} from '@mikro-orm/core';
import {
  CATEGORY_CODES,
  type CategoryCode,
  CYCLE_STAGES,
  type CycleStage,
  type ProductTrade,
  searchTokens,
  vietnameseSortKey,
} from '@ocop/domain';
import { Field, ObjectType } from 'type-graphql';
import { CategoryCodeEnum, CycleStageEnum } from '../../graphql/enums.js';
import { Node } from '../../graphql/node.js';
import { BaseEntity } from '../../db/base.entity.js';
import { Producer } from '../producer/producer.entity.js';
import { Region } from '../region/region.entity.js';

export interface ProductImage {
  url: string;
  altVi: string;
  altEn?: string;
  /** For photos stored by this API (modules/image): their size and the variants made of them. */
  width?: number;
  height?: number;
  /** Widths of the resized copies, each in AVIF, WebP and JPEG under /images/<id>/<width>.<ext>. */
  widths?: number[];
}

/** A product (or tourism service) taking part in the OCOP programme, certified or not. */
@ObjectType({
  simpleResolvers: true,
  implements: Node,
  description:
    'An OCOP product or community-tourism service. The public API only ever returns published ones (with a certificate of 3★ or more valid today).',
})
@Entity({ tableName: 'product' })
@Index({ properties: ['category'] })
export class Product extends BaseEntity {
  @Field(() => String, { description: 'Stable, URL-safe identifier made from the Vietnamese name.' })
  @Property({ type: 'string', length: 120, unique: true })
  slug!: string;

  @Property({ type: 'string', length: 255 })
  nameVi!: string;

  @Property({ type: 'string', length: 255, nullable: true })
  nameEn?: string;

  /** Binary-sortable key giving Vietnamese dictionary order on SQLite and PostgreSQL alike. */
  @Property({ type: 'string', length: 600 })
  nameSortKey!: string & Opt;

  /** Words of the Vietnamese and English names folded for search (lowercase, no diacritics, đ → d), space-separated. */
  @Property({ type: 'text' })
  nameFolded!: string & Opt;

  /** Folded words of the descriptions and stories, searched with a lower weight than names. */
  @Property({ type: 'text' })
  bodyFolded!: string & Opt;

  @Field(() => CategoryCodeEnum, { description: 'The product group.' })
  @Enum({ items: () => [...CATEGORY_CODES], type: 'string' })
  category!: CategoryCode;

  @ManyToOne(() => Region, { ref: true, deleteRule: 'restrict' })
  region!: Ref<Region>;

  @ManyToOne(() => Producer, { ref: true, deleteRule: 'restrict' })
  producer!: Ref<Producer>;

  @Field(() => CycleStageEnum, { description: 'Where the product is in the six-step OCOP cycle.' })
  @Enum({ items: () => [...CYCLE_STAGES], type: 'string' })
  cycleStage!: CycleStage;

  @Property({ type: 'text' })
  descriptionVi!: string;

  @Property({ type: 'text', nullable: true })
  descriptionEn?: string;

  @Property({ type: 'text', nullable: true })
  storyVi?: string;

  @Property({ type: 'text', nullable: true })
  storyEn?: string;

  @Property({ type: 'json' })
  images: ProductImage[] & Opt = [];

  /** Trade information (prices, pack sizes, certifications, export…); null when none is recorded. */
  @Property({ type: 'json', nullable: true })
  trade?: ProductTrade | null;

  /** Derived search and sort columns are recomputed on every write, so they never go stale. */
  @BeforeCreate()
  @BeforeUpdate()
  deriveSearchColumns(): void {
    Object.assign(this, productSearchColumns(this));
  }
}

/** The texts a product's sort and search columns are made from. */
export type ProductTexts = Pick<Product, 'nameVi' | 'descriptionVi'> & {
  nameEn?: string | null;
  descriptionEn?: string | null;
  storyVi?: string | null;
  storyEn?: string | null;
};

/** The derived sort and search columns: by the entity's hook, and by bulk writes, which run no hooks. */
export function productSearchColumns(p: ProductTexts): Pick<Product, 'nameSortKey' | 'nameFolded' | 'bodyFolded'> {
  return {
    nameSortKey: vietnameseSortKey(p.nameVi),
    nameFolded: searchTokens(`${p.nameVi} ${p.nameEn ?? ''}`).join(' '),
    bodyFolded: searchTokens([p.descriptionVi, p.descriptionEn, p.storyVi, p.storyEn].filter(Boolean).join(' ')).join(
      ' ',
    ),
  };
}
