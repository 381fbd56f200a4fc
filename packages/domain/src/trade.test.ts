import { describe, expect, it } from 'vitest';
import {
  checkTrade,
  countryName,
  emptyTrade,
  formatShelfLife,
  formatVnd,
  isTradeEmpty,
  parseCertificationScheme,
  parseDays,
  validCertifications,
  parseCertificationsCell,
  parseCountryCodes,
  parseExportReadiness,
  parseVnd,
  tradeCells,
} from './trade.js';

describe('checkTrade', () => {
  it('applies changes field by field: left out keeps, null clears', () => {
    const first = checkTrade(
      { packagingVi: ' Chai 500 ml ', retailPriceMin: 85_000, exportMarkets: ['jp', 'KR'] },
      null,
    );
    expect(first.issues).toEqual([]);
    expect(first.trade.packagingVi).toBe('Chai 500 ml');
    expect(first.trade.exportMarkets).toEqual(['JP', 'KR']);
    const second = checkTrade({ packagingVi: null, wholesalePrice: 70_000 }, first.trade);
    expect(second.trade.packagingVi).toBeNull();
    expect(second.trade.retailPriceMin).toBe(85_000);
    expect(second.trade.wholesalePrice).toBe(70_000);
  });

  it('names each field at fault and says what to do', () => {
    const { issues } = checkTrade(
      {
        retailPriceMin: 90_000,
        retailPriceMax: 80_000,
        shelfLifeDays: 0,
        exportMarkets: ['Japan'],
        certifications: [{ scheme: 'HACCP', number: 'X', expiresOn: '31/12/2027' }],
      },
      null,
    );
    expect(issues.map((i) => i.field)).toEqual([
      'trade.shelfLifeDays',
      'trade.retailPriceMax',
      'trade.exportMarkets',
      'trade.certifications.0.expiresOn',
    ]);
    expect(issues[1]!.message).toContain('swap them');
    expect(issues[2]!.message).toContain('JP (Japan)');
  });

  it('knows an empty record and the certifications valid on a day', () => {
    expect(isTradeEmpty(emptyTrade())).toBe(true);
    const { trade } = checkTrade(
      {
        certifications: [
          { scheme: 'HACCP', number: 'H-1', expiresOn: '2026-01-31' },
          { scheme: 'VIETGAP', number: null, expiresOn: null },
        ],
      },
      null,
    );
    expect(isTradeEmpty(trade)).toBe(false);
    expect(validCertifications(trade, '2026-02-01').map((c) => c.scheme)).toEqual(['VIETGAP']);
  });
});

describe('trade values in words', () => {
  it('reads schemes, durations and countries as people write them', () => {
    expect(parseCertificationScheme('ISO 22000')).toBe('ISO_22000');
    expect(parseCertificationScheme('Hữu cơ')).toBe('ORGANIC');
    expect(parseCertificationScheme('ISO 9001')).toBeUndefined();
    expect(parseDays('24 tháng')).toBe(720);
    expect(parseDays('2 năm')).toBe(730);
    expect(parseDays('90')).toBe(90);
    expect(parseDays('soon')).toBeUndefined();
    expect(countryName('JP', 'vi')).toBe('Nhật Bản');
    expect(countryName('XX', 'en')).toBeUndefined();
  });

  it('writes shelf lives and prices for each language', () => {
    expect(formatShelfLife(720, 'vi')).toBe('24 tháng');
    expect(formatShelfLife(730, 'en')).toBe('2 years');
    expect(formatShelfLife(45, 'en')).toBe('45 days');
    expect(formatVnd(85_000, 'vi')).toBe('85.000 ₫');
    expect(formatVnd(85_000, 'en')).toBe('85,000 VND');
  });
});

describe('trade information in CSV cells', () => {
  it('writes and reads back certifications, markets and prices', () => {
    const { trade } = checkTrade(
      {
        certifications: [
          { scheme: 'HACCP', number: 'HACCP-1234/2024', expiresOn: '2027-05-28' },
          { scheme: 'ISO_22000', number: null, expiresOn: null },
          { scheme: 'ORGANIC', number: 'HC 01', expiresOn: null },
        ],
        exportMarkets: ['JP', 'KR'],
      },
      null,
    );
    const cells = tradeCells(trade);
    expect(cells.certifications).toBe('HACCP HACCP-1234/2024 (2027-05-28); ISO 22000; Organic HC 01');
    expect(cells.export_markets).toBe('JP, KR');
    const back = parseCertificationsCell(String(cells.certifications));
    expect(back).toEqual({ ok: true, value: trade.certifications });
    expect(parseCertificationsCell('Hữu cơ TCVN-9 (31/12/2027); VietGAP')).toEqual({
      ok: true,
      value: [
        { scheme: 'ORGANIC', number: 'TCVN-9', expiresOn: '2027-12-31' },
        { scheme: 'VIETGAP', number: null, expiresOn: null },
      ],
    });
    expect(parseCertificationsCell('ISO 9001 123')).toMatchObject({ ok: false });
    expect(parseVnd('85.000 đ')).toBe(85_000);
    expect(parseVnd('1,250,000')).toBe(1_250_000);
    expect(parseVnd('85k')).toBeUndefined();
    expect(parseExportReadiness('Đang xuất khẩu')).toBe('EXPORTING');
    expect(parseCountryCodes('jp, KR;us')).toEqual(['JP', 'KR', 'US']);
  });
});
