import { createInterface } from 'node:readline';

/**
 * Reads a password from a prompt with echo off, or from the first line of standard input
 * when it is not a terminal (`echo "$PW" | npm run cli -- create-admin …`). Never from an
 * argument: arguments end up in shell history and in `ps` output.
 */
export async function readPassword(prompt: string): Promise<string> {
  return process.stdin.isTTY ? readHidden(prompt) : readFirstLine();
}

async function readFirstLine(): Promise<string> {
  const lines = createInterface({ input: process.stdin });
  for await (const line of lines) {
    lines.close();
    return line;
  }
  return '';
}

function readHidden(prompt: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
    const output = rl as unknown as { _writeToOutput: (text: string) => void };
    process.stderr.write(prompt);
    output._writeToOutput = () => undefined;
    rl.question('', (answer) => {
      rl.close();
      process.stderr.write('\n');
      resolve(answer);
    });
  });
}
