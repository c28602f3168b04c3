/**
 * C1 应收未收: a member's charges (what the personal account owes the fund), recorded and waived by
 * caseworkers, and what a closure paid to the fund first. Typed documents (pnpm codegen).
 */
import { graphql } from '../../gql';
import type { Admin_MemberChargesQuery, RecordChargeInput } from '../../gql/graphql';
import { gqlRequest, unwrapResult } from '../../providers/graphqlClient';

export const MEMBER_CHARGES = graphql(`
  query Admin_memberCharges($memberId: Int!, $page: Int!, $perPage: Int!) {
    charges: memberCharges(memberId: $memberId, page: $page, perPage: $perPage) {
      items {
        id
        kind
        amountFen
        paidFen
        state
        reason
        fraudCaseId
        documentRef
        closureId
        createdBy
        createdAt
        settledBy
        settledAt
        waiveReason
      }
      total
    }
  }
`);

export type ChargePage = Admin_MemberChargesQuery['charges'];
export type ChargeRow = ChargePage['items'][number];

export async function fetchMemberCharges(memberId: number, page: number, perPage: number): Promise<ChargePage> {
  return (await gqlRequest(MEMBER_CHARGES, { memberId, page, perPage })).charges;
}

export const RECORD_CHARGE = graphql(`
  mutation Admin_recordAccountCharge($input: RecordChargeInput!) {
    result: recordAccountCharge(input: $input) {
      __typename
      ... on AccountCharge {
        id
        state
      }
      ...RuleViolationFields
    }
  }
`);

export async function recordCharge(input: RecordChargeInput) {
  return unwrapResult((await gqlRequest(RECORD_CHARGE, { input })).result, 'recordAccountCharge');
}

export const WAIVE_CHARGE = graphql(`
  mutation Admin_waiveAccountCharge($input: WaiveChargeInput!) {
    result: waiveAccountCharge(input: $input) {
      __typename
      ... on AccountCharge {
        id
        state
      }
      ...RuleViolationFields
    }
  }
`);

export async function waiveCharge(chargeId: number, reason: string) {
  return unwrapResult((await gqlRequest(WAIVE_CHARGE, { input: { chargeId, reason } })).result, 'waiveAccountCharge');
}

export const CLOSURE_FEES = graphql(`
  query Admin_closureFees($id: Int!) {
    closure: accountClosure(id: $id) {
      id
      feesPaidFen
      feeShortfallFen
    }
  }
`);

export async function fetchClosureFees(id: number) {
  return (await gqlRequest(CLOSURE_FEES, { id })).closure;
}
