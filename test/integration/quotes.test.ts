import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok, refused } from '../support/admin.js';
import { bearer, createToken, gql, startTestApi, type TestApi, testDatabases } from '../support/server.js';
import { startMailbox, type TestMailbox } from '../support/smtp.js';

/**
 * Issue 16, "no way to ask a producer for a quote": a buyer's request is checked, stored with a
 * reference, and mailed to the producer through a real SMTP server in this process; without a
 * mail server it is kept and shown as undelivered. Abuse is refused, each case with its code.
 */

const REQUEST = `mutation($input: RequestQuoteInput!) {
  requestQuote(input: $input) { reference status vi: message(lang: VI) en: message(lang: EN) }
}`;

const LIST = `query($status: DeliveryStatus) {
  quoteRequests(first: 20, status: $status) {
    totalCount
    nodes { id reference status attempts deliveryError buyerName company country email phone quantity message lang productSlug producerName createdAt deliveredAt }
  }
}`;

interface Receipt {
  reference: string;
  status: string;
  vi: string;
  en: string;
}

const SLUG = 'nuoc-mam-phu-quoc-khai-hoan-38-do-dam';

function buyer(overrides: Record<string, unknown> = {}) {
  return {
    productSlug: SLUG,
    name: 'Tanaka Yuki',
    company: 'Umami Trading K.K.',
    country: 'JP',
    email: 'yuki@example.jp',
    phone: '+81 90 1234 5678',
    quantity: '2,000 bottles a month',
    message: 'Please quote FOB Hồ Chí Minh City for 500 ml bottles.\nWe need HACCP documents.',
    consent: true,
    ...overrides,
  };
}

