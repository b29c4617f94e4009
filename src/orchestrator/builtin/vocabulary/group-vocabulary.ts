// How people name a group of agents to act on at once: "pause everything", "resume all paused
// ones", "run all the reports", "delete every agent that never ran".

/** Words right after the verb that make its object a group: "pause all …", "run every …". */
export const groupQuantifier =
  /^(?:all|every|each|everything|everyone|every single|all of|the whole lot|all the|any|whatever|whichever|anything|any agents?|both(?: of)?(?: the)?)\b/i;

/** "Pause the failing agents", "resume my paused ones": a group named by what its agents share. */
export const groupPlural = /^(?:the|my|our)\s+(?<which>[a-z' -]+?)\s+(?:agents|ones|bots)\b/i;

/** What the agents of a group share, each with the words that name it. */
export const groupTraits = {
  failing: /\b(?:fail(?:s|ed|ing)?|broken|broke|erroring|errored|red|not working)\b/i,
  paused: /\b(?:paused|stopped|disabled|inactive|on hold|switched off|turned off|suspended)\b/i,
  active: /\b(?:active|enabled|live|switched on|turned on)\b/i,
  neverRan:
    /\b(?:never (?:ran|run|been run|started)|(?:has|have)n'?t (?:ever )?(?:ran|run)|not run yet|unused)\b/i,
  scheduled: /\b(?:scheduled|on a schedule)\b/i,
} as const;

export type GroupTrait = keyof typeof groupTraits;

/** What agents of a trait are called in a reply: "the agents whose last run failed". */
export const traitInWords: Record<GroupTrait, { one: string; many: string }> = {
  failing: { one: 'whose last run failed', many: 'whose last run failed' },
  paused: { one: 'that is paused', many: 'that are paused' },
  active: { one: 'that is active', many: 'that are active' },
  neverRan: { one: 'that never ran', many: 'that never ran' },
  scheduled: { one: 'that runs on a schedule', many: 'that run on a schedule' },
};

/** Things other than agents that "all" may be about: "stop all runs" cancels runs, "remove all schedules". */
export const notAgentGroups =
  /^(?:(?:of )?(?:the|my|our|its|their) )?(?:runs|running (?:runs|jobs)|jobs|schedules|e-?mails|notifications|alerts|chains|messages|results|files|plans|web ?hooks|hooks|accounts|connections|logins|credentials|tokens|keys|suggestions|members|invitations)\b/i;

/** Words that say which agents are left out: "all agents except the reporter". */
export const groupExceptions =
  /\b(?:except(?: for)?|but not|apart from|other than|besides|excluding|save for)\b/i;

/** Words of a group that name no agent: "all of my agents", "every agent that", "last time". */
export const groupFiller = new Set(
  'all both every each everything everyone single of the my our a an agent agents one ones bot bots them that which who whose is are was were have has had its their last time run runs on lately recently right now currently at the moment whole lot any please pls plz for too as well again today whatever whichever anything'.split(
    ' ',
  ),
);
