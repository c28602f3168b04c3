/**
 * Reads of the staff screens that are not a react-admin resource: a member's 医保钱包 and its
 * transfers (W3, staff view; names masked by the API).
 */
import { graphql } from '../gql';
import type { Admin_MemberWalletQuery } from '../gql/graphql';
import { gqlRequest } from './graphqlClient';

export const MEMBER_WALLET = graphql(`
  query Admin_memberWallet($memberId: Int!, $page: Int!, $perPage: Int!) {
    wallet: memberWallet(memberId: $memberId) {
      id
      balanceFen
    }
    transfers: memberWalletTransfers(memberId: $memberId, page: $page, perPage: $perPage, sortField: "id", sortOrder: DESC) {
      items {
        id
        senderId
        recipientId
        senderName
        recipientName
        relationship
        amountFen
        state
        expiresAt
        decidedAt
        createdAt
      }
      total
    }
  }
`);

export type MemberWalletView = Admin_MemberWalletQuery;
export type WalletTransferRow = MemberWalletView['transfers']['items'][number];

export async function fetchMemberWallet(memberId: number, page: number, perPage: number): Promise<MemberWalletView> {
  return gqlRequest(MEMBER_WALLET, { memberId, page, perPage });
}
