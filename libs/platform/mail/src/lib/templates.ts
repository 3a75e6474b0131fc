import type { Mail } from './mailer';

export function invitationMail(to: string, consultancy: string, role: string, link: string): Mail {
  return {
    to,
    subject: `You are invited to ${consultancy} on Candor`,
    text: `You have been invited to join ${consultancy} on Candor as ${role.replace('_', ' ')}.

Accept the invitation and choose your password here (the link works once, for 7 days):
${link}

If you did not expect this, ignore this e-mail.`,
  };
}

export function passwordResetMail(to: string, name: string, link: string): Mail {
  return {
    to,
    subject: 'Reset your Candor password',
    text: `Hello ${name},

Choose a new Candor password here (the link works once, for 1 hour):
${link}

If you did not ask for this, ignore this e-mail; your password stays as it is.`,
  };
}
