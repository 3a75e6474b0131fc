import type { CsvMapping } from './csv-mapping';

const CHANNELS = {
  call: 'call',
  'phone call': 'call',
  phone: 'call',
  'outbound call': 'call',
  'inbound call': 'call',
  email: 'email',
  'e-mail': 'email',
  text: 'text',
  sms: 'text',
  'text message': 'text',
  visit: 'visit',
  'showroom visit': 'visit',
  '*': 'other',
};

const DIRECTIONS = {
  inbound: 'inbound',
  incoming: 'inbound',
  in: 'inbound',
  outbound: 'outbound',
  outgoing: 'outbound',
  out: 'outbound',
};

/**
 * Built-in mappings for `--from csv:<preset>`. Headers follow the common exports (call tracking
 * in the CallRail style, CRM lead / task / activity reports); a real export with other headers
 * takes `--mapping file.json` with the same shape.
 */
export const CSV_PRESETS: Readonly<Record<string, CsvMapping>> = {
  calls: {
    recordType: 'activity',
    columns: {
      id: 'Call ID',
      at: 'Start Time',
      direction: 'Direction',
      customerPhone: 'Customer Phone Number',
      storePhone: 'Tracking Number',
      durationSec: { column: 'Duration', format: 'duration' },
      outcome: 'Call Status',
      answeredBy: 'Answered By',
      userId: 'Agent',
      transcript: 'Transcription',
    },
    values: {
      direction: DIRECTIONS,
      outcome: {
        answered: 'connected',
        completed: 'connected',
        connected: 'connected',
        missed: 'no_answer',
        'no answer': 'no_answer',
        unanswered: 'no_answer',
        abandoned: 'no_answer',
        voicemail: 'voicemail',
        'left voicemail': 'voicemail',
        busy: 'busy',
        failed: 'failed',
        '*': null,
      },
      answeredBy: {
        human: 'human',
        person: 'human',
        machine: 'machine',
        voicemail: 'machine',
        '*': 'unknown',
      },
    },
    constants: { channel: 'call', evidence: 'recorded' },
  },
  'crm-leads': {
    recordType: 'lead',
    columns: {
      id: 'Lead ID',
      receivedAt: 'Created',
      requestedAt: 'Requested',
      source: 'Source',
      kind: 'Lead Type',
      assignedTo: 'Salesperson',
      'customer.name': { columns: ['First Name', 'Last Name'] },
      'customer.emails': 'Email',
      'customer.phones': { columns: ['Cell Phone', 'Home Phone', 'Work Phone'] },
      'vehicle.year': 'Year',
      'vehicle.make': 'Make',
      'vehicle.model': 'Model',
      'vehicle.status': 'New/Used',
      comments: 'Comments',
    },
    values: {
      kind: {
        internet: 'internet',
        phone: 'phone',
        'phone up': 'phone',
        'walk-in': 'walk_in',
        'walk in': 'walk_in',
        showroom: 'walk_in',
        '*': 'other',
      },
      'vehicle.status': {
        new: 'new',
        used: 'used',
        cpo: 'used',
        'certified pre-owned': 'used',
        '*': null,
      },
    },
  },
  'crm-tasks': {
    recordType: 'task',
    columns: {
      id: 'Task ID',
      leadId: 'Lead ID',
      taskType: 'Task Type',
      assignedTo: 'Assigned To',
      createdAt: 'Created',
      dueAt: 'Due',
      completedAt: 'Completed',
      completedBy: 'Completed By',
      dismissedAt: 'Dismissed',
      comment: 'Comment',
    },
    values: {
      taskType: {
        ...CHANNELS,
        appointment: 'appointment',
        visit: 'other',
        'showroom visit': 'other',
      },
    },
  },
  'crm-activities': {
    recordType: 'activity',
    columns: {
      id: 'Activity ID',
      leadId: 'Lead ID',
      channel: 'Type',
      direction: 'Direction',
      at: 'Date',
      userId: 'User',
      comment: 'Comment',
      subject: 'Subject',
    },
    values: { channel: CHANNELS, direction: DIRECTIONS },
    // What a person logs in the CRM is a claim; the phone system or mail log is the record.
    constants: { evidence: 'claimed', direction: 'outbound' },
  },
};
