import { AuditEntry } from '../modules/audit/audit-entry.entity.js';
import { ApiToken } from '../modules/auth/api-token.entity.js';
import { Certificate } from '../modules/certificate/certificate.entity.js';
import { Evaluation } from '../modules/evaluation/evaluation.entity.js';
import { QuoteRequest } from '../modules/inquiry/quote-request.entity.js';
import { Producer } from '../modules/producer/producer.entity.js';
import { Product } from '../modules/product/product.entity.js';
import { ProgramTarget } from '../modules/program/program-target.entity.js';
import { Region } from '../modules/region/region.entity.js';

export const ENTITIES = [
  Region,
  Producer,
  Product,
  Evaluation,
  Certificate,
  ProgramTarget,
  ApiToken,
  AuditEntry,
  QuoteRequest,
];
