import type { ProducerType } from './codes.js';

/**
 * Display names of the legal forms an OCOP producer ("chủ thể OCOP") can take, as the
 * programme's documents and the national portal name them.
 */
export const PRODUCER_TYPE_INFO: Readonly<Record<ProducerType, { nameVi: string; nameEn: string }>> = {
  ENTERPRISE: { nameVi: 'Doanh nghiệp', nameEn: 'Enterprise' },
  COOPERATIVE: { nameVi: 'Hợp tác xã', nameEn: 'Cooperative' },
  COOPERATIVE_GROUP: { nameVi: 'Tổ hợp tác', nameEn: 'Cooperative group' },
  HOUSEHOLD: {
    nameVi: 'Hộ kinh doanh, cơ sở sản xuất',
    nameEn: 'Household business or production establishment',
  },
};
