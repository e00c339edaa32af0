/**
 * Ed25519 signatures of submission packages (docs/open-data.md, "Chữ ký số của gói"): the instance signs
 * the exact bytes of manifest.json (which holds the SHA-256 of every other file, so signing it signs the
 * package) and writes signature.json beside it; the province's instance checks the signature with the
 * public key it registered for the commune. Pure functions over node:crypto; keys are PEM text.
 */
import { createPublicKey, generateKeyPairSync, type KeyObject, sign, verify } from 'node:crypto';
import {
  SUBMISSION_SCHEMA_VERSION,
  SUBMISSION_SIGNATURE_SCHEMA,
  type TSubmissionSignature,
} from '@core/schemas/exchange.schemas';
import { AppError } from '../../errors';
import { sha256 } from './submission-package';

/** SHA-256 of the key's DER SubjectPublicKeyInfo, 64 lower-case hex digits. */
export const fingerprintOf = (key: KeyObject): string => sha256(key.export({ type: 'spki', format: 'der' }));

/** A fingerprint as people read it aloud or compare it: groups of four ("3f2a 9c01 …"). */
export const groupedFingerprint = (fingerprint: string): string => fingerprint.replace(/(.{4})(?!$)/g, '$1 ');

/** A new key pair for an instance, as PEM text, with the public key's fingerprint. */
export const generateSigningKeyPair = () => {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return {
    publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    fingerprint: fingerprintOf(publicKey),
  };
};

/**
 * Reads a public key pasted by an administrator: an Ed25519 key in PEM (SPKI, "-----BEGIN PUBLIC
 * KEY-----"), as the commune's instance shows it.
 *
 * @returns the key as normalised PEM and its fingerprint
 * @throws AppError VALIDATION_FAILED naming the field "Khóa công khai"
 */
export const readPublicKey = (text: string): { publicKey: string; fingerprint: string } => {
  const refuse = (message: string) =>
    new AppError('VALIDATION_FAILED', { details: [{ field: 'publicKey', message }] });
  let key: KeyObject;
  try {
    key = createPublicKey({ key: text.trim(), format: 'pem' });
  } catch {
    throw refuse(
      'Khóa công khai không đọc được: hãy dán nguyên văn khóa hệ thống của xã hiển thị, từ dòng "-----BEGIN PUBLIC KEY-----" đến "-----END PUBLIC KEY-----"',
    );
  }
  if (key.asymmetricKeyType !== 'ed25519')
    throw refuse(
      `Khóa công khai phải là khóa Ed25519 (khóa dán vào là ${key.asymmetricKeyType ?? 'loại khác'})`,
    );
  return {
    publicKey: key.export({ type: 'spki', format: 'pem' }).toString(),
    fingerprint: fingerprintOf(key),
  };
};

/** signature.json for the manifest's bytes, signed with the instance's private key (PKCS#8 PEM). */
export const signManifest = (
  manifestBytes: Uint8Array,
  key: { privateKey: string; fingerprint: string },
): TSubmissionSignature => ({
  schema: SUBMISSION_SIGNATURE_SCHEMA,
  schemaVersion: SUBMISSION_SCHEMA_VERSION,
  algorithm: 'Ed25519',
  keyFingerprint: key.fingerprint,
  signedFile: 'manifest.json',
  signature: sign(null, manifestBytes, key.privateKey).toString('base64'),
});

/** Whether the signature is the key's over exactly these manifest bytes. */
export const verifyManifest = (
  manifestBytes: Uint8Array,
  signature: TSubmissionSignature,
  publicKey: string,
): boolean => {
  try {
    return verify(null, manifestBytes, publicKey, Buffer.from(signature.signature, 'base64'));
  } catch {
    return false;
  }
};
