import { utils } from "ssh2";

/**
 * Why an SSH private key cannot be used, or undefined when it can: checked when the fleet file is read, so a bad
 * key stops start-up with the file and field named instead of failing every connection later.
 */
export function privateKeyProblem(key: string): string | undefined {
  const parsed = utils.parseKey(key);
  if (parsed instanceof Error) {
    return /encrypted|passphrase/i.test(parsed.message)
      ? "the key is protected by a passphrase: load it into an ssh-agent (SSH_AUTH_SOCK) instead"
      : `not a private key ssh can use (${parsed.message})`;
  }
  const first = Array.isArray(parsed) ? parsed[0] : parsed;
  if (!first?.isPrivateKey()) return "this is a public key: name the private key file";
  return undefined;
}
