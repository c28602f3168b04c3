/** A7: staff password rules — at least 12 characters from at least 3 of: lower case, upper case, digits, symbols. */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MIN_KINDS = 3;

export function passwordKinds(pw: string): number {
  return [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(pw)).length;
}

/** Null when the password is acceptable, else the rule it breaks (a code the dashboard translates). */
export function passwordProblem(pw: string, username?: string): 'TOO_SHORT' | 'TOO_SIMPLE' | 'CONTAINS_USERNAME' | null {
  if (pw.length < PASSWORD_MIN_LENGTH) return 'TOO_SHORT';
  if (passwordKinds(pw) < PASSWORD_MIN_KINDS) return 'TOO_SIMPLE';
  if (username && username.length >= 3 && pw.toLowerCase().includes(username.toLowerCase())) return 'CONTAINS_USERNAME';
  return null;
}
