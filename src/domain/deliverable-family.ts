// Which files are versions of one another. A file is identified by where it was made and what it
// is called: the same workroom, the same agent (or none, for uploads by people) and the same name
// without regard to case. Saving under that identity again makes the next version.

export interface DeliverableIdentity {
  workroomId: string | null;
  agentId: string | null;
  name: string;
}

/** The family key stored with every version (the same text migration 0024 wrote for old rows). */
export function deliverableFamily(identity: DeliverableIdentity): string {
  return `${identity.workroomId ?? '-'}/${identity.agentId ?? '-'}/${identity.name.toLowerCase()}`;
}
