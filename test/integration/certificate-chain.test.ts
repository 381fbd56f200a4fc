import { beforeAll, describe, expect, it } from 'vitest';
import { Office, ok } from '../support/admin.js';
import { createToken, gql, useTestApi, testDatabases } from '../support/server.js';

/**
 * A buyer who checks an older certificate number, printed on a package made before a renewal,
 * must learn what is true of the product today: the answer follows the chain of certificates
 * that replaced it to the newest one, and says whether that one is valid, revoked or expired.
 */

interface Check {
  result: string;
  en: string;
  vi: string;
  certificate: { number: string; status: string } | null;
  latestCertificate: { number: string; status: string; expiresOn: string } | null;
}

describe.each(testDatabases())('checking a superseded certificate number on $name', (db) => {
  let office: Office;
  let producerId: string;

  const api = useTestApi(db);

  beforeAll(async () => {
    office = new Office(api, await createToken(api, 'ADMIN'), await createToken(api, 'EVALUATOR'));
    producerId = (await office.createProducer()).id;
  });

  const check = async (number: string): Promise<Check> =>
    ok<{ certificate: Check }>(
      await gql(
        api,
        `query($n: String!) { certificate(number: $n) {
          result en: message(lang: EN) vi: message(lang: VI)
          certificate { number status } latestCertificate { number status expiresOn }
        } }`,
        { n: number },
      ),
    ).certificate;

  /** A new product certified in each round, each certificate superseding the one before. */
  async function chain(rounds: [string, string, string][]): Promise<{ id: string; number: string }[]> {
    const product = await office.createProduct(producerId);
    await office.toEvaluation(product.id);
    return office.certifyInRounds(product.id, rounds);
  }

  it('names the newer certificate and says it is valid when it is', async () => {
    const [older, newer] = (
      await chain([
        ['2022-03-01', '2022-03-10', 'QD1048_2019'],
        ['2025-09-01', '2025-09-10', 'QD148_2023'],
      ])
    ).map((c) => c.number);
    const answer = await check(older ?? '');
    expect(answer.result).toBe('SUPERSEDED');
    expect(answer.latestCertificate).toEqual({ number: newer, status: 'VALID', expiresOn: '2028-09-10' });
    expect(answer.en).toBe(
      `This certificate was replaced by certificate ${newer}, valid until 10 Sep 2028: the product is a certified OCOP product under that number.`,
    );
    expect(answer.vi).toBe(
      `Giấy chứng nhận này đã được thay bằng giấy chứng nhận số ${newer}, còn hiệu lực đến 10/09/2028: sản phẩm được công nhận OCOP theo số đó.`,
    );
  });

  it('says the product is no longer certified when the newer certificate was revoked', async () => {
    const [older, newer] = await chain([
      ['2022-03-01', '2022-03-10', 'QD1048_2019'],
      ['2025-09-01', '2025-09-10', 'QD148_2023'],
    ]);
    await office.revoke(newer?.id ?? '', 'Failed the 2026 quality inspection.');
    const answer = await check(older?.number ?? '');
    expect(answer.result).toBe('SUPERSEDED');
    expect(answer.latestCertificate).toMatchObject({ number: newer?.number, status: 'REVOKED' });
    expect(answer.en).toBe(
      `This certificate was replaced by certificate ${newer?.number}, which was later revoked: the product is no longer a certified OCOP product.`,
    );
    expect(answer.vi).toBe(
      `Giấy chứng nhận này đã được thay bằng giấy chứng nhận số ${newer?.number}, nhưng giấy đó sau đó đã bị thu hồi: sản phẩm không còn được công nhận OCOP.`,
    );
    expect(`${answer.en} ${answer.vi}`).not.toMatch(/check the newer number|kiểm tra số mới|quality inspection/i);
  });

  it('follows several renewals to the newest certificate, and says when that one expired', async () => {
    const [first, second, third] = (
      await chain([
        ['2021-03-01', '2021-03-10', 'QD1048_2019'],
        ['2022-03-01', '2022-03-10', 'QD1048_2019'],
        ['2023-05-02', '2023-05-11', 'QD148_2023'],
      ])
    ).map((c) => c.number);
    const answer = await check(first ?? '');
    expect(answer.result).toBe('SUPERSEDED');
    expect(answer.latestCertificate).toEqual({ number: third, status: 'EXPIRED', expiresOn: '2026-05-11' });
    expect(answer.en).toBe(
      `This certificate was replaced by certificate ${second}, and later by ${third}, which expired on 11 May 2026: the product is no longer a certified OCOP product.`,
    );
    expect(answer.vi).toBe(
      `Giấy chứng nhận này đã được thay bằng giấy chứng nhận số ${second}, sau đó bằng số ${third}, nhưng giấy đó đã hết hạn ngày 11/05/2026: sản phẩm không còn được công nhận OCOP.`,
    );
    // The middle one tells the same truth.
    expect((await check(second ?? '')).en).toBe(
      `This certificate was replaced by certificate ${third}, which expired on 11 May 2026: the product is no longer a certified OCOP product.`,
    );
  });

  it('answers for a certificate that is not superseded without a latest certificate', async () => {
    const [only] = (await chain([['2025-09-01', '2025-09-10', 'QD148_2023']])).map((c) => c.number);
    const answer = await check(only ?? '');
    expect(answer.result).toBe('VALID');
    expect(answer.latestCertificate).toBeNull();
  });
});
