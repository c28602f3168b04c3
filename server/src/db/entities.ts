import { PersonalAccount, LedgerEntry } from '../modules/account/account.entity';
import { AuditHead, AuditLog, AuditLogRegion } from '../modules/audit/audit.entity';
import { ChannelClient } from '../modules/auth/channel-client.entity';
import { Binding, BindingTransition } from '../modules/binding/binding.entity';
import { FraudSignal } from '../modules/fraud-signal/fraud-signal.entity';
import { FraudCase, FraudCaseLink, FraudCaseNote, FraudCaseRule, FraudSanction, FraudScanState, FraudTally } from '../modules/fraud/fraud-case.entity';
import { Institution } from '../modules/institution/institution.entity';
import { Member } from '../modules/member/member.entity';
import { PolicyVersion } from '../modules/policy/policy.entity';
import { RelationshipProof } from '../modules/proof/proof.entity';
import { ProofBlobChunk } from '../modules/proof/proof-blob.entity';
import { PoolingRegion, Province } from '../modules/region/region.entity';
import { StaffUser } from '../modules/staff/staff.entity';
import { MemberCredential } from '../modules/credential/credential.entity';
import { BatchRun, ResidentPremiumPayment } from '../modules/batch/batch.entity';
import { OutboxCursor, OutboxEventRow } from '../modules/outbox/outbox.entity';
import { Settlement, SettlementPayment, SettlementReversal } from '../modules/settlement/settlement.entity';
import { SettlementRollupDay, SettlementRollupMonth, SettlementRollupRegionMonth } from '../modules/dashboard/dashboard-rollup.entity';
import { ImportJob, ImportProblem } from '../modules/registry/import-job.entity';
import { AccountCharge } from '../modules/charge/charge.entity';
import { AccountClosure, ClosurePayment } from '../modules/closure/closure.entity';
import { WalletAccount, WalletLedgerEntry, WalletTransfer } from '../modules/wallet/wallet.entity';

/** Every entity; the migrations must create exactly this schema (checked by a test). */
export const ENTITIES = [
  Province,
  PoolingRegion,
  Member,
  PersonalAccount,
  LedgerEntry,
  Binding,
  BindingTransition,
  RelationshipProof,
  ProofBlobChunk,
  Institution,
  ChannelClient,
  PolicyVersion,
  StaffUser,
  AuditLog,
  AuditLogRegion,
  AuditHead,
  FraudSignal,
  FraudCase,
  FraudCaseNote,
  FraudSanction,
  FraudScanState,
  FraudCaseLink,
  FraudTally,
  FraudCaseRule,
  MemberCredential,
  Settlement,
  SettlementPayment,
  SettlementReversal,
  BatchRun,
  ResidentPremiumPayment,
  OutboxEventRow,
  OutboxCursor,
  SettlementRollupDay,
  SettlementRollupMonth,
  SettlementRollupRegionMonth,
  ImportJob,
  ImportProblem,
  AccountClosure,
  ClosurePayment,
  AccountCharge,
  WalletAccount,
  WalletLedgerEntry,
  WalletTransfer,
];
