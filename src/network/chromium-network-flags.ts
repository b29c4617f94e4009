// Chromium flags that leave the policing proxy as the browser's only way out. Each closes a path
// Chromium would otherwise take on its own (checked against Debian's Chromium 156 by
// test/security/browser-network.unit.test.ts).

/** The bypass list that proxies loopback too: Chromium sends localhost and 127/8 direct by default. */
export const proxyEverything = '<-loopback>';

/** Launch flags that send every connection of the browser to the proxy at `proxyUrl`. */
export function chromiumNetworkFlags(proxyUrl: string): string[] {
  const proxyHost = new URL(proxyUrl).hostname;
  return [
    // The browser-wide proxy; each run's context sets its own (see browser-pool.ts).
    `--proxy-server=${proxyUrl}`,
    `--proxy-bypass-list=${proxyEverything}`,
    // Chromium resolves no names: a name it looked up itself could be answered differently from
    // the proxy's lookup (DNS rebinding). The rule maps IP literals too, so even a connection that
    // somehow bypassed the proxy could reach nothing but the proxy's own address.
    `--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE ${proxyHost}`,
    '--dns-prefetch-disable',
    // HTTP/3 and WebTransport run over UDP, which no HTTP proxy carries.
    '--disable-quic',
    // WebRTC may send UDP to any address it is given (STUN, TURN, peers): only proxied TCP.
    // (Chromium 156 ignores --force-webrtc-ip-handling-policy=…; this spelling is the one it obeys.)
    '--webrtc-ip-handling-policy=disable_non_proxied_udp',
  ];
}
