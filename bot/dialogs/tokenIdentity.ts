/**
 * The sign-in email carried by a token from the Bot Framework token service.
 * The token reached us over the authenticated channel from the token service,
 * so its claims are read, not re-verified here; a token that is not a JWT or
 * carries no address yields null.
 */
export function emailFromToken(token: string): string | null {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  try {
    const claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as Record<string, unknown>;
    for (const name of ['email', 'preferred_username', 'upn', 'unique_name']) {
      const value = claims[name];
      if (typeof value === 'string' && value.includes('@')) return value;
    }
    return null;
  } catch {
    return null;
  }
}
