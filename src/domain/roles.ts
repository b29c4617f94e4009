// Workspace roles and what each may do. The permission table is data, so a route names the
// action it performs and never compares roles by hand.
export const roles = ['owner', 'admin', 'builder', 'viewer'] as const;
export type Role = (typeof roles)[number];

const rank: Record<Role, number> = { viewer: 0, builder: 1, admin: 2, owner: 3 };

export type Action =
  | 'workspace.read'
  | 'workspace.update'
  | 'workspace.delete'
  | 'members.read'
  | 'members.manage'
  | 'tokens.read'
  | 'tokens.manage'
  | 'audit.read'
  | 'agents.read'
  | 'agents.manage'
  | 'agents.promote'
  | 'runs.read'
  | 'runs.manage'
  | 'context.read'
  | 'context.manage'
  | 'deliverables.read'
  | 'deliverables.manage'
  | 'webhooks.secret'
  | 'plans.read'
  | 'plans.manage'
  | 'connections.read'
  | 'connections.manage'
  | 'credits.read'
  | 'credits.topup'
  | 'credits.adjust'
  | 'budgets.manage';

/** The least role that may perform each action. */
export const leastRoleFor: Record<Action, Role> = {
  'workspace.read': 'viewer',
  'workspace.update': 'admin',
  'workspace.delete': 'owner',
  'members.read': 'viewer',
  'members.manage': 'admin',
  'tokens.read': 'admin',
  'tokens.manage': 'admin',
  'audit.read': 'admin',
  'agents.read': 'viewer',
  'agents.manage': 'builder',
  // Promoting copies an agent between workspaces and maps their accounts: admins of both.
  'agents.promote': 'admin',
  'runs.read': 'viewer',
  'runs.manage': 'builder',
  'context.read': 'viewer',
  'context.manage': 'builder',
  'deliverables.read': 'viewer',
  'deliverables.manage': 'builder',
  // The secret receivers verify Orca's webhooks with: whoever holds it can forge them.
  'webhooks.secret': 'admin',
  // Anyone may talk to the Orchestrator and read its plans; applying one is building.
  'plans.read': 'viewer',
  'plans.manage': 'builder',
  // Builders pick accounts for their agents; connecting one hands Orca a credential: admins.
  'connections.read': 'builder',
  'connections.manage': 'admin',
  'credits.read': 'viewer',
  'credits.topup': 'admin',
  // Adjustments and plan changes move credits without payment: the owner's decision.
  'credits.adjust': 'owner',
  'budgets.manage': 'admin',
};

/**
 * Actions only a signed-in person may take, never an API token: a leaked token must not be able
 * to mint further credentials or bring in members that outlive the token.
 */
export const personOnlyActions: ReadonlySet<Action> = new Set<Action>([
  'members.manage',
  'tokens.manage',
  'workspace.delete',
]);

export function roleAtLeast(role: Role, least: Role): boolean {
  return rank[role] >= rank[least];
}

export function can(role: Role, action: Action): boolean {
  return roleAtLeast(role, leastRoleFor[action]);
}
