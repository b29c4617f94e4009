// The vault: connected accounts' secrets, encrypted at rest with each workspace's data key, which
// is itself wrapped by the master key. Secrets leave the vault only to authenticate a request
// (src/vault/credentials.ts); the API shows which fields are set, never their values.
import { randomBytes } from 'node:crypto';
import { OrcaError } from '../domain/errors.ts';
import type { Store, WorkspaceScope } from '../store/store.ts';
import {
  type ConnectionRecord,
  findWorkspaceKey,
  insertWorkspaceKey,
  rewrapWorkspaceKey,
  workspaceKeysNotWrappedBy,
} from '../store/vault-repository.ts';
import { open, seal } from './envelope.ts';
import type { MasterKey } from './master-key.ts';

export interface VaultKeys {
  current?: MasterKey;
  /** Keys a rotation replaced, still able to unwrap what they wrapped. */
  previous: MasterKey[];
}

export type SecretFields = Record<string, string>;

const wrapPurpose = (workspaceId: string) => `orca workspace key ${workspaceId}`;
const secretPurpose = (workspaceId: string) => `orca connection secret ${workspaceId}`;

export class Vault {
  readonly #store: Store;
  readonly #keys: VaultKeys;
  readonly #inFlight = new Map<string, Promise<unknown>>();

  constructor(store: Store, keys: VaultKeys) {
    this.#store = store;
    this.#keys = keys;
  }

  get available(): boolean {
    return this.#keys.current !== undefined;
  }

  #current(): MasterKey {
    if (!this.#keys.current) {
      throw new OrcaError(
        'service_unavailable',
        'Connected accounts need a master key: set ORCA_SECRET_KEY (64 hex digits, e.g. from openssl rand -hex 32) on every Orca process, then restart.',
      );
    }
    return this.#keys.current;
  }

  /** The workspace's data key: made on first use, and wrapped anew if an old master key wrapped it. */
  async #dataKey(scope: WorkspaceScope): Promise<Buffer> {
    const current = this.#current();
    let stored = await findWorkspaceKey(scope);
    if (!stored) {
      const made = randomBytes(32);
      stored = await insertWorkspaceKey(
        scope,
        seal(current.key, made, wrapPurpose(scope.workspaceId)),
        current.id,
      );
    }
    if (stored.masterKeyId === current.id)
      return open(current.key, stored.wrappedKey, wrapPurpose(scope.workspaceId));
    const wrapper = this.#keys.previous.find((key) => key.id === stored.masterKeyId);
    if (!wrapper) {
      throw new OrcaError(
        'service_unavailable',
        `This workspace's secrets were locked with master key ${stored.masterKeyId}, which this Orca does not have: add it to ORCA_PREVIOUS_SECRET_KEYS.`,
      );
    }
    const dataKey = open(wrapper.key, stored.wrappedKey, wrapPurpose(scope.workspaceId));
    await rewrapWorkspaceKey(scope, seal(current.key, dataKey, wrapPurpose(scope.workspaceId)), current.id);
    return dataKey;
  }

  async sealSecret(scope: WorkspaceScope, secret: SecretFields): Promise<string> {
    const key = await this.#dataKey(scope);
    return seal(key, Buffer.from(JSON.stringify(secret), 'utf8'), secretPurpose(scope.workspaceId));
  }

  async openSecret(
    scope: WorkspaceScope,
    connection: Pick<ConnectionRecord, 'sealedSecret'>,
  ): Promise<SecretFields> {
    const key = await this.#dataKey(scope);
    return JSON.parse(
      open(key, connection.sealedSecret, secretPurpose(scope.workspaceId)).toString('utf8'),
    ) as SecretFields;
  }

  /**
   * Runs `work` once at a time per key in this process: callers that come while it runs share its
   * result. A token refresh is done so, because a provider that rotates refresh tokens accepts
   * each one once; two runs refreshing together would otherwise spend it twice.
   */
  shared<T>(key: string, work: () => Promise<T>): Promise<T> {
    const running = this.#inFlight.get(key);
    if (running) return running as Promise<T>;
    const started = work().finally(() => this.#inFlight.delete(key));
    this.#inFlight.set(key, started);
    return started;
  }

  /**
   * Wraps every workspace's data key with the current master key (after a rotation), so that
   * the previous keys can be retired. Secrets themselves are untouched: their data keys stay.
   */
  async rewrapAll(): Promise<number> {
    const current = this.#current();
    const stale = await this.#store.system((scope) => workspaceKeysNotWrappedBy(scope, current.id));
    for (const { workspaceId } of stale)
      await this.#store.inWorkspace(workspaceId, (scope) => this.#dataKey(scope));
    return stale.length;
  }
}
