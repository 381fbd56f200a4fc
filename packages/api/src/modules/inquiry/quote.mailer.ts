import { cleanInput, countryName, type QuoteRequestFields } from '@ocop/domain';
import nodemailer, { type Transporter } from 'nodemailer';
import type { MailSettings } from '../../config.js';

/**
 * Quote requests as e-mails to producers, through the SMTP server of SMTP_URL. Plain text only:
 * whatever a buyer typed (tags included) reaches the producer as the characters they typed and
 * is never read as HTML; header values are single lines, so no text can add a header.
 */

export interface QuoteMail {
  reference: string;
  to: { name: string; address: string };
  productName: string | null;
  productUrl: string | null;
  producerName: string;
  /** The request as checked, and the language the buyer wrote in. */
  buyer: QuoteRequestFields & { lang: 'vi' | 'en' };
}

const transports = new Map<string, Transporter>();

function transport(settings: MailSettings): Transporter {
  const url = settings.smtpUrl as string;
  let t = transports.get(url);
  if (!t) {
    const u = new URL(url);
    t = nodemailer.createTransport({
      host: u.hostname,
      port: Number(u.port) || (u.protocol === 'smtps:' ? 465 : 587),
      secure: u.protocol === 'smtps:',
      ...(u.username ? { auth: { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) } } : {}),
      connectionTimeout: settings.timeoutMs,
      greetingTimeout: settings.timeoutMs,
      socketTimeout: settings.timeoutMs,
    });
    transports.set(url, t);
  }
  return t;
}

/** A header value: one line, no control characters, bounded. */
const line = (text: string, max = 150) => cleanInput(text).slice(0, max);

export function quoteMailText(mail: QuoteMail): { subject: string; text: string } {
  const b = mail.buyer;
  const about = mail.productName ?? mail.producerName;
  const country = b.country ? `${countryName(b.country, 'vi') ?? b.country} (${b.country})` : '—';
  const rows = (labels: [string, string | null][]) =>
    labels
      .filter(([, v]) => v)
      .map(([k, v]) => `${k}: ${v}`)
      .join('\n');
  const vi = [
    `Kính gửi ${mail.producerName},`,
    '',
    `Một người mua đã gửi yêu cầu báo giá qua Cổng sản phẩm OCOP${mail.productName ? ` về sản phẩm "${mail.productName}"` : ''}.`,
    '',
    rows([
      ['Mã yêu cầu', mail.reference],
      ['Sản phẩm', mail.productName ? `${mail.productName}${mail.productUrl ? ` — ${mail.productUrl}` : ''}` : null],
      ['Người gửi', b.name],
      ['Công ty', b.company],
      ['Quốc gia', country],
      ['E-mail', b.email],
      ['Điện thoại', b.phone],
      ['Số lượng', b.quantity],
    ]),
    '',
    'Nội dung:',
    b.message,
    '',
    'Người mua đã đồng ý để Cổng chuyển các thông tin trên cho quý chủ thể, chỉ để trả lời yêu cầu này (Nghị định 13/2023/NĐ-CP về bảo vệ dữ liệu cá nhân). Xin không dùng chúng vào việc khác.',
    b.email
      ? 'Trả lời thư này là trả lời trực tiếp người mua.'
      : 'Người mua không để lại e-mail: xin liên hệ qua điện thoại.',
  ].join('\n');
  const en = [
    '— English —',
    `A buyer sent a quote request through the OCOP product portal about "${about}". Reference ${mail.reference}.`,
    'The buyer agreed that these details are passed to you to answer this request only (Decree 13/2023/ND-CP on personal data protection).',
  ].join('\n');
  return {
    subject: line(`[OCOP] Yêu cầu báo giá ${mail.reference}: ${about}`),
    text: `${vi}\n\n${en}\n`,
  };
}

/** Sends the mail; resolves with the server's refusal or silence as an error message, or null when accepted. */
export async function sendQuoteMail(settings: MailSettings, mail: QuoteMail): Promise<string | null> {
  const { subject, text } = quoteMailText(mail);
  try {
    await transport(settings).sendMail({
      from: settings.from,
      to: { name: line(mail.to.name, 120), address: mail.to.address },
      ...(settings.bcc ? { bcc: settings.bcc } : {}),
      ...(mail.buyer.email ? { replyTo: { name: line(mail.buyer.name, 120), address: mail.buyer.email } } : {}),
      subject,
      text,
      headers: { 'X-OCOP-Reference': mail.reference },
    });
    return null;
  } catch (error) {
    return line(error instanceof Error ? error.message : String(error), 480);
  }
}
