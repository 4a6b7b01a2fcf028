export { createTransport } from './transport.js';
export type {
  Consent,
  QueueStorage,
  RequestResult,
  Transport,
  TransportDroppedDetail,
  TransportErrorDetail,
  TransportEventMap,
  TransportOptions,
  TransportSentDetail,
} from './types.js';
