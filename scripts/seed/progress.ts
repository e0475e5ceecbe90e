// One progress bar per phase (cli-progress) on a terminal; a line per finished phase otherwise
// (CI logs, pipes); nothing with --quiet.
import cliProgress from 'cli-progress';

export interface PhaseBar {
  increment(by?: number): void;
  /** Ends the phase, with a few words on what it did. */
  stop(outcome?: string): void;
}

export interface Progress {
  phase(name: string, total: number): PhaseBar;
}

export function createProgress(options: { quiet: boolean; stream?: NodeJS.WriteStream }): Progress {
  const stream = options.stream ?? process.stderr;
  return {
    phase(name, total) {
      const started = Date.now();
      const line = (outcome?: string) => `${name.padEnd(28)} ${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s${outcome ? `  ${outcome}` : ''}\n`;
      if (options.quiet) return { increment: () => undefined, stop: () => undefined };
      if (!stream.isTTY) return { increment: () => undefined, stop: (outcome) => void stream.write(line(outcome)) };
      const bar = new cliProgress.SingleBar(
        { format: `${name.padEnd(28)} [{bar}] {value}/{total} {eta_formatted}`, stream, hideCursor: true, clearOnComplete: true },
        cliProgress.Presets.shades_classic,
      );
      bar.start(Math.max(total, 1), 0);
      return {
        increment: (by = 1) => bar.increment(by),
        stop: (outcome) => {
          bar.stop();
          stream.write(line(outcome));
        },
      };
    },
  };
}
