import { Entity, Property } from '@mikro-orm/core';
import { BaseEntity } from '../../db/base.entity.js';

/** A target of a provincial OCOP plan (Plan 118/KH-UBND), stored as data so reports can change without code. */
@Entity({ tableName: 'program_target' })
export class ProgramTarget extends BaseEntity {
  @Property({ type: 'string', length: 60, unique: true })
  code!: string;

  @Property({ type: 'string', length: 60 })
  planRef!: string;

  @Property({ type: 'text' })
  descriptionVi!: string;

  @Property({ type: 'text' })
  descriptionEn!: string;

  @Property({ type: 'date' })
  periodFrom!: string;

  @Property({ type: 'date' })
  periodTo!: string;

  @Property({ type: 'string', length: 40 })
  metric!: string;

  @Property({ type: 'integer', nullable: true })
  minStars?: number;

  @Property({ type: 'string', length: 40, nullable: true })
  breakdown?: string;

  @Property({ type: 'double' })
  valueMin!: number;

  @Property({ type: 'double' })
  valueMax!: number;

  @Property({ type: 'double', nullable: true })
  perDistrictPerYear?: number;
}

/** A target as a plan states it (the seed's Plan 118 targets), before it is stored. */
export type ProgramTargetValues = Omit<ProgramTarget, 'id' | 'createdAt' | 'updatedAt'>;
