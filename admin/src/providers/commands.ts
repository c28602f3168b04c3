/**
 * The dashboard's command mutations: one typed document per mutation, each returning the record or
 * a RuleViolation (`dataProvider.command(resource, <Document>, variables)`). A new one is printed by
 * `node scripts/command-document.mjs <mutation>`; then `pnpm codegen`.
 */
import { graphql } from '../gql';

export const RecordMemberExitDocument = graphql(`
  mutation Admin_recordMemberExit($input: MemberEventInput!) {
    result: recordMemberExit(input: $input) {
      __typename
      ... on Member {
        ...MemberFields
      }
      ...RuleViolationFields
    }
  }
`);

export const RecordMemberDeathDocument = graphql(`
  mutation Admin_recordMemberDeath($input: MemberEventInput!) {
    result: recordMemberDeath(input: $input) {
      __typename
      ... on Member {
        ...MemberFields
      }
      ...RuleViolationFields
    }
  }
`);

export const SuspendBindingDocument = graphql(`
  mutation Admin_suspendBinding($id: Int!, $reason: String!) {
    result: suspendBinding(id: $id, reason: $reason) {
      __typename
      ... on Binding {
        ...BindingFields
      }
      ...RuleViolationFields
    }
  }
`);

export const RestoreBindingDocument = graphql(`
  mutation Admin_restoreBinding($id: Int!, $reason: String!) {
    result: restoreBinding(id: $id, reason: $reason) {
      __typename
      ... on Binding {
        ...BindingFields
      }
      ...RuleViolationFields
    }
  }
`);

export const ApproveBindingDocument = graphql(`
  mutation Admin_approveBinding($id: Int!, $reason: String!) {
    result: approveBinding(id: $id, reason: $reason) {
      __typename
      ... on Binding {
        ...BindingFields
      }
      ...RuleViolationFields
    }
  }
`);

export const RejectBindingDocument = graphql(`
  mutation Admin_rejectBinding($id: Int!, $reason: String!) {
    result: rejectBinding(id: $id, reason: $reason) {
      __typename
      ... on Binding {
        ...BindingFields
      }
      ...RuleViolationFields
    }
  }
`);

export const ReviewProofDocument = graphql(`
  mutation Admin_reviewProof($decision: ReviewDecision!, $id: Int!, $reason: String) {
    result: reviewProof(decision: $decision, id: $id, reason: $reason) {
      __typename
      ... on RelationshipProof {
        ...ProofFields
      }
      ...RuleViolationFields
    }
  }
`);

export const AddFraudCaseNoteDocument = graphql(`
  mutation Admin_addFraudCaseNote($id: Int!, $text: String!) {
    result: addFraudCaseNote(id: $id, text: $text) {
      __typename
      ... on FraudCase {
        ...FraudCaseFields
      }
      ...RuleViolationFields
    }
  }
`);

export const AssignFraudCaseDocument = graphql(`
  mutation Admin_assignFraudCase($assigneeId: Int, $id: Int!) {
    result: assignFraudCase(assigneeId: $assigneeId, id: $id) {
      __typename
      ... on FraudCase {
        ...FraudCaseFields
      }
      ...RuleViolationFields
    }
  }
`);

export const DismissFraudCaseDocument = graphql(`
  mutation Admin_dismissFraudCase($id: Int!, $reason: String!) {
    result: dismissFraudCase(id: $id, reason: $reason) {
      __typename
      ... on FraudCase {
        ...FraudCaseFields
      }
      ...RuleViolationFields
    }
  }
`);

export const ConfirmFraudCaseDocument = graphql(`
  mutation Admin_confirmFraudCase($input: ConfirmFraudCaseInput!) {
    result: confirmFraudCase(input: $input) {
      __typename
      ... on FraudCase {
        ...FraudCaseFields
      }
      ...RuleViolationFields
    }
  }
`);

export const StartFraudInvestigationDocument = graphql(`
  mutation Admin_startFraudInvestigation($id: Int!) {
    result: startFraudInvestigation(id: $id) {
      __typename
      ... on FraudCase {
        ...FraudCaseFields
      }
      ...RuleViolationFields
    }
  }
`);

export const FlagFraudDocument = graphql(`
  mutation Admin_flagFraud($input: FlagFraudInput!) {
    result: flagFraud(input: $input) {
      __typename
      ... on FraudCase {
        ...FraudCaseFields
      }
      ...RuleViolationFields
    }
  }
`);

export const WithdrawPolicyVersionDocument = graphql(`
  mutation Admin_withdrawPolicyVersion($id: Int!, $reason: String!) {
    result: withdrawPolicyVersion(id: $id, reason: $reason) {
      __typename
      ... on PolicyVersion {
        ...PolicyFields
      }
      ...RuleViolationFields
    }
  }
`);


export const CorrectMemberDocument = graphql(`
  mutation Admin_correctMember($input: CorrectMemberInput!) {
    result: correctMember(input: $input) {
      __typename
      ... on Member {
        ...MemberFields
      }
      ...RuleViolationFields
    }
  }
`);

export const StaffRevokeBindingDocument = graphql(`
  mutation Admin_staffRevokeBinding($id: Int!, $reason: String!) {
    result: staffRevokeBinding(id: $id, reason: $reason) {
      __typename
      ... on Binding {
        ...BindingFields
      }
      ...RuleViolationFields
    }
  }
`);

export const ApproveBindingWithProofsDocument = graphql(`
  mutation Admin_approveBindingWithProofs($bindingId: Int!, $proofIds: [Int!]!, $reason: String!) {
    result: approveBindingWithProofs(bindingId: $bindingId, proofIds: $proofIds, reason: $reason) {
      __typename
      ... on Binding {
        ...BindingFields
      }
      ...RuleViolationFields
    }
  }
`);

