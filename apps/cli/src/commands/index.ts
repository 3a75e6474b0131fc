import { ADMIN_USAGE, adminCommand } from './admin.command';
import { AUDIT_USAGE, auditCommand } from './audit.command';
import { CONVERT_USAGE, convertCommand } from './convert.command';
import { DEMO_DATA_USAGE, demoDataCommand } from './demo-data.command';
import { GRADE_USAGE, gradeCommand } from './grade.command';
import { IMPORT_USAGE, importCommand } from './import.command';

export interface Command {
  run: (args: string[]) => Promise<number>;
  usage: string;
  summary: string;
}

/** Every `candor` command. Each lives in its own file; this list is the only registry. */
export const COMMANDS: Record<string, Command> = {
  grade: {
    run: gradeCommand,
    usage: GRADE_USAGE,
    summary: 'grade the stores in an evidence bundle',
  },
  'demo-data': {
    run: demoDataCommand,
    usage: DEMO_DATA_USAGE,
    summary: 'write a realistic demo bundle with planted habits',
  },
  import: {
    run: importCommand,
    usage: IMPORT_USAGE,
    summary: "import a bundle into a store's evidence",
  },
  convert: {
    run: convertCommand,
    usage: CONVERT_USAGE,
    summary: 'convert a vendor export into a bundle',
  },
  audit: { run: auditCommand, usage: AUDIT_USAGE, summary: 'verify the audit trail' },
  admin: {
    run: adminCommand,
    usage: ADMIN_USAGE,
    summary: 'grant, revoke or list platform admins',
  },
};
