export interface NetPolicy {
  /** Admin setting: let users reach wikis on private networks and loopback (intranet installs, tests). */
  allowPrivateNetworks: boolean;
  timeoutMs: number;
  maxBytes: number;
}

export const DEFAULT_NET_POLICY: NetPolicy = {
  allowPrivateNetworks: false,
  timeoutMs: 20_000,
  maxBytes: 5 * 1024 * 1024,
};

export function resolveNetPolicy(overrides: Partial<NetPolicy> = {}): NetPolicy {
  return { ...DEFAULT_NET_POLICY, ...overrides };
}
