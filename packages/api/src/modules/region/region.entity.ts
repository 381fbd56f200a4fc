import { Entity, Enum, Index, ManyToOne, type Opt, Property, type Ref } from '@mikro-orm/core';
import { REGION_KINDS, REGION_LEVELS, type RegionKind, type RegionLevel } from '@ocop/domain';
import { Field, ObjectType } from 'type-graphql';
import { RegionKindEnum, RegionLevelEnum } from '../../graphql/enums.js';
import { Node } from '../../graphql/node.js';
import { BaseEntity } from '../../db/base.entity.js';

/**
 * An administrative unit: province, district-level unit or commune-level unit. A commune may hang
 * directly under a province (the 2025 reorganisation removed districts); units that no longer
 * exist keep their names and validity dates so history stays readable.
 */
@ObjectType({
  simpleResolvers: true,
  implements: Node,
  description:
    'An administrative unit: province, district-level unit or commune-level unit, including historical ones.',
})
@Entity({ tableName: 'region' })
export class Region extends BaseEntity {
  @Field(() => String, { description: 'Stable code, e.g. "KG-PQ" for Phú Quốc.' })
  @Property({ type: 'string', length: 32, unique: true })
  code!: string;

  @Property({ type: 'string', length: 120 })
  nameVi!: string;

  @Property({ type: 'string', length: 120, nullable: true })
  nameEn?: string;

  @Field(() => RegionLevelEnum, { description: 'Level in the administrative tree.' })
  @Enum({ items: () => [...REGION_LEVELS], type: 'string' })
  level!: RegionLevel;

  @Field(() => RegionKindEnum, { description: 'Kind of unit (city, district, ward, commune…).' })
  @Enum({ items: () => [...REGION_KINDS], type: 'string' })
  kind!: RegionKind;

  @ManyToOne(() => Region, { ref: true, nullable: true, deleteRule: 'restrict' })
  parent?: Ref<Region>;

  /**
   * Materialised path of codes, '/KG/KG-RG/' for Rạch Giá: "this region and everything under it"
   * is one indexed prefix match (`path LIKE '/KG/%'`) on every database.
   */
  @Index()
  @Property({ type: 'string', length: 255 })
  path!: string & Opt;

  @Field(() => String, { nullable: true, description: 'First day the unit existed (ISO date), when known.' })
  @Property({ type: 'date', nullable: true })
  validFrom?: string;

  @Field(() => String, {
    nullable: true,
    description: 'Last day the unit existed (ISO date); null while it still exists.',
  })
  @Property({ type: 'date', nullable: true })
  validTo?: string;

  @ManyToOne(() => Region, { ref: true, nullable: true, deleteRule: 'set null' })
  successor?: Ref<Region>;
}
