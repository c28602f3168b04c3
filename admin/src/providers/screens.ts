/**
 * Reads of the staff screens that are not a react-admin resource: a member's 医保钱包 and its
 * transfers (W3, staff view; names masked by the API).
 */
import { gqlRequest } from './graphqlClient';

export interface WalletTransferRow {
  id: number;
  senderId: number;
  recipientId: number;
  senderName: string;
  recipientName: string;
  relationship: string;
  amountFen: number;
  state: string;
  expiresAt: string;
  decidedAt: string | null;
  createdAt: string;
}

export interface MemberWalletView {
  wallet: { id: number; balanceFen: number } | null;
  transfers: { items: WalletTransferRow[]; total: number };
}

export const MEMBER_WALLET = `query Admin_memberWallet($memberId: Int!, $page: Int!, $perPage: Int!) { wallet: memberWallet(memberId: $memberId) { id balanceFen }
  transfers: memberWalletTransfers(memberId: $memberId, page: $page, perPage: $perPage, sortField: "id", sortOrder: DESC) {
    items { id senderId recipientId senderName recipientName relationship amountFen state expiresAt decidedAt createdAt } total } }`;

export async function fetchMemberWallet(memberId: number, page: number, perPage: number): Promise<MemberWalletView> {
  return gqlRequest<MemberWalletView>(MEMBER_WALLET, { memberId, page, perPage });
}
