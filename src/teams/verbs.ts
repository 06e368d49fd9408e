/** Every Action.Execute verb a card may send: one handler each (a test checks both ways). */
export const VERBS = {
  showMenu: 'showMenu',
  help: 'help',
  requestAccess: 'requestAccess',
  requestSupport: 'requestSupport',
  myRequests: 'myRequests',
  myQueue: 'myQueue',
  status: 'status',
  insights: 'insights',
  intakeStart: 'intakeStart',
  intakeNext: 'intakeNext',
  intakeBack: 'intakeBack',
  intakeSave: 'intakeSave',
  intakeEdit: 'intakeEdit',
  intakeResume: 'intakeResume',
  intakeCancel: 'intakeCancel',
  intakeDiscard: 'intakeDiscard',
  intakeSubmit: 'intakeSubmit',
  openRequest: 'openRequest',
  withdrawRequest: 'withdrawRequest',
  confirmWithdraw: 'confirmWithdraw',
} as const;
export type Verb = (typeof VERBS)[keyof typeof VERBS];
