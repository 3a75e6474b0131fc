import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  AuditRecorder,
  type PlatformAdminContext,
  PlatformAdminLookup,
} from '@candor/platform-auth';
import { TenantDb } from '@candor/platform-database';
import {
  type ConnectionArgs,
  type ConnectionShape,
  encodeId,
  pageRequest,
  toConnection,
} from '@candor/platform-graphql';
import {
  CredentialStore,
  PlatformTenantRepository,
  type TenantSummaryRow,
} from '@candor/identity-data-access';
import { CandorException, ErrorCode } from '@candor/shared-errors';
import { IdentityException } from './identity.exception';
import { EMAIL, InvitationService } from './invitation.service';
import type { ConsultancySummary } from './models/platform.model';

function toSummary(row: TenantSummaryRow): ConsultancySummary {
  return {
    id: encodeId('Consultancy', row.id),
    name: row.name,
    createdAt: row.createdAt,
    storeCount: row.storeCount,
    memberCount: row.memberCount,
  };
}

function checkedName(value: string, field: string): string {
  const clean = value.trim();
  if (clean.length < 1 || clean.length > 200) {
    throw IdentityException.badInput(field, 'must be 1 to 200 characters');
  }
  return clean;
}

/**
 * Platform operations for platform staff: list tenants (names and counts only) and create one
 * with its first owner invited. Nothing here reads a tenant's stores, people or evidence.
 */
@Injectable()
export class PlatformService extends PlatformAdminLookup {
  constructor(
    private readonly db: TenantDb,
    private readonly tenants: PlatformTenantRepository,
    private readonly credentials: CredentialStore,
    private readonly invitations: InvitationService,
    private readonly audit: AuditRecorder,
  ) {
    super();
  }

  isPlatformAdmin(userId: string): Promise<boolean> {
    return this.credentials.isPlatformAdmin(userId);
  }

  async list(
    admin: PlatformAdminContext,
    args: ConnectionArgs,
  ): Promise<ConnectionShape<ConsultancySummary>> {
    const request = pageRequest(args);
    if (request.direction === 'backward') {
      throw new CandorException(
        ErrorCode.BadUserInput,
        'consultancies pages forward only (first/after)',
      );
    }
    const key = request.cursorKey;
    const after = key ? { name: String(key[0]), id: String(key[1]) } : null;
    const rows = await this.tenants.page(admin.userId, after, request.limit + 1);
    const total = await this.tenants.count(admin.userId);
    return toConnection(request, rows, total, (r) => [r.name.toLowerCase(), r.id], toSummary);
  }

  /**
   * Creates a consultancy and e-mails its first owner an invitation (the usual flow: they set
   * their name and password on accepting). Both are recorded in the new consultancy's chain.
   */
  async create(
    admin: PlatformAdminContext,
    input: { name: string; ownerEmail: string; ownerName: string },
  ): Promise<{ consultancy: ConsultancySummary; invitation: { id: string; expiresAt: Date } }> {
    const name = checkedName(input.name, 'name');
    const ownerName = checkedName(input.ownerName, 'ownerName');
    const ownerEmail = input.ownerEmail.trim();
    if (!EMAIL.test(ownerEmail)) {
      throw IdentityException.badInput('ownerEmail', 'is not an e-mail address');
    }
    const id = randomUUID();
    // RLS accepts the new row only in a transaction whose tenant is the new consultancy itself.
    const [created] = await this.db.run({ consultancyId: id }, (tx) =>
      tx.query<{ created_at: Date }>(
        'INSERT INTO consultancy (id, name) VALUES ($1, $2) RETURNING created_at',
        [id, name],
      ),
    );
    await this.audit.record({
      consultancyId: id,
      actor: { type: 'user', id: admin.userId },
      action: 'consultancy.created',
      entityType: 'consultancy',
      entityId: id,
      after: { name, ownerEmail, ownerName },
      details: { by: 'platform_admin' },
      ...(admin.origin ? { origin: admin.origin } : {}),
    });
    const invitation = await this.invitations.invite(
      {
        consultancyId: id,
        userId: admin.userId,
        ...(admin.origin ? { origin: admin.origin } : {}),
      },
      ownerEmail,
      'consultancy_owner',
      [],
    );
    return {
      consultancy: toSummary({
        id,
        name,
        createdAt: created!.created_at,
        storeCount: 0,
        memberCount: 0,
      }),
      invitation,
    };
  }
}
