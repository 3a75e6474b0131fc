import { existsSync, readFileSync } from 'node:fs';
import { DateTime } from 'luxon';
import { serializeRecord, validateRecord } from '@candor/evidence-domain';
import { CommandError, EXIT, UsageError } from '../support/cli-error';
import { CONVERT_SOURCES, convertPayload } from '../support/convert-sources';
import { parseOptions } from '../support/options';
import { parseTimeOption } from '../support/time-option';

export const CONVERT_USAGE = `candor convert --from SOURCE <input | -> [options] > bundle.jsonl

Converts a vendor export into an evidence bundle (JSON Lines) on standard output.

  --from SOURCE       adf            ADF 1.0 XML lead document
                      email          one RFC 822 message (.eml): an ADF lead mail, or a journaled copy
                      twilio         saved Twilio Calls list response(s) (JSON, or JSON Lines of pages)
                      elead          saved Fortellis Elead opportunities search + activity history
                      vinsolutions   saved VinSolutions feed response(s) (JSON, or JSON Lines)
                      csv:calls, csv:crm-leads, csv:crm-tasks, csv:crm-activities   CSV presets
                      csv            CSV with --mapping FILE
  --store ID          storeId written on every record (default: store)
  --store-name NAME   also write the store line first (needs the store's name)
  --time-zone TZ      the store's IANA zone: times without an offset are read in it, and times are
                      written with its offset (default: UTC)
  --email-domain D    the store's mail domain (repeat for several): decides outbound vs inbound mail
  --phone NUMBER      the store's phone number (repeat): decides outbound vs inbound calls
  --mapping FILE      CSV column mapping (JSON); with a csv: preset, it overrides the preset
  --received-at ISO   adf/email: when the store received the lead (default: requestdate / Date)
  --strict            exit 3, writing nothing, if any part of the input is rejected

Rejected parts are listed on standard error (location, field, reason); the rest is converted.`;

const MAX_SHOWN = 20;

function readInput(source: string): Promise<Buffer> {
  if (source !== '-') {
    if (!existsSync(source)) throw new UsageError(`${source}: no such file`);
    return Promise.resolve(readFileSync(source));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    process.stdin.on('data', (c: Buffer) => chunks.push(c));
    process.stdin.on('end', () => resolve(Buffer.concat(chunks)));
    process.stdin.on('error', reject);
  });
}

function readMapping(path: string | undefined): unknown {
  if (path === undefined) return undefined;
  if (!existsSync(path)) throw new UsageError(`--mapping ${path}: no such file`);
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new UsageError(
      `--mapping ${path}: not valid JSON (${error instanceof Error ? error.message : String(error)})`,
    );
  }
}

export async function convertCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    from: { type: 'string' },
    store: { type: 'string' },
    'store-name': { type: 'string' },
    'time-zone': { type: 'string' },
    'email-domain': { type: 'string', multiple: true },
    phone: { type: 'string', multiple: true },
    mapping: { type: 'string' },
    'received-at': { type: 'string' },
    strict: { type: 'boolean' },
  });
  if (values.from === undefined)
    throw new UsageError(`--from is required (one of ${CONVERT_SOURCES.join(', ')})`);
  if (!CONVERT_SOURCES.includes(values.from) && !values.from.startsWith('csv:')) {
    throw new UsageError(
      `--from must be one of ${CONVERT_SOURCES.join(', ')} (got "${values.from}")`,
    );
  }
  if (positionals.length !== 1)
    throw new UsageError('give exactly one input file (or - for standard input)');
  const source = positionals[0]!;
  const timeZone = values['time-zone'] ?? 'UTC';
  if (!DateTime.local().setZone(timeZone).isValid)
    throw new UsageError(
      `--time-zone "${timeZone}" is not an IANA time zone (e.g. America/Chicago)`,
    );
  const storeId = values.store ?? 'store';
  const receivedAt =
    values['received-at'] === undefined
      ? undefined
      : parseTimeOption(values['received-at'], 'received-at', timeZone);
  const mapping = readMapping(values.mapping);
  const payload = await readInput(source);
  const ctx = {
    storeId,
    timeZone,
    emailDomains: values['email-domain'] ?? [],
    phoneNumbers: values.phone ?? [],
  };

  const result = await convertPayload(
    { from: values.from, payload, ctx, mapping, receivedAt },
    values.mapping,
  );
  const lines: string[] = [];
  if (values['store-name'] !== undefined) {
    const store = validateRecord({
      type: 'store',
      id: storeId,
      name: values['store-name'],
      timeZone,
      emailDomains: ctx.emailDomains,
      phoneNumbers: ctx.phoneNumbers,
    });
    if (!store.ok)
      throw new UsageError(
        `the store line would be invalid: ${store.errors.map((e) => `${e.field} ${e.reason}`).join('; ')}`,
      );
    lines.push(serializeRecord(store.record, timeZone));
  }
  for (const record of result.records) lines.push(serializeRecord(record, timeZone));

  const name = source === '-' ? 'stdin' : source;
  if (result.rejected.length > 0) {
    process.stderr.write(
      `${name}: ${result.rejected.length} problem(s); ${values.strict ? 'nothing written (--strict)' : `the other ${result.records.length} record(s) are written`}:\n`,
    );
    for (const r of result.rejected.slice(0, MAX_SHOWN)) {
      process.stderr.write(`  ${r.location}${r.field ? `, ${r.field}` : ''}: ${r.reason}\n`);
    }
    if (result.rejected.length > MAX_SHOWN)
      process.stderr.write(`  … and ${result.rejected.length - MAX_SHOWN} more\n`);
    if (values.strict)
      throw new CommandError(
        `--strict: ${result.rejected.length} problem(s) in ${name}`,
        EXIT.strict,
      );
  }
  if (lines.length > 0) process.stdout.write(`${lines.join('\n')}\n`);
  return EXIT.ok;
}
