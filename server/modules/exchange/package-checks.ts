/**
 * What the province's instance checks of a commune's package beyond its checksums and schema
 * (docs/open-data.md, "Tỉnh nhận gói"): who signed it, and which version of the standard catalog its
 * codes are from. A refused signature is audited under the commune (`submission_package`, `refused`).
 */
import { randomUUID } from 'node:crypto';
import { CATALOG_VERSION } from '@core/catalog/standard-catalog';
import type { TSubmissionFigures, TSubmissionSignature } from '@core/schemas/exchange.schemas';
import type { Executor } from '../../db/client';
import { AppError } from '../../errors';
import type { RequestContext } from '../../http/request-context';
import { recordAudit } from '../../shared/audit-log';
import type { LocalityRow } from '../../shared/localities';
import { findRegisteredSigningKey } from './exchange.repository';
import { groupedFingerprint, verifyManifest } from './package-signature';

/** Why a package's signature was refused (the audit trail's `reason`). */
export type SignatureRefusal = 'unsigned' | 'unknown_key' | 'revoked_key' | 'bad_signature';

/**
 * Checks the package's signature: it must be signed, by a key registered for the commune and not
 * revoked (or by this instance's own key: this server made the package), over the exact bytes of
 * manifest.json. A refusal is audited before it is thrown.
 *
 * @returns the fingerprint of the key that signed the package
 * @throws AppError PACKAGE_INVALID (422) saying which of the four problems it is
 */
export const checkPackageSignature = async (
  db: Executor,
  context: RequestContext,
  now: Date,
  input: {
    commune: LocalityRow;
    signature: TSubmissionSignature | null;
    manifestBytes: Uint8Array;
    figures: TSubmissionFigures;
    fileName: string;
    ownKey: { publicKey: string; fingerprint: string };
  },
): Promise<string> => {
  const { commune, signature } = input;
  const named = `${commune.kind} ${commune.name} (mã ${commune.code})`;
  const refuse = async (reason: SignatureRefusal, message: string): Promise<never> => {
    await recordAudit(db, context, now, {
      entityType: 'submission_package',
      entityId: randomUUID(),
      localityId: commune.id,
      action: 'create',
      after: {
        refused: reason,
        fileName: input.fileName,
        localityCode: commune.code,
        periodKey: input.figures.period.key,
        reportVersion: input.figures.approval.version,
        keyFingerprint: signature?.keyFingerprint ?? null,
      },
    });
    throw new AppError('PACKAGE_INVALID', { message });
  };
  if (!signature)
    return refuse(
      'unsigned',
      `Gói chưa được ký số nên không nhận: không có tệp signature.json. Gói do hệ thống Lộ trình của ${named} lập từ phiên bản có chữ ký số đều được ký; hãy đề nghị xã tải lại gói từ hệ thống của mình.`,
    );
  const fingerprint = signature.keyFingerprint;
  let publicKey: string;
  if (fingerprint === input.ownKey.fingerprint) publicKey = input.ownKey.publicKey;
  else {
    const registered = await findRegisteredSigningKey(db, commune.id, fingerprint);
    if (!registered)
      return refuse(
        'unknown_key',
        `Gói được ký bằng khóa chưa đăng ký cho ${named} (dấu vân tay ${groupedFingerprint(fingerprint)}). Quản trị của tỉnh đăng ký khóa công khai của hệ thống xã ở trang đơn vị của xã, mục “Khóa ký gói của hệ thống xã”.`,
      );
    if (registered.revokedAt)
      return refuse(
        'revoked_key',
        `Gói được ký bằng khóa đã bị thu hồi của ${named} (dấu vân tay ${groupedFingerprint(fingerprint)}).`,
      );
    publicKey = registered.publicKey;
  }
  if (!verifyManifest(input.manifestBytes, signature, publicKey))
    return refuse(
      'bad_signature',
      `Chữ ký của gói không đúng: gói không do hệ thống của ${named} lập hoặc đã bị sửa sau khi ký. Hãy xin lại gói gốc từ xã.`,
    );
  return fingerprint;
};

/**
 * Compares the package's catalog version with this instance's. Codes are compared as codes: a package
 * of another version is counted all the same, and the sentence returned says so; a package using a
 * catalog code this instance's catalog does not have is refused (it could be counted under nothing).
 *
 * @returns the warning for another catalog version, or null for the same one
 * @throws AppError PACKAGE_INVALID naming the unknown codes
 */
export const catalogWarningOf = (
  figures: TSubmissionFigures,
  catalog: { has: (code: string) => boolean },
): string | null => {
  const unknown = [
    ...new Set(
      figures.indicators
        .filter((item) => item.catalogMapped && item.catalogCode != null && !catalog.has(item.catalogCode))
        .map((item) => item.catalogCode!),
    ),
  ];
  if (unknown.length)
    throw new AppError('PACKAGE_INVALID', {
      message: `Gói dùng mã danh mục chưa có trong danh mục chỉ tiêu chuẩn phiên bản ${CATALOG_VERSION} của hệ thống này: ${unknown.slice(0, 10).join(', ')}${unknown.length > 10 ? ` và ${unknown.length - 10} mã khác` : ''} (gói lập với phiên bản ${figures.catalogVersion}). Hãy cập nhật hệ thống của tỉnh lên phiên bản danh mục mới rồi nhận lại gói.`,
    });
  return figures.catalogVersion === CATALOG_VERSION
    ? null
    : `Gói lập với danh mục chỉ tiêu chuẩn phiên bản ${figures.catalogVersion}, khác phiên bản ${CATALOG_VERSION} của hệ thống này; số liệu được tính theo mã danh mục.`;
};
