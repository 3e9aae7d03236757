/**
 * Checks on the HTTP request itself, before any route: the `Host` it was sent to, the charset of
 * its body, and the method an export URL answers. Each refusal is JSON with a code (sendError).
 *
 * Host: a page on another site can make a browser resolve its own name to 127.0.0.1 (DNS
 * rebinding) and then read this API as same-origin; the request still carries the attacker's name
 * in `Host`. Only names this service is known by pass: ALLOWED_HOSTS and the address it is bound
 * to. When bound to every interface (0.0.0.0, ::), an IP address in `Host` passes too: rebinding
 * needs a name the attacker controls, never a bare address.
 */
import { isIP } from 'node:net';
import type { RequestHandler } from 'express';
import { ErrorCode } from './errors.ts';
import { sendError } from './http-errors.ts';

/** Host names every local service is reached by; ALLOWED_HOSTS (config.ts) replaces this list. */
export const DEFAULT_ALLOWED_HOSTS: readonly string[] = ['localhost', '127.0.0.1', '[::1]'];

const WILDCARD = new Set(['0.0.0.0', '::', '[::]']);

/** `host:port`, `[v6]:port` or a bare name → the name, lower case, IPv6 in brackets. */
export function hostName(header: string): string {
  const value = header.trim().toLowerCase();
  if (value.startsWith('[')) {
    const end = value.indexOf(']');
    return end < 0 ? value : value.slice(0, end + 1);
  }
  const colon = value.lastIndexOf(':');
  return colon < 0 ? value : value.slice(0, colon);
}

/** Whether `Host: header` names this service, bound to `bound`, with `allowed` names ('*': any). */
export function hostAllowed(header: string, bound: string, allowed: readonly string[]): boolean {
  return hostCheck(bound, allowed)(header);
}

/**
 * `hostAllowed` for one bound address and list, with the names gathered once: the front
 * (http/front.ts) asks it on every request. A header seen before is answered from a small memo.
 */
export function hostCheck(bound: string, allowed: readonly string[]): (header: string) => boolean {
  if (allowed.includes('*')) return () => true;
  const names = new Set([
    ...allowed.map((h) => h.toLowerCase()),
    hostName(bound.includes(':') && !bound.startsWith('[') ? `[${bound}]` : bound),
  ]);
  const seen = new Map<string, boolean>();
  return (header) => {
    const known = seen.get(header);
    if (known !== undefined) return known;
    const name = hostName(header);
    const ok = names.has(name) || (WILDCARD.has(bound) && isIP(name.replace(/^\[|\]$/g, '')) !== 0);
    // Any client may send any Host: the memo stays small, whatever it is sent.
    if (seen.size < 64) seen.set(header, ok);
    return ok;
  };
}

export function hostGuard(bound: () => string, allowed: readonly string[]): RequestHandler {
  return (req, res, next) => {
    const header = req.headers.host;
    // HTTP/1.0 clients may send none; browsers, which rebinding needs, always send one.
    if (header === undefined || hostAllowed(header, bound(), allowed)) {
      next();
      return;
    }
    sendError(
      res,
      403,
      ErrorCode.BAD_REQUEST,
      `The Host header names ${JSON.stringify(hostName(header).slice(0, 100))}, which this service does not answer to; ` +
        'add it to ALLOWED_HOSTS if it is one of its names.',
    );
  };
}

/** Charsets a JSON body may use: the Unicode encodings (RFC 8259 §8.1; body-parser takes any utf-*). */
const UNICODE_CHARSETS = new Set([
  'utf-8',
  'utf8',
  'utf-16',
  'utf-16le',
  'utf-16be',
  'utf-32',
  'utf-32le',
  'utf-32be',
]);

/** A body declared in another charset (utf-7, latin1, …) is refused with 415 before it is read. */
export const charsetGuard: RequestHandler = (req, res, next) => {
  const type = req.headers['content-type'];
  const match = type === undefined ? null : /;\s*charset\s*=\s*"?([^";\s]*)"?/i.exec(type);
  if (match === null || UNICODE_CHARSETS.has(match[1]!.toLowerCase())) {
    next();
    return;
  }
  sendError(
    res,
    415,
    ErrorCode.BAD_REQUEST,
    `The request body must be UTF-8, UTF-16 or UTF-32 JSON; its charset is ${JSON.stringify(match[1]!.slice(0, 40))}.`,
  );
};

/** Export URLs (`/plans/…/graph.graphml|json`) are read with GET; other methods get 405 and Allow. */
export const exportMethods: RequestHandler = (req, res, next) => {
  if (
    !/^\/plans\/(?:[^/]+\/)?graph\.[^/]+$/.test(req.path) ||
    ['GET', 'HEAD', 'OPTIONS'].includes(req.method)
  ) {
    next();
    return;
  }
  res.setHeader('allow', 'GET, HEAD, OPTIONS');
  sendError(
    res,
    405,
    ErrorCode.BAD_REQUEST,
    `${req.method} is not allowed on ${JSON.stringify(req.path.slice(0, 200))}: exports are read with GET.`,
  );
};
