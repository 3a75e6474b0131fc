import type { MetricScope } from './metric-scope';
import { count, rate } from './stats';

const SYSTEM: Record<string, string> = {
  call: 'phone system',
  email: 'mail server',
  text: 'text gateway',
};

/**
 * Honest activity: calls.verificationRate, tasks.uncorroboratedRate (claims in the window,
 * judged against all evidence up to asOf), calls.offSystemRate, email.personalDomainRate and
 * voicemail.recognizableRate (events in the window, linked to a lead).
 */
export function channelMetrics(s: MetricScope): void {
  const { ctx } = s;
  const callClaims = [];
  const taskClaims = [];
  const calls = [];
  const emails = [];
  const voicemails = [];
  for (const lead of s.allLeads) {
    const stopClaim = lead.clockStop?.claim.id;
    for (const claim of lead.claims) {
      if (!s.ownsEvent(claim.userId, claim.at)) continue;
      if (claim.channel === 'call') callClaims.push({ lead, claim });
      if (claim.source === 'task') taskClaims.push({ lead, claim });
      // A clock stop already has its own finding; an uncorroborated claim gets one either way.
      if (claim.corroboratedBy === null && claim.id !== stopClaim) {
        const userId = claim.userId ?? lead.assignedTo;
        s.emit({
          metricId:
            claim.channel === 'call' ? 'calls.verificationRate' : 'tasks.uncorroboratedRate',
          severity: 'medium',
          leadId: lead.leadId,
          ...(userId ? { userId } : {}),
          eventIds: [claim.id],
          message:
            `Lead ${lead.leadId}: ${claim.channel} ${claim.source === 'task' ? 'task completed' : 'logged'} in the CRM ` +
            `with no matching ${claim.channel} on the ${SYSTEM[claim.channel]} within ${ctx.policy.corroborationWindowMin} min.`,
        });
      }
    }
    for (const call of lead.calls) {
      if (!s.ownsEvent(call.userId, call.at)) continue;
      calls.push({ lead, call });
      if (call.voicemail?.check) voicemails.push({ lead, call });
    }
    for (const email of lead.emails)
      if (s.ownsEvent(email.userId, email.at)) emails.push({ lead, email });
  }

  s.set('calls.verificationRate', {
    value: rate(
      count(callClaims, (c) => c.claim.corroboratedBy !== null),
      callClaims.length,
    ),
    n: callClaims.length,
  });
  s.set('tasks.uncorroboratedRate', {
    value: rate(
      count(taskClaims, (c) => c.claim.corroboratedBy === null),
      taskClaims.length,
    ),
    n: taskClaims.length,
  });

  const judgedCalls = calls.filter((c) => c.call.offSystem !== null);
  s.set('calls.offSystemRate', {
    value: rate(
      count(judgedCalls, (c) => c.call.offSystem === true),
      judgedCalls.length,
    ),
    n: judgedCalls.length,
  });
  for (const { lead, call } of judgedCalls) {
    if (!call.offSystem) continue;
    s.emit({
      metricId: 'calls.offSystemRate',
      severity: 'medium',
      leadId: lead.leadId,
      ...(call.userId ? { userId: call.userId } : {}),
      eventIds: [call.id],
      message: `Lead ${lead.leadId}: call placed from ${call.from}, which is not one of the store's lines; the store keeps no record of the number.`,
    });
  }

  const judgedEmails = emails.filter((e) => e.email.personal !== null);
  s.set('email.personalDomainRate', {
    value: rate(
      count(judgedEmails, (e) => e.email.personal === true),
      judgedEmails.length,
    ),
    n: judgedEmails.length,
  });
  for (const { lead, email } of judgedEmails) {
    if (!email.personal) continue;
    s.emit({
      metricId: 'email.personalDomainRate',
      severity: email.freeMail ? 'high' : 'medium',
      leadId: lead.leadId,
      ...(email.userId ? { userId: email.userId } : {}),
      eventIds: [email.id],
      message: `Lead ${lead.leadId}: customer e-mail sent from ${email.domain}${email.freeMail ? ' (free personal mail)' : ''}, not a store domain; the store loses the conversation.`,
    });
  }

  s.set('voicemail.recognizableRate', {
    value: rate(
      count(voicemails, (v) => v.call.voicemail!.check!.recognizable),
      voicemails.length,
    ),
    n: voicemails.length,
  });
  for (const { lead, call } of voicemails) {
    const check = call.voicemail!.check!;
    if (check.recognizable) continue;
    const missing = [
      ...(check.namesAgent ? [] : ["the caller's name"]),
      ...(check.namesStore ? [] : ['the store']),
      ...(ctx.policy.voicemailRequiresCallback && !check.leavesCallback
        ? ['a callback number']
        : []),
    ];
    s.emit({
      metricId: 'voicemail.recognizableRate',
      severity: 'low',
      leadId: lead.leadId,
      ...(call.userId ? { userId: call.userId } : {}),
      eventIds: [call.id],
      message: `Lead ${lead.leadId}: voicemail does not say ${missing.join(' or ')}.`,
    });
  }
}
