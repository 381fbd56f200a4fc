import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/**
 * A real SMTP server inside the test process (smtp-server), so quote requests are delivered over
 * SMTP exactly as in production and read back as a mail client reads them (mailparser).
 */
export interface TestMailbox {
  url: string;
  port: number;
  mails: (ParsedMail & { envelopeTo: string[] })[];
  /** Waits until `n` mails have arrived. */
  waitFor(n: number, timeoutMs?: number): Promise<void>;
  /** Refuse every mail from now on (a server that says no). */
  refuse(on: boolean): void;
  close(): Promise<void>;
}

export async function startMailbox(): Promise<TestMailbox> {
  const mails: TestMailbox['mails'] = [];
  let refusing = false;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    size: 1024 * 1024,
    onRcptTo(_address, _session, callback) {
      if (refusing) {
        const error = new Error('Mailbox unavailable (test)') as Error & { responseCode: number };
        error.responseCode = 550;
        callback(error);
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          mails.push(Object.assign(mail, { envelopeTo: session.envelope.rcptTo.map((r) => r.address) }));
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    mails,
    async waitFor(n, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (mails.length < n) {
        if (Date.now() > deadline) throw new Error(`Expected ${n} mails, got ${mails.length}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    refuse(on) {
      refusing = on;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
