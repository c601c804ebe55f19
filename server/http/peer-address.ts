import net from "node:net";

/**
 * The address of the TCP connection, as a request header only this server can set.
 *
 * Next.js does not give route handlers or the proxy the socket: `next start` only fills in
 * X-Forwarded-For from it when the client did not send one (`??=`), so a client that sends its own
 * X-Forwarded-For hides its address. At start-up (instrumentation.ts) we therefore wrap the HTTP
 * server's "request" event: every request gets this header set to its socket's remote address,
 * replacing any value the client sent, before Next.js sees it. server/http/client-ip.ts starts from it.
 */
export const PEER_HEADER = "x-digiskills-peer";

type Emit = (this: net.Server, event: string | symbol, ...args: unknown[]) => boolean;
type Incoming = { headers?: Record<string, string | string[] | undefined>; socket?: { remoteAddress?: string } };

export function installPeerAddressHeader(): void {
  const proto = net.Server.prototype as net.Server & { __dsPeer?: boolean; emit: Emit };
  if (proto.__dsPeer) return;
  proto.__dsPeer = true;
  const emit = proto.emit;
  proto.emit = function (this: net.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const req = args[0] as Incoming | undefined;
      if (req?.headers) req.headers[PEER_HEADER] = req.socket?.remoteAddress ?? "";
    }
    return emit.call(this, event, ...args);
  } as Emit;
}
