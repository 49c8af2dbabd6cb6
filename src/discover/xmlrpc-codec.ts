import { createRequire } from 'node:module';
import { Readable } from 'node:stream';

// The xmlrpc package's own codec (its server wants to own the socket; korso's routes live in Hono).
const require = createRequire(import.meta.url);
const Deserializer = require('xmlrpc/lib/deserializer.js') as new (
  encoding?: string,
) => {
  deserializeMethodCall(
    stream: Readable,
    cb: (error: Error | null, method: string, params: unknown[]) => void,
  ): void;
};
const serializer = require('xmlrpc/lib/serializer.js') as {
  serializeMethodResponse(value: unknown): string;
  serializeFault(fault: { faultCode: number; faultString: string }): string;
};

export interface MethodCall {
  method: string;
  params: unknown[];
}

export function parseMethodCall(xml: string): Promise<MethodCall> {
  return new Promise((resolve, reject) => {
    new Deserializer('utf8').deserializeMethodCall(Readable.from([xml]), (error, method, params) => {
      if (error) reject(error);
      else resolve({ method, params: params ?? [] });
    });
  });
}

export function methodResponse(value: unknown): string {
  return serializer.serializeMethodResponse(value);
}

export function faultResponse(faultCode: number, faultString: string): string {
  return serializer.serializeFault({ faultCode, faultString });
}
