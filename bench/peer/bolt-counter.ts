/**
 * A loopback TCP relay in front of Neo4j that counts what clients send over Bolt: statements
 * (RUN messages), transactions (BEGIN) and socket writes. Both servers of the benchmark are measured
 * by the same relay, so "statements per operation" means the same thing on both sides. Used only
 * while checking answers, never while timing.
 *
 * Bolt framing (Bolt protocol, "Message exchange"): after a 20-byte handshake (and, with a version
 * manifest, a few bytes more, skipped up to HELLO) the client sends
 * messages in chunks, each a 2-byte big-endian size and that many bytes, a message ending with an
 * empty chunk; a message's first bytes are a PackStream struct marker (0xB0 | fields) and its tag.
 */
import { createServer, connect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

const RUN = 0x10;
const BEGIN = 0x11;

export interface BoltCounts {
  statements: number;
  transactions: number;
  writes: number;
}

export interface BoltCounter {
  readonly uri: string;
  readonly counts: BoltCounts;
  reset(): void;
  close(): Promise<void>;
}

/** Reads the client → server byte stream message by message, calling `onTag` with each tag. */
function messageReader(onTag: (tag: number) => void): (data: Buffer) => void {
  let handshake = 20;
  let pending = Buffer.alloc(0);
  let atMessageStart = true;
  let aligned = false;
  return (data) => {
    pending = Buffer.concat([pending, data]);
    if (handshake > 0) {
      const skip = Math.min(handshake, pending.length);
      pending = pending.subarray(skip);
      handshake -= skip;
      if (handshake > 0) return;
    }
    if (!aligned) {
      // Newer handshakes (a version manifest) send a few more bytes before the first message:
      // skip to HELLO, a one-field struct (0xB1) with tag 0x01, after its 2-byte chunk size.
      const at = pending.findIndex((_, i) => pending[i + 2] === 0xb1 && pending[i + 3] === 0x01);
      if (at === -1) return;
      pending = pending.subarray(at);
      aligned = true;
    }
    while (pending.length >= 2) {
      const size = pending.readUInt16BE(0);
      if (size === 0) {
        atMessageStart = true;
        pending = pending.subarray(2);
        continue;
      }
      if (pending.length < 2 + size) return;
      if (atMessageStart && size >= 2) onTag(pending[3]!);
      atMessageStart = false;
      pending = pending.subarray(2 + size);
    }
  };
}

export async function startBoltCounter(target: { host: string; port: number }): Promise<BoltCounter> {
  const counts: BoltCounts = { statements: 0, transactions: 0, writes: 0 };
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = connect(target.port, target.host);
    sockets.add(client).add(upstream);
    const read = messageReader((tag) => {
      if (tag === RUN) counts.statements += 1;
      if (tag === BEGIN) counts.transactions += 1;
    });
    client.on('data', (data: Buffer) => {
      counts.writes += 1;
      read(data);
      upstream.write(data);
    });
    upstream.pipe(client);
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('close', end).on('error', end);
    upstream.on('close', end).on('error', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    uri: `bolt://127.0.0.1:${port}`,
    counts,
    reset: () => {
      counts.statements = 0;
      counts.transactions = 0;
      counts.writes = 0;
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
