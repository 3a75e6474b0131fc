import type { CallFact, ClaimFact, EmailFact } from '../facts/lead-facts.types';
import { finding, groupBy, type MetricScope, plural } from './metric-scope';
import { rate } from './stats';

const SYSTEM: Record<string, string> = {
  call: 'phone system',
  email: 'mail server',
  text: 'text gateway',
};

/**
 * Honest activity: calls.verificationRate, tasks.uncorroboratedRate (claims in the window,
 * judged against all evidence up to asOf), calls.offSystemRate, email.personalDomainRate and
 * voicemail.recognizableRate (events in the window, linked to a lead). Counters are taken in one
 * pass per table: this runs for the store and for every agent.
 */
export function channelMetrics(s: MetricScope): void {
  const { claims, calls, emails } = s.tables;

  let callClaims = 0;
  let verifiedCalls = 0;
  let taskClaims = 0;
  let unbackedTasks = 0;
  for (const c of claims) {
    if (c.channel === 'call') {
      callClaims++;
      if (c.corroboratedBy !== null) verifiedCalls++;
    }
    if (c.source === 'task') {
      taskClaims++;
      if (c.corroboratedBy === null) unbackedTasks++;
    }
  }
  s.set('calls.verificationRate', { value: rate(verifiedCalls, callClaims), n: callClaims });
  s.set('tasks.uncorroboratedRate', { value: rate(unbackedTasks, taskClaims), n: taskClaims });

  let judgedCalls = 0;
  let offSystem = 0;
  let voicemails = 0;
  let recognizable = 0;
  for (const c of calls) {
    if (c.offSystem !== null) {
      judgedCalls++;
      if (c.offSystem) offSystem++;
    }
    const check = c.voicemail?.check;
    if (check) {
      voicemails++;
      if (check.recognizable) recognizable++;
    }
  }
  s.set('calls.offSystemRate', { value: rate(offSystem, judgedCalls), n: judgedCalls });
  s.set('voicemail.recognizableRate', { value: rate(recognizable, voicemails), n: voicemails });

  let judgedEmails = 0;
  let personal = 0;
  for (const e of emails) {
    if (e.personal === null) continue;
    judgedEmails++;
    if (e.personal) personal++;
  }
  s.set('email.personalDomainRate', { value: rate(personal, judgedEmails), n: judgedEmails });

  if (s.emit) channelFindings(s, s.emit, claims, calls, emails);
}

/** One finding per unbacked claim, and per lead, agent and behaviour for the rest. */
function channelFindings(
  s: MetricScope,
  emit: NonNullable<MetricScope['emit']>,
  claims: readonly ClaimFact[],
  calls: readonly CallFact[],
  emails: readonly EmailFact[],
): void {
  const { policy } = s.ctx;
  for (const claim of claims) {
    // A clock stop already has its own finding; every other uncorroborated claim gets one here.
    if (claim.corroboratedBy !== null || claim.stopsClock) continue;
    emit(
      finding(
        claim.channel === 'call' ? 'calls.verificationRate' : 'tasks.uncorroboratedRate',
        'medium',
        claim.leadId,
        claim.userId ?? claim.leadAgentId,
        [claim.id],
        `Lead ${claim.leadId}: ${claim.channel} ${claim.source === 'task' ? 'task completed' : 'logged'} in the CRM ` +
          `with no matching ${claim.channel} on the ${SYSTEM[claim.channel]} within ${policy.corroborationWindowMin} min.`,
      ),
    );
  }

  const offSystem = calls.filter((c) => c.offSystem === true);
  for (const group of groupBy(offSystem, (c) => `${c.leadId}\u0000${c.userId}\u0000${c.from}`)) {
    const call = group[0]!;
    emit(
      finding(
        'calls.offSystemRate',
        'medium',
        call.leadId,
        call.userId,
        group.map((c) => c.id),
        `Lead ${call.leadId}: ${plural(group.length, 'call', 'calls')} placed from ${call.from}, which is not one of the store's lines; the store keeps no record of the number.`,
      ),
    );
  }

  const personal = emails.filter((e) => e.personal === true);
  for (const group of groupBy(personal, (e) => `${e.leadId}\u0000${e.userId}\u0000${e.domain}`)) {
    const email = group[0]!;
    emit(
      finding(
        'email.personalDomainRate',
        email.freeMail ? 'high' : 'medium',
        email.leadId,
        email.userId,
        group.map((e) => e.id),
        `Lead ${email.leadId}: ${plural(group.length, 'customer e-mail', 'customer e-mails')} sent from ${email.domain}${email.freeMail ? ' (free personal mail)' : ''}, not a store domain; the store loses the conversation.`,
      ),
    );
  }

  const missingOf = (call: CallFact) => {
    const check = call.voicemail!.check!;
    return [
      ...(check.namesAgent ? [] : ["the caller's name"]),
      ...(check.namesStore ? [] : ['the store']),
      ...(policy.voicemailRequiresCallback && !check.leavesCallback ? ['a callback number'] : []),
    ].join(' or ');
  };
  const vague = calls.filter((c) => c.voicemail?.check && !c.voicemail.check.recognizable);
  for (const group of groupBy(vague, (c) => `${c.leadId}\u0000${c.userId}\u0000${missingOf(c)}`)) {
    const call = group[0]!;
    emit(
      finding(
        'voicemail.recognizableRate',
        'low',
        call.leadId,
        call.userId,
        group.map((c) => c.id),
        `Lead ${call.leadId}: ${plural(group.length, 'voicemail does', 'voicemails do')} not say ${missingOf(call)}.`,
      ),
    );
  }
}
