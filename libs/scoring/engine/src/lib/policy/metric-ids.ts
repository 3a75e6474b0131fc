/**
 * Every metric id of the scoring specification (§2), in report order. These ids are a public
 * contract: the API, the CLI's JSON, exports and the portal use them verbatim.
 */
export const METRIC_IDS = [
  'response.trueMedianMin',
  'response.trueP90Min',
  'response.crmMedianMin',
  'response.within15Rate',
  'response.noResponse24hRate',
  'clockStop.rate',
  'clockStop.medianGapMin',
  'clockStop.fillerShare',
  'calls.verificationRate',
  'calls.offSystemRate',
  'email.personalDomainRate',
  'voicemail.recognizableRate',
  'tasks.overdueCount',
  'tasks.overdueRate',
  'tasks.onTimeRate',
  'tasks.uncorroboratedRate',
  'tasks.cherryPickIndex',
  'notes.substantiveRate',
  'notes.personalDetailRate',
  'persistence.medianAttempts7d',
  'persistence.prematureCloseRate',
  'persistence.neglectedRate',
  'persistence.neverContactedRate',
  'timing.arrivalWindowShare',
  'timing.arrivalWindowConnectRate',
  'timing.otherConnectRate',
  'appointments.setRate',
  'appointments.confirmedRate',
  'appointments.showRate',
  'appointments.soldFromShowRate',
  'process.cadenceCompliance',
  'process.tasksPerAgentDay',
] as const;

export type MetricId = (typeof METRIC_IDS)[number];

/** Categories of §3, with the JSON keys reports use. */
export const CATEGORIES = [
  'responsiveness',
  'honesty',
  'channelDiscipline',
  'taskDiscipline',
  'persistence',
  'appointments',
  'process',
] as const;

export type Category = (typeof CATEGORIES)[number];

/** Which category each metric belongs to (§3; timing.* are process metrics). */
export const METRIC_CATEGORY: Record<MetricId, Category> = {
  'response.trueMedianMin': 'responsiveness',
  'response.trueP90Min': 'responsiveness',
  'response.crmMedianMin': 'responsiveness',
  'response.within15Rate': 'responsiveness',
  'response.noResponse24hRate': 'responsiveness',
  'clockStop.rate': 'honesty',
  'clockStop.medianGapMin': 'honesty',
  'clockStop.fillerShare': 'honesty',
  'calls.verificationRate': 'honesty',
  'tasks.uncorroboratedRate': 'honesty',
  'email.personalDomainRate': 'channelDiscipline',
  'calls.offSystemRate': 'channelDiscipline',
  'voicemail.recognizableRate': 'channelDiscipline',
  'tasks.overdueCount': 'taskDiscipline',
  'tasks.overdueRate': 'taskDiscipline',
  'tasks.onTimeRate': 'taskDiscipline',
  'tasks.cherryPickIndex': 'taskDiscipline',
  'notes.substantiveRate': 'taskDiscipline',
  'notes.personalDetailRate': 'taskDiscipline',
  'persistence.medianAttempts7d': 'persistence',
  'persistence.prematureCloseRate': 'persistence',
  'persistence.neglectedRate': 'persistence',
  'persistence.neverContactedRate': 'persistence',
  'timing.arrivalWindowShare': 'process',
  'timing.arrivalWindowConnectRate': 'process',
  'timing.otherConnectRate': 'process',
  'appointments.setRate': 'appointments',
  'appointments.confirmedRate': 'appointments',
  'appointments.showRate': 'appointments',
  'appointments.soldFromShowRate': 'appointments',
  'process.cadenceCompliance': 'process',
  'process.tasksPerAgentDay': 'process',
};
