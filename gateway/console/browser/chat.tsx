import { useEffect, useRef, useState, type FormEvent } from 'react';
import { gql, newClientId, type ApiError, type Session } from './api.js';
import { useQuery, useSubscription } from './use-live.js';

const ROOMS = `query ConsoleRooms { chatRooms(first: 100) { edges { node { id name kind } } } }`;
const ROOM = `query ConsoleRoom($id: ID!) {
  chatRoom(id: $id) { id name kind messages(last: 50) { edges { node { id kind text sentAt deletedAt author { username displayName } } } } }
}`;
const EVENTS = `subscription ConsoleRoomEvents($roomId: ID!) {
  chatRoomEvents(roomId: $roomId) { type message { id kind text sentAt deletedAt author { username displayName } } }
}`;
const SEND = `mutation ConsoleSend($input: SendMessageInput!) { sendMessage(input: $input) { message { id } } }`;

interface Message {
  id: string;
  kind: string;
  text: string;
  sentAt: string;
  deletedAt: string | null;
  author: { username: string; displayName: string } | null;
}
interface Room {
  id: string;
  name: string;
  kind: string;
}

/** One chat room: its last 50 messages, live (added, edited, deleted), and a box to post. */
export function Chat({ session }: { session: Session }) {
  const rooms = useQuery<{ chatRooms: { edges: { node: Room }[] } | null }>(ROOMS, {}, [session.token]);
  const list = rooms.data?.chatRooms?.edges.map((e) => e.node) ?? [];
  const [roomId, setRoomId] = useState<string>('');
  useEffect(() => {
    if (!roomId && list.length) setRoomId((list.find((r) => r.kind === 'GLOBAL') ?? list[0]!).id);
  }, [list, roomId]);
  const room = useQuery<{ chatRoom: { messages: { edges: { node: Message }[] } } | null }>(ROOM, { id: roomId }, [roomId, session.token]);
  const [messages, setMessages] = useState<Message[]>([]);
  useEffect(() => setMessages(room.data?.chatRoom?.messages.edges.map((e) => e.node) ?? []), [room.data]);
  const liveError = useSubscription<{ chatRoomEvents: { type: string; message: Message } }>(
    EVENTS,
    { roomId },
    [roomId, session.token],
    ({ chatRoomEvents: { message } }) =>
      setMessages((current) => {
        const at = current.findIndex((m) => m.id === message.id);
        if (at === -1) return [...current, message].slice(-200);
        const next = [...current];
        next[at] = message;
        return next;
      }),
    roomId !== '',
  );
  const [text, setText] = useState('');
  const [sendError, setSendError] = useState<string | null>(null);
  const end = useRef<HTMLLIElement>(null);
  // A block body: scrollIntoView returns a promise in recent browsers, and an effect may return only its clean-up.
  useEffect(() => {
    void end.current?.scrollIntoView({ block: 'end' });
  }, [messages.length]);
  const send = async (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) return;
    setSendError(null);
    try {
      await gql(SEND, { input: { roomId, text, clientMessageId: newClientId() } });
      setText('');
    } catch (error) {
      const failure = error as ApiError;
      setSendError(failure.code ? `${failure.message} (${failure.code})` : failure.message);
    }
  };
  return (
    <section className="panel chat" data-testid="chat">
      <h2>
        Chat{' '}
        <select aria-label="Room" value={roomId} onChange={(e) => setRoomId(e.target.value)}>
          {list.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name} ({r.kind.toLowerCase()})
            </option>
          ))}
        </select>
      </h2>
      {rooms.error && <p className="error">{rooms.error.message}</p>}
      {liveError && <p className="error">Live: {liveError.message}</p>}
      <ul className="messages" data-testid="messages">
        {messages.map((m) => (
          <li key={m.id} className={`message kind-${m.kind.toLowerCase()}`}>
            {m.kind !== 'PLAYER' || !m.author ? (
              <em>{m.deletedAt ? 'message deleted' : m.text}</em>
            ) : (
              <>
                <strong>{m.author.displayName}</strong> <span className={m.deletedAt ? 'deleted' : ''}>{m.deletedAt ? 'message deleted' : m.text}</span>
              </>
            )}
            <time dateTime={m.sentAt}>{new Date(m.sentAt).toLocaleTimeString()}</time>
          </li>
        ))}
        <li ref={end} className="end" />
      </ul>
      <form onSubmit={(e) => void send(e)} className="send">
        <input aria-label="Message" value={text} maxLength={2000} onChange={(e) => setText(e.target.value)} placeholder="Say something" disabled={!roomId} />
        <button type="submit" disabled={!roomId || !text.trim()}>
          Send
        </button>
      </form>
      {sendError && <p className="error" role="alert">{sendError}</p>}
    </section>
  );
}
