// What a member row is in either family: a member of a group, named by its UserId, its API object its JSON.
import type { Pin } from '../model/pins';
import type { MemberRow, RowContext } from './concepts';
import { ExplorerNode, type NodeIds, type TreeServices } from './node';

export abstract class MemberRowBase<Member extends { UserId: string }> extends ExplorerNode implements MemberRow {
  readonly kind = 'member';
  abstract override readonly family: MemberRow['family'];

  constructor(
    parent: ExplorerNode,
    services: TreeServices,
    readonly id: string,
    protected readonly context: RowContext & { groupId: string },
    readonly member: Member,
  ) {
    super(parent, services);
  }

  get userId(): string {
    return this.member.UserId;
  }

  override ids(): NodeIds {
    return { appId: this.context.appId, groupId: this.context.groupId, userId: this.member.UserId };
  }

  override ownId(): string {
    return this.member.UserId;
  }

  asPin(): Pin {
    const { family, appId, dataCenter, groupId } = this.context;
    return { family, ...(dataCenter ? { dataCenter } : {}), appId, groupId, userId: this.member.UserId, label: this.member.UserId };
  }

  override json(): unknown {
    return this.member;
  }
}
