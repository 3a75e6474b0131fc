export const PLANTED_HABITS = [
  'clock_stopper',
  'personal_email',
  'cell_phone',
  'vague_voicemail',
  'lead_flipper',
  'cherry_picker',
] as const;

export type PlantedHabit = (typeof PLANTED_HABITS)[number];
export type Habit = PlantedHabit | 'diligent';

type Range = readonly [min: number, max: number];

/**
 * How one agent works a lead. Every agent starts from a competent baseline; a planted habit
 * changes only the few numbers that habit is about, so each habit shows up in its own metrics
 * and nowhere else. Shares are probabilities per lead, step or message.
 */
export interface HabitProfile {
  /** Business minutes from first seeing a lead (arrival, or the next opening) to the first call. */
  firstCallMin: Range;
  /** Share of leads whose first call comes late instead, in `lateFirstCallMin`. */
  lateFirstCallShare: number;
  lateFirstCallMin: Range;
  /** Share of leads whose first call task is ticked off before any call ("stopping the clock"). */
  clockStopShare: number;
  /** Minutes from the stopped clock to the first real call. */
  callAfterStopMin: Range;
  /** Share of stopped clocks never followed by a call that day. */
  noCallAfterStopShare: number;
  /** Share of cadence steps actually worked, by channel. */
  followThrough: { call: number; email: number; text: number };
  /** What happens to the task of a step that was not worked: left open, or ticked anyway. */
  skippedTaskOpenShare: number;
  skippedTaskCheckboxShare: number;
  /** Minutes from a follow-up task's due time to the attempt (negative = early). */
  followUpDelayMin: Range;
  /** Share of outbound calls placed from the agent's own cell instead of a store line. */
  cellCallShare: number;
  /** Share of outbound e-mails sent from the agent's personal free-mail address. */
  personalEmailShare: number;
  /** Share of voicemails that name neither the agent nor the store. */
  vagueVoicemailShare: number;
  /** Share of voicemails that name the agent but not the store (a lapse, not a habit). */
  nameOnlyVoicemailShare: number;
  /** Share of calls not tied to a task that the agent also logs in the CRM. */
  callLogShare: number;
  /** Share of call claims (logs or ticked tasks) made up without any call on the phone system. */
  phantomCallShare: number;
  /** Closes leads as lost this many days after arrival, after this many attempts; null: never. */
  flip: { afterDays: Range; attempts: Range } | null;
  /** Share of leads with a substantive note, and with one about the customer's life. */
  substantiveNoteShare: number;
  personalNoteShare: number;
  /** Share of no-answer calls followed straight away by a second dial. */
  doubleDialShare: number;
  /**
   * Share of leads kept warm between the cadence's steps: a check-in text or e-mail so that the
   * lead never goes more than `keepWarmEveryDays` days without a real attempt.
   */
  keepWarmShare: number;
  keepWarmEveryDays: number;
}

const BASELINE: HabitProfile = {
  firstCallMin: [3, 14],
  lateFirstCallShare: 0.2,
  lateFirstCallMin: [15, 60],
  clockStopShare: 0,
  callAfterStopMin: [0, 0],
  noCallAfterStopShare: 0,
  followThrough: { call: 0.86, email: 0.9, text: 0.9 },
  skippedTaskOpenShare: 0.55,
  skippedTaskCheckboxShare: 0.2,
  followUpDelayMin: [-15, 75],
  cellCallShare: 0.03,
  personalEmailShare: 0.02,
  vagueVoicemailShare: 0.04,
  nameOnlyVoicemailShare: 0.08,
  callLogShare: 0.6,
  phantomCallShare: 0,
  flip: null,
  substantiveNoteShare: 0.6,
  personalNoteShare: 0.25,
  doubleDialShare: 0.1,
  keepWarmShare: 0.6,
  keepWarmEveryDays: 3.5,
};

const HABITS: Record<Habit, HabitProfile> = {
  diligent: {
    ...BASELINE,
    firstCallMin: [1, 9],
    lateFirstCallShare: 0.06,
    lateFirstCallMin: [10, 20],
    followThrough: { call: 0.97, email: 0.98, text: 0.97 },
    skippedTaskOpenShare: 0.1,
    skippedTaskCheckboxShare: 0,
    followUpDelayMin: [-30, 5],
    cellCallShare: 0,
    personalEmailShare: 0,
    vagueVoicemailShare: 0,
    nameOnlyVoicemailShare: 0.02,
    callLogShare: 0.9,
    substantiveNoteShare: 0.92,
    personalNoteShare: 0.5,
    doubleDialShare: 0.3,
    keepWarmShare: 1,
    keepWarmEveryDays: 2.75,
  },
  clock_stopper: {
    ...BASELINE,
    clockStopShare: 0.85,
    callAfterStopMin: [11, 45],
    noCallAfterStopShare: 0.15,
  },
  personal_email: { ...BASELINE, personalEmailShare: 0.75 },
  cell_phone: { ...BASELINE, cellCallShare: 0.75, callLogShare: 0.9, phantomCallShare: 0.15 },
  vague_voicemail: { ...BASELINE, vagueVoicemailShare: 0.85, nameOnlyVoicemailShare: 0.05 },
  // Gives up instead of keeping leads warm: no check-ins between the few attempts before "lost".
  lead_flipper: { ...BASELINE, flip: { afterDays: [2, 5], attempts: [1, 3] }, keepWarmShare: 0 },
  cherry_picker: {
    ...BASELINE,
    followThrough: { call: 0.25, email: 0.98, text: 0.98 },
    skippedTaskOpenShare: 0.9,
    skippedTaskCheckboxShare: 0,
    followUpDelayMin: [-10, 25],
  },
};

export function habitProfile(habit: Habit): HabitProfile {
  return HABITS[habit];
}
