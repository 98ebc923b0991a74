/** Events the automation module writes (entity `rule`). Rule runs are logged in `rule_runs`, not as events. */
export const RULE_EVENTS = {
  created: 'rule.created',
  updated: 'rule.updated',
  deleted: 'rule.deleted',
} as const;
