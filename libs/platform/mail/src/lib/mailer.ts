import { Logger } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';

export interface MailSettings {
  /** smtp://user:pass@host:port or smtps://…; unset: messages are written to the log. */
  smtpUrl: string | undefined;
  from: string;
}

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

/**
 * Sends mail over SMTP (nodemailer). Without SMTP_URL (development), each message is logged
 * instead, so invitation and reset links can be followed locally; nothing claims delivery.
 */
export class Mailer {
  private readonly logger = new Logger('Mail');
  private readonly transport: Transporter | null;

  constructor(private readonly settings: MailSettings) {
    this.transport = settings.smtpUrl ? nodemailer.createTransport(settings.smtpUrl) : null;
  }

  async send(mail: Mail): Promise<void> {
    if (!this.transport) {
      this.logger.warn(
        { to: mail.to, subject: mail.subject, text: mail.text },
        'SMTP_URL unset: mail logged, not sent',
      );
      return;
    }
    await this.transport.sendMail({
      from: this.settings.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
    });
  }

  close(): void {
    this.transport?.close();
  }
}
