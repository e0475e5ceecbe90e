/**
 * Retries `attempt` until it resolves (its value) or `timeoutMs` passes (its last error): for what
 * happens just after a change (durable jobs, the bus) or while the platform reconnects.
 */
export async function eventually<T>(attempt: () => Promise<T>, timeoutMs = 15_000, everyMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, everyMs));
    }
  }
}
