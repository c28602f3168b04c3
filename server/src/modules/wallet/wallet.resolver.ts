import { Arg, Args, Authorized, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../core/context';
import { ListArgs, PageOf } from '../../core/pagination';
import { resultUnion } from '../../core/results';
import { WalletAccount, WalletLedgerEntry, WalletTransfer } from './wallet.entity';
import { SendWalletTransferInput } from './wallet.inputs';
import * as wallets from './wallet.service';

const WalletTransferPage = PageOf(WalletTransfer, 'WalletTransfer');
const WalletEntryPage = PageOf(WalletLedgerEntry, 'WalletLedgerEntry');
const WalletTransferResult = resultUnion('WalletTransfer', WalletTransfer);

@Resolver(() => WalletTransfer)
export class WalletResolver {
  @Authorized('MEMBER')
  @Mutation(() => WalletTransferResult, { description: 'W1–W2, W5: send part of my personal account to a close relative’s 医保钱包 (idempotent per requestId).' })
  sendWalletTransfer(@Ctx() ctx: RequestContext, @Arg('input') input: SendWalletTransferInput) {
    return wallets.sendTransfer(ctx, input);
  }

  @Authorized('MEMBER')
  @Mutation(() => WalletTransferResult, { description: 'W3: accept a transfer sent to me; it arrives in my wallet.' })
  acceptWalletTransfer(@Ctx() ctx: RequestContext, @Arg('id', () => Int) id: number) {
    return wallets.acceptTransfer(ctx, id);
  }

  @Authorized('MEMBER')
  @Mutation(() => WalletTransferResult, { description: 'W3: decline a transfer sent to me; it returns to the sender.' })
  declineWalletTransfer(@Ctx() ctx: RequestContext, @Arg('id', () => Int) id: number) {
    return wallets.declineTransfer(ctx, id);
  }

  @Authorized('MEMBER')
  @Query(() => WalletTransferPage, { description: 'W3: my wallet transfers. direction: SENT, RECEIVED or both. sortField: id, createdAt.' })
  myWalletTransfers(@Ctx() ctx: RequestContext, @Args() args: ListArgs, @Arg('direction', () => String, { nullable: true }) direction?: string) {
    return wallets.myTransfers(ctx, direction, args);
  }

  @Authorized('MEMBER')
  @Query(() => WalletAccount, { nullable: true, description: 'W3: my 医保钱包 (null until a transfer first arrives).' })
  myWallet(@Ctx() ctx: RequestContext) {
    return wallets.myWallet(ctx);
  }

  @Authorized('CASEWORKER', 'FRAUD_ANALYST', 'AUDITOR')
  @Query(() => WalletAccount, { nullable: true, description: 'W3, staff: a member’s 医保钱包 (member in scope; null until a transfer first arrives).' })
  memberWallet(@Ctx() ctx: RequestContext, @Arg('memberId', () => Int) memberId: number) {
    return wallets.memberWallet(ctx, memberId);
  }

  @Authorized('CASEWORKER', 'FRAUD_ANALYST', 'AUDITOR')
  @Query(() => WalletTransferPage, { description: 'W3, staff: the wallet transfers a member in scope sent or received (names masked). direction: SENT, RECEIVED or both. sortField: id, createdAt.' })
  memberWalletTransfers(
    @Ctx() ctx: RequestContext,
    @Arg('memberId', () => Int) memberId: number,
    @Args() args: ListArgs,
    @Arg('direction', () => String, { nullable: true }) direction?: string,
  ) {
    return wallets.memberTransfers(ctx, memberId, direction, args);
  }

  @FieldResolver(() => String, { description: 'The sender’s masked name (A3).' })
  senderName(@Root() t: WalletTransfer, @Ctx() ctx: RequestContext) {
    return wallets.partyName(ctx, t.senderId);
  }

  @FieldResolver(() => String, { description: 'The recipient’s masked name (A3).' })
  recipientName(@Root() t: WalletTransfer, @Ctx() ctx: RequestContext) {
    return wallets.partyName(ctx, t.recipientId);
  }

  @FieldResolver(() => String, { description: 'The other party’s masked name (A6).' })
  counterpartName(@Root() t: WalletTransfer, @Ctx() ctx: RequestContext) {
    return wallets.counterpartName(ctx, t);
  }
}

@Resolver(() => WalletAccount)
export class WalletAccountResolver {
  @FieldResolver(() => WalletEntryPage, { description: 'W3: the wallet’s own ledger. sortField: id.' })
  entries(@Root() w: WalletAccount, @Ctx() ctx: RequestContext, @Args() args: ListArgs) {
    return wallets.walletEntries(ctx, w, args);
  }
}