describe.each(testDatabases())('quote requests on $name', (db) => {
  let api: TestApi;
  let mailbox: TestMailbox;
  let admin: Record<string, string>;
  beforeAll(async () => {
    mailbox = await startMailbox();
    api = await startTestApi(db, {
      env: {
        SMTP_URL: mailbox.url,
        MAIL_FROM: 'Cổng OCOP <ocop@example.vn>',
        MAIL_BCC: 'office@example.vn',
        INQUIRY_LIMIT_PER_HOUR: '4',
        TRUST_PROXY: 'loopback',
      },
    });
    admin = bearer(await createToken(api, 'ADMIN'));
  });
  afterAll(async () => {
    await api?.close();
    await mailbox?.close();
  });

  it('delivers a request to the producer by e-mail and gives the buyer a reference', async () => {
    const receipt = ok<{ requestQuote: Receipt }>(
      await gql(api, REQUEST, { input: buyer() }, { 'x-forwarded-for': '198.51.100.1' }),
    ).requestQuote;
    expect(receipt.reference).toMatch(/^RQ-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/u);
    expect(receipt.status).toBe('SENT');
    expect(receipt.vi).toContain(receipt.reference);
    expect(receipt.en).toContain('will answer you directly');

    await mailbox.waitFor(1);
    const mail = mailbox.mails.at(-1)!;
    const producer = ok<{ product: { producer: { name: string; email: string } } }>(
      await gql(api, `{ product(slug: "${SLUG}") { producer { name email } } }`),
    ).product.producer;
    expect(mail.envelopeTo.sort()).toEqual([producer.email, 'office@example.vn'].sort());
    expect(mail.subject).toBe(`[OCOP] Yêu cầu báo giá ${receipt.reference}: Nước mắm Phú Quốc Khải Hoàn 38 độ đạm`);
    expect(mail.replyTo?.value[0]).toMatchObject({ address: 'yuki@example.jp', name: 'Tanaka Yuki' });
    expect(mail.html).toBe(false);
    expect(mail.text).toContain('Umami Trading K.K.');
    expect(mail.text).toContain('Nhật Bản (JP)');
    expect(mail.text).toContain('2,000 bottles a month');
    expect(mail.text).toContain('Please quote FOB Hồ Chí Minh City for 500 ml bottles.\nWe need HACCP documents.');
    expect(mail.text).toContain('Nghị định 13/2023/NĐ-CP');

    const list = ok<{ quoteRequests: { nodes: Record<string, unknown>[] } }>(await gql(api, LIST, {}, admin))
      .quoteRequests.nodes;
    expect(list[0]).toMatchObject({
      reference: receipt.reference,
      status: 'SENT',
      attempts: 1,
      productSlug: SLUG,
      producerName: producer.name,
      country: 'JP',
      lang: 'vi',
    });
    expect(list[0]!.deliveredAt).toMatch(/^\d{4}-/u);
  });

  it('sends HTML and header tricks as the plain text they are', async () => {
    const before = mailbox.mails.length;
    const receipt = ok<{ requestQuote: Receipt }>(
      await gql(
        api,
        REQUEST,
        {
          input: buyer({
            name: 'Eve\r\nBcc: victim@example.com',
            email: 'eve@example.com',
            message: '<a href="https://evil.example">Click</a><script>alert(1)</script>',
          }),
        },
        { 'x-forwarded-for': '198.51.100.2' },
      ),
    ).requestQuote;
    await mailbox.waitFor(before + 1);
    const mail = mailbox.mails.at(-1)!;
    expect(mail.envelopeTo).not.toContain('victim@example.com');
    expect(mail.headers.get('bcc')).toBeUndefined();
    expect(mail.html).toBe(false);
    expect(mail.text).toContain('<a href="https://evil.example">Click</a><script>alert(1)</script>');
    expect(mail.text).toContain('Người gửi: Eve Bcc: victim@example.com');
    expect(receipt.status).toBe('SENT');
  });

  it('refuses each kind of bad request with its own code, and stores nothing', async () => {
    const count = async () =>
      ok<{ quoteRequests: { totalCount: number } }>(await gql(api, '{ quoteRequests { totalCount } }', {}, admin))
        .quoteRequests.totalCount;
    const before = await count();
    const headers = { 'x-forwarded-for': '198.51.100.3' };
    const trap = refused(await gql(api, REQUEST, { input: buyer({ website: 'http://spam.example' }) }, headers));
    expect(trap.extensions.code).toBe('SPAM_SUSPECTED');
    const consent = refused(await gql(api, REQUEST, { input: buyer({ consent: false }) }, headers));
    expect(consent.extensions.code).toBe('CONSENT_REQUIRED');
    expect(consent.message).toContain('Tick the box');
    const contact = refused(await gql(api, REQUEST, { input: buyer({ email: null, phone: ' ' }) }, headers));
    expect(contact.extensions.issues!.map((i) => i.field)).toEqual(['email']);
    const many = refused(
      await gql(
        api,
        REQUEST,
        { input: buyer({ email: 'not-an-address', country: 'Japan', message: 'x'.repeat(2001) }) },
        headers,
      ),
    );
    expect(many.extensions.code).toBe('VALIDATION_FAILED');
    expect(many.extensions.issues!.map((i) => i.field).sort()).toEqual(['country', 'email', 'message']);
    const unknown = refused(await gql(api, REQUEST, { input: buyer({ productSlug: 'khong-co' }) }, headers));
    expect(unknown.extensions.code).toBe('NOT_FOUND');
    expect(await count()).toBe(before);
  });

  it('limits requests per address, and says when to try again', async () => {
    const headers = { 'x-forwarded-for': '198.51.100.4' };
    for (let i = 0; i < 4; i++) ok(await gql(api, REQUEST, { input: buyer() }, headers));
    const limited = refused(await gql(api, REQUEST, { input: buyer() }, headers));
    expect(limited.extensions.code).toBe('INQUIRY_LIMIT_REACHED');
    expect(limited.message).toMatch(/try again in \d+ minutes?/u);
    // Another address is not held back.
    ok(await gql(api, REQUEST, { input: buyer() }, { 'x-forwarded-for': '198.51.100.5' }));
  });

  it('asks a producer directly from its page', async () => {
    const { product } = ok<{ product: { producer: { slug: string } } }>(
      await gql(api, `{ product(slug: "${SLUG}") { producer { slug } } }`),
    );
    const receipt = ok<{ requestQuote: Receipt }>(
      await gql(
        api,
        REQUEST,
        { input: buyer({ productSlug: null, producerSlug: product.producer.slug }) },
        { 'x-forwarded-for': '198.51.100.6' },
      ),
    ).requestQuote;
    expect(receipt.status).toBe('SENT');
    expect(mailbox.mails.at(-1)!.subject).toContain('Khải Hoàn');
  });

  it('keeps a request the mail server refuses as FAILED, and sends it again on demand', async () => {
    mailbox.refuse(true);
    const receipt = ok<{ requestQuote: Receipt }>(
      await gql(api, REQUEST, { input: buyer() }, { 'x-forwarded-for': '198.51.100.7' }),
    ).requestQuote;
    expect(receipt.status).toBe('FAILED');
    expect(receipt.en).toContain('the OCOP office will pass it on');
    const failed = ok<{ quoteRequests: { nodes: { id: string; reference: string; deliveryError: string }[] } }>(
      await gql(api, LIST, { status: 'FAILED' }, admin),
    ).quoteRequests.nodes;
    expect(failed[0]!.reference).toBe(receipt.reference);
    expect(failed[0]!.deliveryError).toMatch(/550/u);
    mailbox.refuse(false);
    const resent = ok<{ resendQuoteRequest: { status: string; attempts: number } }>(
      await gql(
        api,
        'mutation($id: ID!) { resendQuoteRequest(id: $id) { status attempts } }',
        { id: failed[0]!.id },
        admin,
      ),
    ).resendQuoteRequest;
    expect(resent).toEqual({ status: 'SENT', attempts: 2 });
  });

  it('keeps requests as NOT_CONFIGURED when no mail server is set, and lists them for the office only', async () => {
    const quiet = await startTestApi(db);
    try {
      const receipt = ok<{ requestQuote: Receipt }>(await gql(quiet, REQUEST, { input: buyer() })).requestQuote;
      expect(receipt.status).toBe('NOT_CONFIGURED');
      expect(receipt.vi).toContain('văn phòng OCOP sẽ chuyển cho chủ thể');
      const anonymous = refused(await gql(quiet, LIST, {}));
      expect(anonymous.extensions.code).toBe('UNAUTHENTICATED');
      const office = bearer(await createToken(quiet, 'ADMIN'));
      const list = ok<{ quoteRequests: { nodes: { reference: string; status: string }[] } }>(
        await gql(quiet, LIST, { status: 'NOT_CONFIGURED' }, office),
      ).quoteRequests.nodes;
      expect(list.map((r) => [r.reference, r.status])).toEqual([[receipt.reference, 'NOT_CONFIGURED']]);
    } finally {
      await quiet.close();
    }
  });
});
