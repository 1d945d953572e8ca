/** A refused input: which field, and a message a person can act on. */
export interface InputProblem {
  kind: 'invalid_input';
  field: string;
  message: string;
}

// RFC 5321 caps a path at 256 octets, which leaves 254 characters for the address itself.
const EMAIL_MAX = 254;
// One @, something on each side, a dot in the domain, no spaces or control characters.
const EMAIL_SHAPE = /^[^\s@\p{Cc}]+@[^\s@\p{Cc}]+\.[^\s@\p{Cc}]+$/u;
export const PASSWORD_MIN = 8;
// argon2 would take any length; the cap keeps one request from buying a long hash.
export const PASSWORD_MAX = 256;
const NAME_MAX = 150;

/**
 * NFKC first, so that look-alike spellings of one address (full-width letters, ligatures)
 * share one account and one counter; then trimmed and lowercased.
 */
export function normalizeEmail(email: string): string {
  return email.normalize('NFKC').trim().toLowerCase();
}

/** NFKC, so a password typed on another keyboard or OS in another composed form still matches. */
export function normalizePassword(password: string): string {
  return password.normalize('NFKC');
}

const problem = (field: string, message: string): InputProblem => ({ kind: 'invalid_input', field, message });

/** NUL and lone surrogates are refused everywhere: no store keeps them faithfully. */
function textProblem(field: string, value: string): InputProblem | undefined {
  if (value.includes('\u0000')) return problem(field, `${field} must not contain NUL characters.`);
  if (!value.isWellFormed()) return problem(field, `${field} must be valid Unicode text.`);
  return undefined;
}

export function emailProblem(email: string): InputProblem | undefined {
  const bad = textProblem('email', email);
  if (bad) return bad;
  // Checked before NFKC, which could otherwise build a long address out of a short input.
  if (email.length > EMAIL_MAX * 2) return problem('email', `email must be at most ${EMAIL_MAX} characters.`);
  const normalized = normalizeEmail(email);
  if (normalized.length > EMAIL_MAX)
    return problem('email', `email must be at most ${EMAIL_MAX} characters.`);
  if (!EMAIL_SHAPE.test(normalized))
    return problem('email', 'email must be an address like name@example.com.');
  return undefined;
}

export function passwordProblem(password: string, field = 'password'): InputProblem | undefined {
  const bad = textProblem(field, password);
  if (bad) return bad;
  const length = [...normalizePassword(password)].length;
  if (length < PASSWORD_MIN || length > PASSWORD_MAX) {
    return problem(field, `${field} must be ${PASSWORD_MIN} to ${PASSWORD_MAX} characters long.`);
  }
  return undefined;
}

export function nameProblem(field: string, value: string, minLength: number): InputProblem | undefined {
  const bad = textProblem(field, value);
  if (bad) return bad;
  const length = [...value.trim()].length;
  if (length < minLength || length > NAME_MAX) {
    return problem(field, `${field} must be ${minLength} to ${NAME_MAX} characters long.`);
  }
  return undefined;
}
