export { Mailer, type Mail, type MailSettings } from './lib/mailer';
export { invitationMail, passwordResetMail } from './lib/templates';
