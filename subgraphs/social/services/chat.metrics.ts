import { Counter, Histogram, type Registry } from 'prom-client';
import { DomainError } from '../../../platform/errors.js';

export interface ChatMetrics {
  /** Seconds a send took, accepted or refused (the brief's buckets). */
  duration: Histogram;
  /** Messages stored, by room kind. */
  sent: Counter<'room_kind'>;
  /** Sends refused, by reason. */
  refused: Counter<'reason'>;
}

export function createChatMetrics(registry: Registry): ChatMetrics {
  return {
    duration: new Histogram({
      name: 'chat_message_duration_seconds',
      help: 'Time to handle a chat send (sendMessage, sendPrivateMessage), accepted or refused',
      buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5],
      registers: [registry],
    }),
    sent: new Counter({ name: 'chat_messages_sent_total', help: 'Chat messages players sent, by room kind', labelNames: ['room_kind'], registers: [registry] }),
    refused: new Counter({
      name: 'chat_messages_refused_total',
      help: 'Chat sends refused, by reason (RATE, SLOW_MODE, MUTED, BLOCKED_TERM, READ_ONLY, MODERATORS_ONLY, INVALID, NOT_FOUND, CONFLICT, OTHER)',
      labelNames: ['reason'],
      registers: [registry],
    }),
  };
}

/** The refusal metric's reason for an error a send threw. */
export function refusalReason(error: unknown): string {
  if (!(error instanceof DomainError)) return 'OTHER';
  const reason = error.details.reason;
  if (typeof reason === 'string') return reason;
  switch (error.code) {
    case 'BAD_USER_INPUT':
      return 'INVALID';
    case 'NOT_FOUND':
      return 'NOT_FOUND';
    case 'CONFLICT':
      return 'CONFLICT';
    case 'UNAUTHENTICATED':
      return 'UNAUTHENTICATED';
    default:
      return error.code;
  }
}
