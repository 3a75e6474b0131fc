import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { ActivityRecord, LeadRecord } from '@candor/evidence-domain';
import { parseEmail } from './email.parser';

const CTX = {
  storeId: 'smith-toyota',
  timeZone: 'America/Chicago',
  emailDomains: ['smithtoyota.com'],
  phoneNumbers: [],
};
const fixture = (name: string) =>
  readFileSync(join(__dirname, '../../../../../test/fixtures/vendors', name));

const mail = (headers: string, body = 'hello') => `${headers.trim()}\r\n\r\n${body}\r\n`;

describe('parseEmail', () => {
  it('turns a journaled copy into a recorded outbound e-mail with the real addresses', async () => {
    const result = await parseEmail(fixture('journaled.eml'), CTX);
    expect(result.rejected).toEqual([]);
    const [email] = result.records as ActivityRecord[];
    expect(email).toMatchObject({
      type: 'activity',
      id: 'CAF8x1e2-7d3a@mail.smithtoyota.com',
      channel: 'email',
      direction: 'outbound',
      evidence: 'recorded',
      from: 'dana.reyes@smithtoyota.com',
      to: 'pat@example.org',
      subject: 'Your RAV4 XLE Premium',
      automated: false,
      userId: null,
    });
    expect(email!.at).toBe(Date.parse('2026-03-02T16:02:00Z'));
    expect(email!.raw).toEqual({ recipients: ['pat@example.org', 'manager@smithtoyota.com'] });
  });

  it('reads a customer reply as inbound and auto-responses as automated', async () => {
    const reply = await parseEmail(
      mail(
        'From: pat@example.org\r\nTo: dana.reyes@smithtoyota.com\r\nDate: Mon, 02 Mar 2026 11:00:00 -0600\r\nMessage-ID: <r1@example.org>\r\nSubject: Re: Your RAV4',
      ),
      CTX,
    );
    expect(reply.records[0]).toMatchObject({
      direction: 'inbound',
      from: 'pat@example.org',
      to: 'dana.reyes@smithtoyota.com',
      automated: false,
    });
    for (const h of ['Auto-Submitted: auto-replied', 'Precedence: bulk', 'X-Autoreply: yes']) {
      const auto = await parseEmail(
        mail(
          `From: crm@smithtoyota.com\r\nTo: pat@example.org\r\nDate: Mon, 02 Mar 2026 09:14:05 -0600\r\nMessage-ID: <a@x>\r\n${h}`,
        ),
        CTX,
      );
      expect(auto.records[0]).toMatchObject({ direction: 'outbound', automated: true });
    }
  });

  it('reads an ADF lead attached to a lead-provider mail, received at the mail date', async () => {
    const result = await parseEmail(fixture('adf-by-mail.eml'), CTX);
    expect(result.rejected).toEqual([]);
    const [lead] = result.records as LeadRecord[];
    expect(lead).toMatchObject({
      id: 'CC-88412094@cars.com',
      customer: { name: 'Morgan Test', emails: ['morgan@example.com'] },
    });
    expect(lead!.receivedAt).toBe(Date.parse('2026-03-02T17:20:41Z'));
    expect(lead!.requestedAt).toBe(Date.parse('2026-03-02T17:20:00Z'));
  });

  it('reads ADF sent as the message body, and reports its problems under "body"', async () => {
    const body =
      '<?xml version="1.0"?><adf><prospect><id>1</id><requestdate>2026-03-02T09:00:00Z</requestdate></prospect><prospect><id>2</id><customer><contact><phone>nope</phone></contact></customer></prospect></adf>';
    const result = await parseEmail(
      mail('From: leads@dealer.example\r\nTo: x@smithtoyota.com\r\nSubject: lead', body),
      CTX,
    );
    expect(result.records.map((r) => r.id)).toEqual(['1']);
    expect(result.rejected[0]!.location).toBe('body, prospect 2');
  });

  it('rejects a message it cannot place in time with the header at fault', async () => {
    const result = await parseEmail(
      mail('From: a@b.com\r\nTo: c@smithtoyota.com\r\nSubject: x'),
      CTX,
    );
    expect(result.records).toEqual([]);
    expect(result.rejected).toEqual([
      { location: 'message', field: 'Date', reason: expect.stringContaining('is missing') },
    ]);
  });

  it('never throws on arbitrary bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 800 }), async (bytes) => {
        const result = await parseEmail(Buffer.from(bytes), CTX);
        for (const issue of result.rejected) expect(issue.reason).not.toBe('');
      }),
      { numRuns: 100 },
    );
  });
});
