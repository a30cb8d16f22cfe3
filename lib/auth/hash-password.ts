import "server-only";
import { randomBytes, scrypt } from "node:crypto";

export type ScryptParams = { N: number; r: number; p: number; keyLength: number; saltLength: number };

// N=2^15, r=8 costs 32 MiB and a few hundred ms a hash on a small server: slow enough to make a stolen database
// expensive to crack, fast enough for a sign-in. scripts/user-add.mjs repeats these: change both together.
export const SCRYPT_PARAMS: ScryptParams = { N: 2 ** 15, r: 8, p: 1, keyLength: 32, saltLength: 16 };

/**
 * What a sign-in for an unknown username is checked against, so it costs as much as one for a real user and
 * its timing does not tell an attacker which names exist. Nobody knows its password; login() refuses it anyway.
 */
export const DUMMY_PASSWORD_HASH =
  "scrypt$32768$8$1$fVYqIhJ4fY3ibWo0vS75LA==$mQDF5KtPzMF4TGEtzBTSsUUuNPvhiXrLe6Yf+89R+ak=";

/** The async scrypt runs on libuv's thread pool: a sign-in must not stall every other request for its duration. */
export function deriveKey(
  password: string,
  salt: Buffer,
  params: Omit<ScryptParams, "saltLength">,
): Promise<Buffer> {
  const { N, r, p, keyLength } = params;
  // Node's default maxmem (32 MiB) is exactly what N=2^15, r=8 needs and rejects it: allow twice the need.
  const maxmem = 2 * 128 * N * r * p;
  return new Promise((resolve, reject) => {
    scrypt(password.normalize("NFC"), salt, keyLength, { N, r, p, maxmem }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

/** A self-describing `scrypt$N$r$p$saltB64$hashB64`, so the cost can be raised later without breaking old hashes. */
export async function hashPassword(password: string, params: ScryptParams = SCRYPT_PARAMS): Promise<string> {
  const salt = randomBytes(params.saltLength);
  const key = await deriveKey(password, salt, params);
  return ["scrypt", params.N, params.r, params.p, salt.toString("base64"), key.toString("base64")].join("$");
}
