/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  mutation Admin_changePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input)\n  }\n": typeof types.Admin_ChangePasswordDocument,
    "\n  mutation Admin_login($input: StaffLoginInput!) {\n    login(input: $input) {\n      token\n      expiresAt\n      mustChangePassword\n      staff {\n        id\n        username\n        displayName\n        roles\n        permissions\n        scope\n      }\n    }\n  }\n": typeof types.Admin_LoginDocument,
    "\n  query Admin_viewer {\n    viewer {\n      kind\n      id\n      name\n      roles\n      permissions\n      scope\n    }\n  }\n": typeof types.Admin_ViewerDocument,
    "\n  mutation Admin_recordMemberExit($input: MemberEventInput!) {\n    result: recordMemberExit(input: $input) {\n      __typename\n      ... on Member {\n        ...MemberFields\n      }\n      ...RuleViolationFields\n    }\n  }\n": typeof types.Admin_RecordMemberExitDocument,
    "\n  mutation Admin_recordMemberDeath($input: MemberEventInput!) {\n    result: recordMemberDeath(input: $input) {\n      __typename\n      ... on Member {\n        ...MemberFields\n      }\n      ...RuleViolationFields\n    }\n  }\n": typeof types.Admin_RecordMemberDeathDocument,
    "\n  mutation Admin_suspendBinding($id: Int!, $reason: String!) {\n    result: suspendBinding(id: $id, reason: $reason) {\n      __typename\n      ... on Binding {\n        ...BindingFields\n      }\n      ...RuleViolationFields\n    }\n  }\n": typeof types.Admin_SuspendBindingDocument,
    "\n  mutation Admin_restoreBinding($id: Int!, $reason: String!) {\n    result: restoreBinding(id: $id, reason: $reason) {\n      __typename\n      ... on Binding {\n        ...BindingFields\n      }\n      ...RuleViolationFields\n    }\n  }\n": typeof types.Admin_RestoreBindingDocument,
    "\n  mutation Admin_approveBinding($id: Int!, $reason: String!) {\n    result: approveBinding(id: $id, reason: $reason) {\n      __typename\n      ... on Binding {\n        ...BindingFields\n      }\n      ...RuleViolationFields\n    }\n  }\n": typeof types.Admin_ApproveBindingDocument,
    "\n  mutation Admin_rejectBinding($id: Int!, $reason: String!) {\n    result: rejectBinding(id: $id, reason: $reason) {\n      __typename\n      ... on Binding {\n        ...BindingFields\n      }\n      ...RuleViolationFields\n    }\n  }\n": typeof types.Admin_RejectBindingDocument,
    "\n  mutation Admin_reviewProof($decision: ReviewDecision!, $id: Int!, $reason: String) {\n    result: reviewProof(decision: $decision, id: $id, reason: $reason) {\n      __typename\n      ... on RelationshipProof {\n        ...ProofFields\n      }\n      ...RuleViolationFields\n    }\n  }\n": typeof types.Admin_ReviewProofDocument,
    "\n  mutation Admin_addFraudCaseNote($id: Int!, $text: String!) {\n    result: addFraudCaseNote(id: $id, text: $text) {\n      __typename\n      ... on FraudCase {\n        ...FraudCaseFields\n      }\n      ...RuleViolationFields\n    }\n  }\n": typeof types.Admin_AddFraudCaseNoteDocument,
    "\n  mutation Admin_assignFraudCase($assigneeId: Int, $id: Int!) {\n    result: assignFraudCase(assigneeId: $assigneeId, id: $id) {\n      __typename\n      ... on FraudCase {\n        ...FraudCaseFields\n      }\n      ...RuleViolationFields\n    }\n  }\n": typeof types.Admin_AssignFraudCaseDocument,
    "\n  mutation Admin_dismissFraudCase($id: Int!, $reason: String!) {\n    result: dismissFraudCase(id: $id, reason: $reason) {\n      __typename\n      ... on FraudCase {\n        ...FraudCaseFields\n      }\n      ...RuleViolationFields\n    }\n  }\n": typeof types.Admin_DismissFraudCaseDocument,
    "\n  mutation Admin_confirmFraudCase($input: ConfirmFraudCaseInput!) {\n    result: confirmFraudCase(input: $input) {\n      __typename\n      ... on FraudCase {\n        ...FraudCaseFields\n      }\n      ...RuleViolationFields\n    }\n  }\n": typeof types.Admin_ConfirmFraudCaseDocument,
    "\n  mutation Admin_startFraudInvestigation($id: Int!) {\n    result: startFraudInvestigation(id: $id) {\n      __typename\n      ... on FraudCase {\n        ...FraudCaseFields\n      }\n      ...RuleViolationFields\n    }\n  }\n": typeof types.Admin_StartFraudInvestigationDocument,
    "\n  mutation Admin_flagFraud($input: FlagFraudInput!) {\n    result: flagFraud(input: $input) {\n      __typename\n      ... on FraudCase {\n        ...FraudCaseFields\n      }\n      ...RuleViolationFields\n    }\n  }\n": typeof types.Admin_FlagFraudDocument,
    "\n  mutation Admin_withdrawPolicyVersion($id: Int!, $reason: String!) {\n    result: withdrawPolicyVersion(id: $id, reason: $reason) {\n      __typename\n      ... on PolicyVersion {\n        ...PolicyFields\n      }\n      ...RuleViolationFields\n    }\n  }\n": typeof types.Admin_WithdrawPolicyVersionDocument,
    "\n  mutation Admin_correctMember($input: CorrectMemberInput!) {\n    result: correctMember(input: $input) {\n      __typename\n      ... on Member {\n        ...MemberFields\n      }\n      ...RuleViolationFields\n    }\n  }\n": typeof types.Admin_CorrectMemberDocument,
    "\n  mutation Admin_staffRevokeBinding($id: Int!, $reason: String!) {\n    result: staffRevokeBinding(id: $id, reason: $reason) {\n      __typename\n      ... on Binding {\n        ...BindingFields\n      }\n      ...RuleViolationFields\n    }\n  }\n": typeof types.Admin_StaffRevokeBindingDocument,
    "\n  mutation Admin_approveBindingWithProofs($bindingId: Int!, $proofIds: [Int!]!, $reason: String!) {\n    result: approveBindingWithProofs(bindingId: $bindingId, proofIds: $proofIds, reason: $reason) {\n      __typename\n      ... on Binding {\n        ...BindingFields\n      }\n      ...RuleViolationFields\n    }\n  }\n": typeof types.Admin_ApproveBindingWithProofsDocument,
    "\n  fragment RuleViolationFields on RuleViolation {\n    rule\n    code\n    message\n    field\n    params {\n      key\n      value\n    }\n  }\n": typeof types.RuleViolationFieldsFragmentDoc,
    "\n  fragment MemberFields on Member {\n    id\n    name\n    idNumber\n    phone\n    sex\n    birthYear\n    age\n    scheme\n    status\n    suspendedUntil\n    insuredRegion\n    provinceCode\n    retired\n    offsiteAccountPermission\n    contributionBaseFen\n    diedOn\n    exitedOn\n    createdAt\n    updatedAt\n  }\n": typeof types.MemberFieldsFragmentDoc,
    "\n  fragment BindingFields on Binding {\n    id\n    kind\n    giverId\n    beneficiaryId\n    relationship\n    initiatedBy\n    state\n    commitmentAcceptedAt\n    confirmationRequired\n    confirmedAt\n    activationMode\n    approved\n    singleLimitFen\n    priority\n    reservedFen\n    giverRegion\n    beneficiaryRegion\n    giverProvince\n    beneficiaryProvince\n    policyVersionId\n    activatedAt\n    endedAt\n    createdAt\n    updatedAt\n  }\n": typeof types.BindingFieldsFragmentDoc,
    "\n  fragment BindingTransitionFields on BindingTransition {\n    id\n    fromState\n    toState\n    actorKind\n    actorId\n    actorName\n    reason\n    rule\n    at\n  }\n": typeof types.BindingTransitionFieldsFragmentDoc,
    "\n  fragment ProofFields on RelationshipProof {\n    id\n    bindingId\n    docType\n    fileName\n    mimeType\n    sizeBytes\n    sha256\n    reviewState\n    reviewerId\n    reviewerName\n    reviewedAt\n    reviewReason\n    uploadedByMemberId\n    createdAt\n  }\n": typeof types.ProofFieldsFragmentDoc,
    "\n  fragment PolicyFields on PolicyVersion {\n    id\n    provinceCode\n    version\n    effectiveFrom\n    note\n    createdById\n    createdByName\n    createdAt\n  }\n": typeof types.PolicyFieldsFragmentDoc,
    "\n  fragment PolicyRulesFields on PolicyRules {\n    allowedRelationships\n    intraProvinceSharing\n    crossProvinceSharing\n    beneficiaryMayInitiate\n    confirmationRequired\n    requiredProofs {\n      relationship\n      docTypes\n    }\n    activationMode\n    maxGiversPerBeneficiary\n    maxBeneficiariesPerGiver\n    singleFamilyNetwork\n    allowedCategories\n    commercialInsuranceMinBalanceFen\n    residentPremiumWindowStart\n    residentPremiumWindowEnd\n    residentPremiumFen\n    retireeMonthlyCreditFen\n    employeeAccountRatePermille\n    settlementMaxTotalFen\n    accountWithdrawalAllowed\n    wallet {\n      enabled\n      maxTransfersPerDay\n      maxTransferFen\n      quietFrom\n      quietUntil\n      acceptanceDays\n    }\n    fraud {\n      travelWindowMinutes\n      travelDistanceKm\n      maxTravelSpeedKmh\n      institutionsPerDay\n      pharmacyVisitsPerPeriod\n      pharmacyPeriodDays\n      pharmaciesPerDay\n      pharmacyPurchasesPerDay\n      sameDrugRepeats\n      drainPercent\n      drainWindowDays\n      fanOutBeneficiaries\n      fanOutInstitutionPatients\n      fanOutWindowDays\n      householdSpouses\n      householdParents\n      householdDescendants\n      bindingMismatchAttempts\n      maternityMinAge\n      maternityMaxAge\n    }\n  }\n": typeof types.PolicyRulesFieldsFragmentDoc,
    "\n  fragment FraudCaseFields on FraudCase {\n    id\n    state\n    score\n    primaryRule\n    rules\n    summary\n    subjectType\n    subjectId\n    regionCode\n    provinceCode\n    otherRegionCode\n    otherProvinceCode\n    assigneeId\n    assignee {\n      id\n      displayName\n    }\n    signalCount\n    dismissalReason\n    createdAt\n    updatedAt\n    closedAt\n  }\n": typeof types.FraudCaseFieldsFragmentDoc,
    "\n  fragment FraudSignalFields on FraudSignal {\n    id\n    rule\n    score\n    summary\n    evidence\n    memberId\n    bindingId\n    settlementId\n    institutionId\n    regionCode\n    caseId\n    createdAt\n  }\n": typeof types.FraudSignalFieldsFragmentDoc,
    "\n  fragment SettlementFields on Settlement {\n    id\n    serialNo\n    institutionId\n    patientId\n    credentialType\n    credentialNoMasked\n    category\n    totalFen\n    poolFen\n    selfPayFen\n    acctPayFen\n    mulaidPayFen\n    cashFen\n    reversedFen\n    cashReversedFen\n    acctUsedFlag\n    placeRegion\n    placeProvince\n    patientRegion\n    patientProvince\n    offsite\n    status\n    treatedAt\n    createdAt\n  }\n": typeof types.SettlementFieldsFragmentDoc,
    "\n  fragment AccountClosureFields on AccountClosure {\n    id\n    memberId\n    accountId\n    cause\n    state\n    pendingFen\n    closedBalanceFen\n    regionCode\n    fromRegion\n    eventDate\n    documents\n    decisionReason\n    decidedBy\n    decidedAt\n    createdAt\n  }\n": typeof types.AccountClosureFieldsFragmentDoc,
    "\n  query Admin_members($filter: MemberFilter, $page: Int, $perPage: Int, $sortField: String, $sortOrder: SortOrder) {\n    page: members(filter: $filter, page: $page, perPage: $perPage, sortField: $sortField, sortOrder: $sortOrder) {\n      items {\n        ...MemberFields\n      }\n      total\n      totalCapped\n    }\n  }\n": typeof types.Admin_MembersDocument,
    "\n  query Admin_member($id: Int!) {\n    record: member(id: $id) {\n      ...MemberFields\n      account {\n        id\n        balanceFen\n        reservedFen\n      }\n    }\n  }\n": typeof types.Admin_MemberDocument,
    "\n  mutation Admin_updateMemberRegistry($input: MemberRegistryUpdateInput!) {\n    result: updateMemberRegistry(input: $input) {\n      __typename\n      ... on Member {\n        ...MemberFields\n      }\n      ...RuleViolationFields\n    }\n  }\n": typeof types.Admin_UpdateMemberRegistryDocument,
    "\n  query Admin_bindings($filter: BindingFilter, $page: Int, $perPage: Int, $sortField: String, $sortOrder: SortOrder) {\n    page: bindings(filter: $filter, page: $page, perPage: $perPage, sortField: $sortField, sortOrder: $sortOrder) {\n      items {\n        ...BindingFields\n      }\n      total\n      totalCapped\n    }\n  }\n": typeof types.Admin_BindingsDocument,
    "\n  query Admin_binding($id: Int!) {\n    record: binding(id: $id) {\n      ...BindingFields\n      transitions: history {\n        ...BindingTransitionFields\n      }\n      consistency {\n        giverAge\n        beneficiaryAge\n        problems\n      }\n    }\n  }\n": typeof types.Admin_BindingDocument,
    "\n  query Admin_proofs($filter: ProofFilter, $page: Int, $perPage: Int, $sortField: String, $sortOrder: SortOrder) {\n    page: proofs(filter: $filter, page: $page, perPage: $perPage, sortField: $sortField, sortOrder: $sortOrder) {\n      items {\n        ...ProofFields\n      }\n      total\n      totalCapped\n    }\n  }\n": typeof types.Admin_ProofsDocument,
    "\n  query Admin_proof($id: Int!) {\n    record: proof(id: $id) {\n      ...ProofFields\n    }\n  }\n": typeof types.Admin_ProofDocument,
    "\n  query Admin_policyVersions($filter: PolicyVersionFilter, $page: Int, $perPage: Int, $sortField: String, $sortOrder: SortOrder) {\n    page: policyVersions(filter: $filter, page: $page, perPage: $perPage, sortField: $sortField, sortOrder: $sortOrder) {\n      items {\n        ...PolicyFields\n      }\n      total\n      totalCapped\n    }\n  }\n": typeof types.Admin_PolicyVersionsDocument,
    "\n  query Admin_policyVersion($id: Int!) {\n    record: policyVersion(id: $id) {\n      ...PolicyFields\n      rules {\n        ...PolicyRulesFields\n      }\n    }\n  }\n": typeof types.Admin_PolicyVersionDocument,
    "\n  mutation Admin_createPolicyVersion($input: CreatePolicyVersionInput!) {\n    result: createPolicyVersion(input: $input) {\n      __typename\n      ... on PolicyVersion {\n        ...PolicyFields\n      }\n      ...RuleViolationFields\n    }\n  }\n": typeof types.Admin_CreatePolicyVersionDocument,
    "\n  query Admin_provinces($page: Int, $perPage: Int, $sortField: String, $sortOrder: SortOrder) {\n    page: provinces(page: $page, perPage: $perPage, sortField: $sortField, sortOrder: $sortOrder) {\n      items {\n        code\n        name\n        shortName\n        nameEn\n      }\n      total\n      totalCapped\n    }\n  }\n": typeof types.Admin_ProvincesDocument,
    "\n  query Admin_province($code: String!) {\n    record: province(code: $code) {\n      code\n      name\n      shortName\n      nameEn\n    }\n  }\n": typeof types.Admin_ProvinceDocument,
    "\n  query Admin_institutions($filter: InstitutionFilter, $page: Int, $perPage: Int, $sortField: String, $sortOrder: SortOrder) {\n    page: institutions(filter: $filter, page: $page, perPage: $perPage, sortField: $sortField, sortOrder: $sortOrder) {\n      items {\n        id\n        code\n        name\n        kind\n        regionCode\n        provinceCode\n        active\n        createdAt\n      }\n      total\n      totalCapped\n    }\n  }\n": typeof types.Admin_InstitutionsDocument,
    "\n  query Admin_institution($id: Int!) {\n    record: institution(id: $id) {\n      id\n      code\n      name\n      kind\n      regionCode\n      provinceCode\n      active\n      createdAt\n    }\n  }\n": typeof types.Admin_InstitutionDocument,
    "\n  query Admin_fraudCases($filter: FraudCaseFilter, $page: Int, $perPage: Int, $sortField: String, $sortOrder: SortOrder) {\n    page: fraudCases(filter: $filter, page: $page, perPage: $perPage, sortField: $sortField, sortOrder: $sortOrder) {\n      items {\n        ...FraudCaseFields\n      }\n      total\n      totalCapped\n    }\n  }\n": typeof types.Admin_FraudCasesDocument,
    "\n  query Admin_fraudCase($id: Int!) {\n    record: fraudCase(id: $id) {\n      ...FraudCaseFields\n      signals {\n        ...FraudSignalFields\n      }\n      notes {\n        id\n        kind\n        text\n        actorName\n        actorStaffId\n        createdAt\n      }\n      sanctions {\n        id\n        kind\n        memberId\n        bindingId\n        months\n        untilDate\n        settlementId\n        reversalId\n        amountFen\n        baseFen\n        multiplier\n        createdAt\n        createdByStaffId\n      }\n      settlements {\n        ...SettlementFields\n      }\n      bindings {\n        ...BindingFields\n      }\n      members {\n        id\n        name\n        idNumber\n        sex\n        birthYear\n        age\n        status\n        suspendedUntil\n        insuredRegion\n      }\n    }\n  }\n": typeof types.Admin_FraudCaseDocument,
    "\n  query Admin_settlements($filter: SettlementFilter, $page: Int, $perPage: Int, $sortField: String, $sortOrder: SortOrder) {\n    page: settlements(filter: $filter, page: $page, perPage: $perPage, sortField: $sortField, sortOrder: $sortOrder) {\n      items {\n        ...SettlementFields\n        patient {\n          id\n          name\n        }\n      }\n      total\n      totalCapped\n    }\n  }\n": typeof types.Admin_SettlementsDocument,
    "\n  query Admin_settlement($id: SafeInt!) {\n    record: settlement(id: $id) {\n      ...SettlementFields\n      drugCodes\n      patient {\n        id\n        name\n        idNumber\n        sex\n        birthYear\n        age\n        suspendedUntil\n        status\n      }\n      institution {\n        id\n        code\n        name\n        kind\n        regionCode\n      }\n      payments {\n        id\n        seq\n        payerMemberId\n        bindingId\n        accountId\n        amountFen\n        fromReserveFen\n        reversedFen\n      }\n      reversals {\n        id\n        serialNo\n        amountFen\n        accountFen\n        cashFen\n        createdAt\n      }\n      policyVersions {\n        memberId\n        role\n        provinceCode\n        policyVersionId\n      }\n    }\n  }\n": typeof types.Admin_SettlementDocument,
    "\n  query Admin_importJobs($page: Int, $perPage: Int, $sortField: String, $sortOrder: SortOrder) {\n    page: importJobs(page: $page, perPage: $perPage, sortField: $sortField, sortOrder: $sortOrder) {\n      items {\n        ...ImportJobFields\n      }\n      total\n      totalCapped\n    }\n  }\n": typeof types.Admin_ImportJobsDocument,
    "\n  query Admin_importJob($id: Int!) {\n    record: importJob(id: $id) {\n      ...ImportJobFields\n    }\n  }\n": typeof types.Admin_ImportJobDocument,
    "\n  fragment ImportJobFields on ImportJob {\n    id\n    kind\n    dryRun\n    status\n    fileName\n    fileSha256\n    format\n    encoding\n    scope\n    startedBy\n    totalBytes\n    bytesRead\n    rowsRead\n    inserted\n    updated\n    unchanged\n    rejected\n    problemCount\n    failure\n    startedAt\n    finishedAt\n  }\n": typeof types.ImportJobFieldsFragmentDoc,
    "\n  query Admin_accountClosures($filter: ClosureFilter, $page: Int, $perPage: Int, $sortField: String, $sortOrder: SortOrder) {\n    page: accountClosures(filter: $filter, page: $page, perPage: $perPage, sortField: $sortField, sortOrder: $sortOrder) {\n      items {\n        ...AccountClosureFields\n      }\n      total\n      totalCapped\n    }\n  }\n": typeof types.Admin_AccountClosuresDocument,
    "\n  query Admin_accountClosure($id: Int!) {\n    record: accountClosure(id: $id) {\n      ...AccountClosureFields\n      payments {\n        id\n        amountFen\n        payeeName\n        bankAccount\n        createdAt\n      }\n    }\n  }\n": typeof types.Admin_AccountClosureDocument,
    "\n  query Admin_staffUsers($filter: StaffFilter, $page: Int, $perPage: Int, $sortField: String, $sortOrder: SortOrder) {\n    page: staffUsers(filter: $filter, page: $page, perPage: $perPage, sortField: $sortField, sortOrder: $sortOrder) {\n      items {\n        id\n        username\n        displayName\n        roles\n        permissions\n        scope\n        active\n        lastLoginAt\n        lockedUntil\n        mustChangePassword\n        passwordChangedAt\n        createdAt\n      }\n      total\n      totalCapped\n    }\n  }\n": typeof types.Admin_StaffUsersDocument,
    "\n  query Admin_auditLogs($filter: AuditFilter, $page: Int, $perPage: Int, $sortField: String, $sortOrder: SortOrder) {\n    page: auditLogs(filter: $filter, page: $page, perPage: $perPage, sortField: $sortField, sortOrder: $sortOrder) {\n      items {\n        id\n        at\n        actorKind\n        actorId\n        actorName\n        action\n        entityType\n        entityId\n        reason\n        detail\n        prevHash\n        hash\n      }\n      total\n      totalCapped\n    }\n  }\n": typeof types.Admin_AuditLogsDocument,
    "\n  mutation Admin_revealMember($id: Int!, $reason: String!) {\n    result: revealMember(id: $id, reason: $reason) {\n      __typename\n      ... on RevealedMember {\n        id\n        idNumber\n        name\n        phone\n      }\n      ...RuleViolationFields\n    }\n  }\n": typeof types.Admin_RevealMemberDocument,
    "\n  query Admin_accountStatement($memberId: Int!, $page: Int!, $perPage: Int!, $from: String, $to: String) {\n    page: accountStatement(memberId: $memberId, page: $page, perPage: $perPage, from: $from, to: $to, sortField: \"id\", sortOrder: DESC) {\n      items {\n        id\n        at\n        direction\n        cause\n        amountFen\n        balanceAfterFen\n        category\n        counterpart\n        institutionName\n        settlementId\n      }\n      total\n    }\n  }\n": typeof types.Admin_AccountStatementDocument,
    "\n  query Admin_crossProvinceMap($date: String) {\n    rows: crossProvinceMap(date: $date) {\n      provinceCode\n      name\n      crossProvinceSharing\n      intraProvinceSharing\n      policyVersionId\n      version\n      effectiveFrom\n      nextEffectiveFrom\n    }\n  }\n": typeof types.Admin_CrossProvinceMapDocument,
    "\n  query Admin_policyHistory($provinceCode: String!) {\n    rows: policyHistory(provinceCode: $provinceCode) {\n      ...PolicyFields\n      rules {\n        ...PolicyRulesFields\n      }\n    }\n  }\n": typeof types.Admin_PolicyHistoryDocument,
    "\n  query Admin_policyDiff($fromId: Int!, $toId: Int!) {\n    rows: policyDiff(fromId: $fromId, toId: $toId) {\n      path\n      before\n      after\n    }\n  }\n": typeof types.Admin_PolicyDiffDocument,
    "\n  mutation Admin_setCrossProvinceSharing($provinceCode: String!, $enabled: Boolean!, $effectiveFrom: String, $note: String) {\n    result: setCrossProvinceSharing(provinceCode: $provinceCode, enabled: $enabled, effectiveFrom: $effectiveFrom, note: $note) {\n      __typename\n      ... on PolicyVersion {\n        ...PolicyFields\n      }\n      ...RuleViolationFields\n    }\n  }\n": typeof types.Admin_SetCrossProvinceSharingDocument,
    "\n  query Admin_dashboardStats($months: Int) {\n    stats: dashboardStats(months: $months) {\n      fromMonth\n      toMonth\n      mutualAidByMonth {\n        month\n        category\n        amountFen\n        count\n      }\n      mutualAidByProvince {\n        provinceCode\n        amountFen\n        count\n      }\n      queues {\n        queue\n        total\n        oldestAt\n        under1Day\n        days1to3\n        days3to7\n        days7to30\n        over30Days\n      }\n      today {\n        date\n        count\n        mutualAidCount\n        totalFen\n        selfPayFen\n        acctPayFen\n        mulaidPayFen\n        cashFen\n      }\n    }\n  }\n": typeof types.Admin_DashboardStatsDocument,
    "\n  fragment FraudCaseCountsFields on FraudCaseCounts {\n    total\n    byRule {\n      key\n      count\n    }\n    byRegion {\n      key\n      count\n    }\n    byState {\n      key\n      count\n    }\n  }\n": typeof types.FraudCaseCountsFieldsFragmentDoc,
    "\n  query Admin_openFraudCaseCounts {\n    open: fraudCaseCounts(state: OPEN) {\n      ...FraudCaseCountsFields\n    }\n    investigating: fraudCaseCounts(state: INVESTIGATING) {\n      ...FraudCaseCountsFields\n    }\n  }\n": typeof types.Admin_OpenFraudCaseCountsDocument,
    "\n  query Admin_memberRiskProfile($memberId: Int!) {\n    profile: memberRiskProfile(memberId: $memberId) {\n      openScore\n      member {\n        ...MemberFields\n      }\n      cases {\n        ...FraudCaseFields\n      }\n      signals {\n        ...FraudSignalFields\n      }\n      bindings {\n        ...BindingFields\n      }\n      byPlace {\n        key\n        count\n        selfPayFen\n        accountFen\n      }\n      byCategory {\n        key\n        count\n        selfPayFen\n        accountFen\n      }\n    }\n  }\n": typeof types.Admin_MemberRiskProfileDocument,
    "\n  query Admin_fraudCaseAssignees($id: Int!) {\n    assignees: fraudCaseAssignees(id: $id) {\n      id\n      username\n      displayName\n      scope\n    }\n  }\n": typeof types.Admin_FraudCaseAssigneesDocument,
    "\n  query Admin_importProblems($jobId: Int!, $page: Int, $perPage: Int) {\n    page: importProblems(jobId: $jobId, page: $page, perPage: $perPage, sortField: \"rowNumber\") {\n      items {\n        id\n        rowNumber\n        columnName\n        code\n        message\n      }\n      total\n    }\n  }\n": typeof types.Admin_ImportProblemsDocument,
    "\n  mutation Admin_decideClosurePayment($input: HeirPaymentInput!) {\n    result: decideClosurePayment(input: $input) {\n      __typename\n      ... on AccountClosure {\n        id\n        state\n      }\n      ...RuleViolationFields\n    }\n  }\n": typeof types.Admin_DecideClosurePaymentDocument,
    "\n  mutation Admin_acceptAccountTransfer($id: Int!, $reason: String!) {\n    result: acceptAccountTransfer(id: $id, reason: $reason) {\n      __typename\n      ... on AccountClosure {\n        id\n        state\n      }\n      ...RuleViolationFields\n    }\n  }\n": typeof types.Admin_AcceptAccountTransferDocument,
    "\n  query Admin_memberWallet($memberId: Int!, $page: Int!, $perPage: Int!) {\n    wallet: memberWallet(memberId: $memberId) {\n      id\n      balanceFen\n    }\n    transfers: memberWalletTransfers(memberId: $memberId, page: $page, perPage: $perPage, sortField: \"id\", sortOrder: DESC) {\n      items {\n        id\n        senderId\n        recipientId\n        senderName\n        recipientName\n        relationship\n        amountFen\n        state\n        expiresAt\n        decidedAt\n        createdAt\n      }\n      total\n    }\n  }\n": typeof types.Admin_MemberWalletDocument,
    "\n  query Admin_auditChainCheck($afterId: Int, $afterHash: String) {\n    check: auditChainCheck(afterId: $afterId, afterHash: $afterHash) {\n      ok\n      checked\n      brokenAtId\n      lastId\n      lastHash\n      done\n      total\n    }\n  }\n": typeof types.Admin_AuditChainCheckDocument,
    "\n  query Admin_memberCharges($memberId: Int!, $page: Int!, $perPage: Int!) {\n    charges: memberCharges(memberId: $memberId, page: $page, perPage: $perPage) {\n      items {\n        id\n        kind\n        amountFen\n        paidFen\n        state\n        reason\n        fraudCaseId\n        documentRef\n        closureId\n        createdBy\n        createdAt\n        settledBy\n        settledAt\n        waiveReason\n      }\n      total\n    }\n  }\n": typeof types.Admin_MemberChargesDocument,
    "\n  mutation Admin_recordAccountCharge($input: RecordChargeInput!) {\n    result: recordAccountCharge(input: $input) {\n      __typename\n      ... on AccountCharge {\n        id\n        state\n      }\n      ...RuleViolationFields\n    }\n  }\n": typeof types.Admin_RecordAccountChargeDocument,
    "\n  mutation Admin_waiveAccountCharge($input: WaiveChargeInput!) {\n    result: waiveAccountCharge(input: $input) {\n      __typename\n      ... on AccountCharge {\n        id\n        state\n      }\n      ...RuleViolationFields\n    }\n  }\n": typeof types.Admin_WaiveAccountChargeDocument,
    "\n  query Admin_closureFees($id: Int!) {\n    closure: accountClosure(id: $id) {\n      id\n      feesPaidFen\n      feeShortfallFen\n    }\n  }\n": typeof types.Admin_ClosureFeesDocument,
    "\n  query Admin_reviewBinding($id: Int!) {\n    record: binding(id: $id) {\n      ...BindingFields\n      giver {\n        ...ReviewMemberFields\n      }\n      beneficiary {\n        ...ReviewMemberFields\n      }\n      proofs {\n        ...ProofFields\n      }\n      requiredProofTypes\n      consistency {\n        giverAge\n        beneficiaryAge\n        giverSex\n        beneficiarySex\n        ageGapYears\n        problems\n      }\n      history {\n        ...BindingTransitionFields\n      }\n    }\n  }\n": typeof types.Admin_ReviewBindingDocument,
    "\n  fragment ReviewMemberFields on Member {\n    id\n    name\n    idNumber\n    sex\n    birthYear\n    age\n    diedOn\n    scheme\n    status\n    insuredRegion\n    retired\n    account {\n      balanceFen\n    }\n  }\n": typeof types.ReviewMemberFieldsFragmentDoc,
};
const documents: Documents = {
    "\n  mutation Admin_changePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input)\n  }\n": types.Admin_ChangePasswordDocument,
    "\n  mutation Admin_login($input: StaffLoginInput!) {\n    login(input: $input) {\n      token\n      expiresAt\n      mustChangePassword\n      staff {\n        id\n        username\n        displayName\n        roles\n        permissions\n        scope\n      }\n    }\n  }\n": types.Admin_LoginDocument,
    "\n  query Admin_viewer {\n    viewer {\n      kind\n      id\n      name\n      roles\n      permissions\n      scope\n    }\n  }\n": types.Admin_ViewerDocument,
    "\n  mutation Admin_recordMemberExit($input: MemberEventInput!) {\n    result: recordMemberExit(input: $input) {\n      __typename\n      ... on Member {\n        ...MemberFields\n      }\n      ...RuleViolationFields\n    }\n  }\n": types.Admin_RecordMemberExitDocument,
    "\n  mutation Admin_recordMemberDeath($input: MemberEventInput!) {\n    result: recordMemberDeath(input: $input) {\n      __typename\n      ... on Member {\n        ...MemberFields\n      }\n      ...RuleViolationFields\n    }\n  }\n": types.Admin_RecordMemberDeathDocument,
    "\n  mutation Admin_suspendBinding($id: Int!, $reason: String!) {\n    result: suspendBinding(id: $id, reason: $reason) {\n      __typename\n      ... on Binding {\n        ...BindingFields\n      }\n      ...RuleViolationFields\n    }\n  }\n": types.Admin_SuspendBindingDocument,
    "\n  mutation Admin_restoreBinding($id: Int!, $reason: String!) {\n    result: restoreBinding(id: $id, reason: $reason) {\n      __typename\n      ... on Binding {\n        ...BindingFields\n      }\n      ...RuleViolationFields\n    }\n  }\n": types.Admin_RestoreBindingDocument,
    "\n  mutation Admin_approveBinding($id: Int!, $reason: String!) {\n    result: approveBinding(id: $id, reason: $reason) {\n      __typename\n      ... on Binding {\n        ...BindingFields\n      }\n      ...RuleViolationFields\n    }\n  }\n": types.Admin_ApproveBindingDocument,
    "\n  mutation Admin_rejectBinding($id: Int!, $reason: String!) {\n    result: rejectBinding(id: $id, reason: $reason) {\n      __typename\n      ... on Binding {\n        ...BindingFields\n      }\n      ...RuleViolationFields\n    }\n  }\n": types.Admin_RejectBindingDocument,
    "\n  mutation Admin_reviewProof($decision: ReviewDecision!, $id: Int!, $reason: String) {\n    result: reviewProof(decision: $decision, id: $id, reason: $reason) {\n      __typename\n      ... on RelationshipProof {\n        ...ProofFields\n      }\n      ...RuleViolationFields\n    }\n  }\n": types.Admin_ReviewProofDocument,
    "\n  mutation Admin_addFraudCaseNote($id: Int!, $text: String!) {\n    result: addFraudCaseNote(id: $id, text: $text) {\n      __typename\n      ... on FraudCase {\n        ...FraudCaseFields\n      }\n      ...RuleViolationFields\n    }\n  }\n": types.Admin_AddFraudCaseNoteDocument,
    "\n  mutation Admin_assignFraudCase($assigneeId: Int, $id: Int!) {\n    result: assignFraudCase(assigneeId: $assigneeId, id: $id) {\n      __typename\n      ... on FraudCase {\n        ...FraudCaseFields\n      }\n      ...RuleViolationFields\n    }\n  }\n": types.Admin_AssignFraudCaseDocument,
    "\n  mutation Admin_dismissFraudCase($id: Int!, $reason: String!) {\n    result: dismissFraudCase(id: $id, reason: $reason) {\n      __typename\n      ... on FraudCase {\n        ...FraudCaseFields\n      }\n      ...RuleViolationFields\n    }\n  }\n": types.Admin_DismissFraudCaseDocument,
    "\n  mutation Admin_confirmFraudCase($input: ConfirmFraudCaseInput!) {\n    result: confirmFraudCase(input: $input) {\n      __typename\n      ... on FraudCase {\n        ...FraudCaseFields\n      }\n      ...RuleViolationFields\n    }\n  }\n": types.Admin_ConfirmFraudCaseDocument,
    "\n  mutation Admin_startFraudInvestigation($id: Int!) {\n    result: startFraudInvestigation(id: $id) {\n      __typename\n      ... on FraudCase {\n        ...FraudCaseFields\n      }\n      ...RuleViolationFields\n    }\n  }\n": types.Admin_StartFraudInvestigationDocument,
    "\n  mutation Admin_flagFraud($input: FlagFraudInput!) {\n    result: flagFraud(input: $input) {\n      __typename\n      ... on FraudCase {\n        ...FraudCaseFields\n      }\n      ...RuleViolationFields\n    }\n  }\n": types.Admin_FlagFraudDocument,
    "\n  mutation Admin_withdrawPolicyVersion($id: Int!, $reason: String!) {\n    result: withdrawPolicyVersion(id: $id, reason: $reason) {\n      __typename\n      ... on PolicyVersion {\n        ...PolicyFields\n      }\n      ...RuleViolationFields\n    }\n  }\n": types.Admin_WithdrawPolicyVersionDocument,
    "\n  mutation Admin_correctMember($input: CorrectMemberInput!) {\n    result: correctMember(input: $input) {\n      __typename\n      ... on Member {\n        ...MemberFields\n      }\n      ...RuleViolationFields\n    }\n  }\n": types.Admin_CorrectMemberDocument,
    "\n  mutation Admin_staffRevokeBinding($id: Int!, $reason: String!) {\n    result: staffRevokeBinding(id: $id, reason: $reason) {\n      __typename\n      ... on Binding {\n        ...BindingFields\n      }\n      ...RuleViolationFields\n    }\n  }\n": types.Admin_StaffRevokeBindingDocument,
    "\n  mutation Admin_approveBindingWithProofs($bindingId: Int!, $proofIds: [Int!]!, $reason: String!) {\n    result: approveBindingWithProofs(bindingId: $bindingId, proofIds: $proofIds, reason: $reason) {\n      __typename\n      ... on Binding {\n        ...BindingFields\n      }\n      ...RuleViolationFields\n    }\n  }\n": types.Admin_ApproveBindingWithProofsDocument,
    "\n  fragment RuleViolationFields on RuleViolation {\n    rule\n    code\n    message\n    field\n    params {\n      key\n      value\n    }\n  }\n": types.RuleViolationFieldsFragmentDoc,
    "\n  fragment MemberFields on Member {\n    id\n    name\n    idNumber\n    phone\n    sex\n    birthYear\n    age\n    scheme\n    status\n    suspendedUntil\n    insuredRegion\n    provinceCode\n    retired\n    offsiteAccountPermission\n    contributionBaseFen\n    diedOn\n    exitedOn\n    createdAt\n    updatedAt\n  }\n": types.MemberFieldsFragmentDoc,
    "\n  fragment BindingFields on Binding {\n    id\n    kind\n    giverId\n    beneficiaryId\n    relationship\n    initiatedBy\n    state\n    commitmentAcceptedAt\n    confirmationRequired\n    confirmedAt\n    activationMode\n    approved\n    singleLimitFen\n    priority\n    reservedFen\n    giverRegion\n    beneficiaryRegion\n    giverProvince\n    beneficiaryProvince\n    policyVersionId\n    activatedAt\n    endedAt\n    createdAt\n    updatedAt\n  }\n": types.BindingFieldsFragmentDoc,
    "\n  fragment BindingTransitionFields on BindingTransition {\n    id\n    fromState\n    toState\n    actorKind\n    actorId\n    actorName\n    reason\n    rule\n    at\n  }\n": types.BindingTransitionFieldsFragmentDoc,
    "\n  fragment ProofFields on RelationshipProof {\n    id\n    bindingId\n    docType\n    fileName\n    mimeType\n    sizeBytes\n    sha256\n    reviewState\n    reviewerId\n    reviewerName\n    reviewedAt\n    reviewReason\n    uploadedByMemberId\n    createdAt\n  }\n": types.ProofFieldsFragmentDoc,
    "\n  fragment PolicyFields on PolicyVersion {\n    id\n    provinceCode\n    version\n    effectiveFrom\n    note\n    createdById\n    createdByName\n    createdAt\n  }\n": types.PolicyFieldsFragmentDoc,
    "\n  fragment PolicyRulesFields on PolicyRules {\n    allowedRelationships\n    intraProvinceSharing\n    crossProvinceSharing\n    beneficiaryMayInitiate\n    confirmationRequired\n    requiredProofs {\n      relationship\n      docTypes\n    }\n    activationMode\n    maxGiversPerBeneficiary\n    maxBeneficiariesPerGiver\n    singleFamilyNetwork\n    allowedCategories\n    commercialInsuranceMinBalanceFen\n    residentPremiumWindowStart\n    residentPremiumWindowEnd\n    residentPremiumFen\n    retireeMonthlyCreditFen\n    employeeAccountRatePermille\n    settlementMaxTotalFen\n    accountWithdrawalAllowed\n    wallet {\n      enabled\n      maxTransfersPerDay\n      maxTransferFen\n      quietFrom\n      quietUntil\n      acceptanceDays\n    }\n    fraud {\n      travelWindowMinutes\n      travelDistanceKm\n      maxTravelSpeedKmh\n      institutionsPerDay\n      pharmacyVisitsPerPeriod\n      pharmacyPeriodDays\n      pharmaciesPerDay\n      pharmacyPurchasesPerDay\n      sameDrugRepeats\n      drainPercent\n      drainWindowDays\n      fanOutBeneficiaries\n      fanOutInstitutionPatients\n      fanOutWindowDays\n      householdSpouses\n      householdParents\n      householdDescendants\n      bindingMismatchAttempts\n      maternityMinAge\n      maternityMaxAge\n    }\n  }\n": types.PolicyRulesFieldsFragmentDoc,
    "\n  fragment FraudCaseFields on FraudCase {\n    id\n    state\n    score\n    primaryRule\n    rules\n    summary\n    subjectType\n    subjectId\n    regionCode\n    provinceCode\n    otherRegionCode\n    otherProvinceCode\n    assigneeId\n    assignee {\n      id\n      displayName\n    }\n    signalCount\n    dismissalReason\n    createdAt\n    updatedAt\n    closedAt\n  }\n": types.FraudCaseFieldsFragmentDoc,
    "\n  fragment FraudSignalFields on FraudSignal {\n    id\n    rule\n    score\n    summary\n    evidence\n    memberId\n    bindingId\n    settlementId\n    institutionId\n    regionCode\n    caseId\n    createdAt\n  }\n": types.FraudSignalFieldsFragmentDoc,
    "\n  fragment SettlementFields on Settlement {\n    id\n    serialNo\n    institutionId\n    patientId\n    credentialType\n    credentialNoMasked\n    category\n    totalFen\n    poolFen\n    selfPayFen\n    acctPayFen\n    mulaidPayFen\n    cashFen\n    reversedFen\n    cashReversedFen\n    acctUsedFlag\n    placeRegion\n    placeProvince\n    patientRegion\n    patientProvince\n    offsite\n    status\n    treatedAt\n    createdAt\n  }\n": types.SettlementFieldsFragmentDoc,
    "\n  fragment AccountClosureFields on AccountClosure {\n    id\n    memberId\n    accountId\n    cause\n    state\n    pendingFen\n    closedBalanceFen\n    regionCode\n    fromRegion\n    eventDate\n    documents\n    decisionReason\n    decidedBy\n    decidedAt\n    createdAt\n  }\n": types.AccountClosureFieldsFragmentDoc,
    "\n  query Admin_members($filter: MemberFilter, $page: Int, $perPage: Int, $sortField: String, $sortOrder: SortOrder) {\n    page: members(filter: $filter, page: $page, perPage: $perPage, sortField: $sortField, sortOrder: $sortOrder) {\n      items {\n        ...MemberFields\n      }\n      total\n      totalCapped\n    }\n  }\n": types.Admin_MembersDocument,
    "\n  query Admin_member($id: Int!) {\n    record: member(id: $id) {\n      ...MemberFields\n      account {\n        id\n        balanceFen\n        reservedFen\n      }\n    }\n  }\n": types.Admin_MemberDocument,
    "\n  mutation Admin_updateMemberRegistry($input: MemberRegistryUpdateInput!) {\n    result: updateMemberRegistry(input: $input) {\n      __typename\n      ... on Member {\n        ...MemberFields\n      }\n      ...RuleViolationFields\n    }\n  }\n": types.Admin_UpdateMemberRegistryDocument,
    "\n  query Admin_bindings($filter: BindingFilter, $page: Int, $perPage: Int, $sortField: String, $sortOrder: SortOrder) {\n    page: bindings(filter: $filter, page: $page, perPage: $perPage, sortField: $sortField, sortOrder: $sortOrder) {\n      items {\n        ...BindingFields\n      }\n      total\n      totalCapped\n    }\n  }\n": types.Admin_BindingsDocument,
    "\n  query Admin_binding($id: Int!) {\n    record: binding(id: $id) {\n      ...BindingFields\n      transitions: history {\n        ...BindingTransitionFields\n      }\n      consistency {\n        giverAge\n        beneficiaryAge\n        problems\n      }\n    }\n  }\n": types.Admin_BindingDocument,
    "\n  query Admin_proofs($filter: ProofFilter, $page: Int, $perPage: Int, $sortField: String, $sortOrder: SortOrder) {\n    page: proofs(filter: $filter, page: $page, perPage: $perPage, sortField: $sortField, sortOrder: $sortOrder) {\n      items {\n        ...ProofFields\n      }\n      total\n      totalCapped\n    }\n  }\n": types.Admin_ProofsDocument,
    "\n  query Admin_proof($id: Int!) {\n    record: proof(id: $id) {\n      ...ProofFields\n    }\n  }\n": types.Admin_ProofDocument,
    "\n  query Admin_policyVersions($filter: PolicyVersionFilter, $page: Int, $perPage: Int, $sortField: String, $sortOrder: SortOrder) {\n    page: policyVersions(filter: $filter, page: $page, perPage: $perPage, sortField: $sortField, sortOrder: $sortOrder) {\n      items {\n        ...PolicyFields\n      }\n      total\n      totalCapped\n    }\n  }\n": types.Admin_PolicyVersionsDocument,
    "\n  query Admin_policyVersion($id: Int!) {\n    record: policyVersion(id: $id) {\n      ...PolicyFields\n      rules {\n        ...PolicyRulesFields\n      }\n    }\n  }\n": types.Admin_PolicyVersionDocument,
    "\n  mutation Admin_createPolicyVersion($input: CreatePolicyVersionInput!) {\n    result: createPolicyVersion(input: $input) {\n      __typename\n      ... on PolicyVersion {\n        ...PolicyFields\n      }\n      ...RuleViolationFields\n    }\n  }\n": types.Admin_CreatePolicyVersionDocument,
    "\n  query Admin_provinces($page: Int, $perPage: Int, $sortField: String, $sortOrder: SortOrder) {\n    page: provinces(page: $page, perPage: $perPage, sortField: $sortField, sortOrder: $sortOrder) {\n      items {\n        code\n        name\n        shortName\n        nameEn\n      }\n      total\n      totalCapped\n    }\n  }\n": types.Admin_ProvincesDocument,
    "\n  query Admin_province($code: String!) {\n    record: province(code: $code) {\n      code\n      name\n      shortName\n      nameEn\n    }\n  }\n": types.Admin_ProvinceDocument,
    "\n  query Admin_institutions($filter: InstitutionFilter, $page: Int, $perPage: Int, $sortField: String, $sortOrder: SortOrder) {\n    page: institutions(filter: $filter, page: $page, perPage: $perPage, sortField: $sortField, sortOrder: $sortOrder) {\n      items {\n        id\n        code\n        name\n        kind\n        regionCode\n        provinceCode\n        active\n        createdAt\n      }\n      total\n      totalCapped\n    }\n  }\n": types.Admin_InstitutionsDocument,
    "\n  query Admin_institution($id: Int!) {\n    record: institution(id: $id) {\n      id\n      code\n      name\n      kind\n      regionCode\n      provinceCode\n      active\n      createdAt\n    }\n  }\n": types.Admin_InstitutionDocument,
    "\n  query Admin_fraudCases($filter: FraudCaseFilter, $page: Int, $perPage: Int, $sortField: String, $sortOrder: SortOrder) {\n    page: fraudCases(filter: $filter, page: $page, perPage: $perPage, sortField: $sortField, sortOrder: $sortOrder) {\n      items {\n        ...FraudCaseFields\n      }\n      total\n      totalCapped\n    }\n  }\n": types.Admin_FraudCasesDocument,
    "\n  query Admin_fraudCase($id: Int!) {\n    record: fraudCase(id: $id) {\n      ...FraudCaseFields\n      signals {\n        ...FraudSignalFields\n      }\n      notes {\n        id\n        kind\n        text\n        actorName\n        actorStaffId\n        createdAt\n      }\n      sanctions {\n        id\n        kind\n        memberId\n        bindingId\n        months\n        untilDate\n        settlementId\n        reversalId\n        amountFen\n        baseFen\n        multiplier\n        createdAt\n        createdByStaffId\n      }\n      settlements {\n        ...SettlementFields\n      }\n      bindings {\n        ...BindingFields\n      }\n      members {\n        id\n        name\n        idNumber\n        sex\n        birthYear\n        age\n        status\n        suspendedUntil\n        insuredRegion\n      }\n    }\n  }\n": types.Admin_FraudCaseDocument,
    "\n  query Admin_settlements($filter: SettlementFilter, $page: Int, $perPage: Int, $sortField: String, $sortOrder: SortOrder) {\n    page: settlements(filter: $filter, page: $page, perPage: $perPage, sortField: $sortField, sortOrder: $sortOrder) {\n      items {\n        ...SettlementFields\n        patient {\n          id\n          name\n        }\n      }\n      total\n      totalCapped\n    }\n  }\n": types.Admin_SettlementsDocument,
    "\n  query Admin_settlement($id: SafeInt!) {\n    record: settlement(id: $id) {\n      ...SettlementFields\n      drugCodes\n      patient {\n        id\n        name\n        idNumber\n        sex\n        birthYear\n        age\n        suspendedUntil\n        status\n      }\n      institution {\n        id\n        code\n        name\n        kind\n        regionCode\n      }\n      payments {\n        id\n        seq\n        payerMemberId\n        bindingId\n        accountId\n        amountFen\n        fromReserveFen\n        reversedFen\n      }\n      reversals {\n        id\n        serialNo\n        amountFen\n        accountFen\n        cashFen\n        createdAt\n      }\n      policyVersions {\n        memberId\n        role\n        provinceCode\n        policyVersionId\n      }\n    }\n  }\n": types.Admin_SettlementDocument,
    "\n  query Admin_importJobs($page: Int, $perPage: Int, $sortField: String, $sortOrder: SortOrder) {\n    page: importJobs(page: $page, perPage: $perPage, sortField: $sortField, sortOrder: $sortOrder) {\n      items {\n        ...ImportJobFields\n      }\n      total\n      totalCapped\n    }\n  }\n": types.Admin_ImportJobsDocument,
    "\n  query Admin_importJob($id: Int!) {\n    record: importJob(id: $id) {\n      ...ImportJobFields\n    }\n  }\n": types.Admin_ImportJobDocument,
    "\n  fragment ImportJobFields on ImportJob {\n    id\n    kind\n    dryRun\n    status\n    fileName\n    fileSha256\n    format\n    encoding\n    scope\n    startedBy\n    totalBytes\n    bytesRead\n    rowsRead\n    inserted\n    updated\n    unchanged\n    rejected\n    problemCount\n    failure\n    startedAt\n    finishedAt\n  }\n": types.ImportJobFieldsFragmentDoc,
    "\n  query Admin_accountClosures($filter: ClosureFilter, $page: Int, $perPage: Int, $sortField: String, $sortOrder: SortOrder) {\n    page: accountClosures(filter: $filter, page: $page, perPage: $perPage, sortField: $sortField, sortOrder: $sortOrder) {\n      items {\n        ...AccountClosureFields\n      }\n      total\n      totalCapped\n    }\n  }\n": types.Admin_AccountClosuresDocument,
    "\n  query Admin_accountClosure($id: Int!) {\n    record: accountClosure(id: $id) {\n      ...AccountClosureFields\n      payments {\n        id\n        amountFen\n        payeeName\n        bankAccount\n        createdAt\n      }\n    }\n  }\n": types.Admin_AccountClosureDocument,
    "\n  query Admin_staffUsers($filter: StaffFilter, $page: Int, $perPage: Int, $sortField: String, $sortOrder: SortOrder) {\n    page: staffUsers(filter: $filter, page: $page, perPage: $perPage, sortField: $sortField, sortOrder: $sortOrder) {\n      items {\n        id\n        username\n        displayName\n        roles\n        permissions\n        scope\n        active\n        lastLoginAt\n        lockedUntil\n        mustChangePassword\n        passwordChangedAt\n        createdAt\n      }\n      total\n      totalCapped\n    }\n  }\n": types.Admin_StaffUsersDocument,
    "\n  query Admin_auditLogs($filter: AuditFilter, $page: Int, $perPage: Int, $sortField: String, $sortOrder: SortOrder) {\n    page: auditLogs(filter: $filter, page: $page, perPage: $perPage, sortField: $sortField, sortOrder: $sortOrder) {\n      items {\n        id\n        at\n        actorKind\n        actorId\n        actorName\n        action\n        entityType\n        entityId\n        reason\n        detail\n        prevHash\n        hash\n      }\n      total\n      totalCapped\n    }\n  }\n": types.Admin_AuditLogsDocument,
    "\n  mutation Admin_revealMember($id: Int!, $reason: String!) {\n    result: revealMember(id: $id, reason: $reason) {\n      __typename\n      ... on RevealedMember {\n        id\n        idNumber\n        name\n        phone\n      }\n      ...RuleViolationFields\n    }\n  }\n": types.Admin_RevealMemberDocument,
    "\n  query Admin_accountStatement($memberId: Int!, $page: Int!, $perPage: Int!, $from: String, $to: String) {\n    page: accountStatement(memberId: $memberId, page: $page, perPage: $perPage, from: $from, to: $to, sortField: \"id\", sortOrder: DESC) {\n      items {\n        id\n        at\n        direction\n        cause\n        amountFen\n        balanceAfterFen\n        category\n        counterpart\n        institutionName\n        settlementId\n      }\n      total\n    }\n  }\n": types.Admin_AccountStatementDocument,
    "\n  query Admin_crossProvinceMap($date: String) {\n    rows: crossProvinceMap(date: $date) {\n      provinceCode\n      name\n      crossProvinceSharing\n      intraProvinceSharing\n      policyVersionId\n      version\n      effectiveFrom\n      nextEffectiveFrom\n    }\n  }\n": types.Admin_CrossProvinceMapDocument,
    "\n  query Admin_policyHistory($provinceCode: String!) {\n    rows: policyHistory(provinceCode: $provinceCode) {\n      ...PolicyFields\n      rules {\n        ...PolicyRulesFields\n      }\n    }\n  }\n": types.Admin_PolicyHistoryDocument,
    "\n  query Admin_policyDiff($fromId: Int!, $toId: Int!) {\n    rows: policyDiff(fromId: $fromId, toId: $toId) {\n      path\n      before\n      after\n    }\n  }\n": types.Admin_PolicyDiffDocument,
    "\n  mutation Admin_setCrossProvinceSharing($provinceCode: String!, $enabled: Boolean!, $effectiveFrom: String, $note: String) {\n    result: setCrossProvinceSharing(provinceCode: $provinceCode, enabled: $enabled, effectiveFrom: $effectiveFrom, note: $note) {\n      __typename\n      ... on PolicyVersion {\n        ...PolicyFields\n      }\n      ...RuleViolationFields\n    }\n  }\n": types.Admin_SetCrossProvinceSharingDocument,
    "\n  query Admin_dashboardStats($months: Int) {\n    stats: dashboardStats(months: $months) {\n      fromMonth\n      toMonth\n      mutualAidByMonth {\n        month\n        category\n        amountFen\n        count\n      }\n      mutualAidByProvince {\n        provinceCode\n        amountFen\n        count\n      }\n      queues {\n        queue\n        total\n        oldestAt\n        under1Day\n        days1to3\n        days3to7\n        days7to30\n        over30Days\n      }\n      today {\n        date\n        count\n        mutualAidCount\n        totalFen\n        selfPayFen\n        acctPayFen\n        mulaidPayFen\n        cashFen\n      }\n    }\n  }\n": types.Admin_DashboardStatsDocument,
    "\n  fragment FraudCaseCountsFields on FraudCaseCounts {\n    total\n    byRule {\n      key\n      count\n    }\n    byRegion {\n      key\n      count\n    }\n    byState {\n      key\n      count\n    }\n  }\n": types.FraudCaseCountsFieldsFragmentDoc,
    "\n  query Admin_openFraudCaseCounts {\n    open: fraudCaseCounts(state: OPEN) {\n      ...FraudCaseCountsFields\n    }\n    investigating: fraudCaseCounts(state: INVESTIGATING) {\n      ...FraudCaseCountsFields\n    }\n  }\n": types.Admin_OpenFraudCaseCountsDocument,
    "\n  query Admin_memberRiskProfile($memberId: Int!) {\n    profile: memberRiskProfile(memberId: $memberId) {\n      openScore\n      member {\n        ...MemberFields\n      }\n      cases {\n        ...FraudCaseFields\n      }\n      signals {\n        ...FraudSignalFields\n      }\n      bindings {\n        ...BindingFields\n      }\n      byPlace {\n        key\n        count\n        selfPayFen\n        accountFen\n      }\n      byCategory {\n        key\n        count\n        selfPayFen\n        accountFen\n      }\n    }\n  }\n": types.Admin_MemberRiskProfileDocument,
    "\n  query Admin_fraudCaseAssignees($id: Int!) {\n    assignees: fraudCaseAssignees(id: $id) {\n      id\n      username\n      displayName\n      scope\n    }\n  }\n": types.Admin_FraudCaseAssigneesDocument,
    "\n  query Admin_importProblems($jobId: Int!, $page: Int, $perPage: Int) {\n    page: importProblems(jobId: $jobId, page: $page, perPage: $perPage, sortField: \"rowNumber\") {\n      items {\n        id\n        rowNumber\n        columnName\n        code\n        message\n      }\n      total\n    }\n  }\n": types.Admin_ImportProblemsDocument,
    "\n  mutation Admin_decideClosurePayment($input: HeirPaymentInput!) {\n    result: decideClosurePayment(input: $input) {\n      __typename\n      ... on AccountClosure {\n        id\n        state\n      }\n      ...RuleViolationFields\n    }\n  }\n": types.Admin_DecideClosurePaymentDocument,
    "\n  mutation Admin_acceptAccountTransfer($id: Int!, $reason: String!) {\n    result: acceptAccountTransfer(id: $id, reason: $reason) {\n      __typename\n      ... on AccountClosure {\n        id\n        state\n      }\n      ...RuleViolationFields\n    }\n  }\n": types.Admin_AcceptAccountTransferDocument,
    "\n  query Admin_memberWallet($memberId: Int!, $page: Int!, $perPage: Int!) {\n    wallet: memberWallet(memberId: $memberId) {\n      id\n      balanceFen\n    }\n    transfers: memberWalletTransfers(memberId: $memberId, page: $page, perPage: $perPage, sortField: \"id\", sortOrder: DESC) {\n      items {\n        id\n        senderId\n        recipientId\n        senderName\n        recipientName\n        relationship\n        amountFen\n        state\n        expiresAt\n        decidedAt\n        createdAt\n      }\n      total\n    }\n  }\n": types.Admin_MemberWalletDocument,
    "\n  query Admin_auditChainCheck($afterId: Int, $afterHash: String) {\n    check: auditChainCheck(afterId: $afterId, afterHash: $afterHash) {\n      ok\n      checked\n      brokenAtId\n      lastId\n      lastHash\n      done\n      total\n    }\n  }\n": types.Admin_AuditChainCheckDocument,
    "\n  query Admin_memberCharges($memberId: Int!, $page: Int!, $perPage: Int!) {\n    charges: memberCharges(memberId: $memberId, page: $page, perPage: $perPage) {\n      items {\n        id\n        kind\n        amountFen\n        paidFen\n        state\n        reason\n        fraudCaseId\n        documentRef\n        closureId\n        createdBy\n        createdAt\n        settledBy\n        settledAt\n        waiveReason\n      }\n      total\n    }\n  }\n": types.Admin_MemberChargesDocument,
    "\n  mutation Admin_recordAccountCharge($input: RecordChargeInput!) {\n    result: recordAccountCharge(input: $input) {\n      __typename\n      ... on AccountCharge {\n        id\n        state\n      }\n      ...RuleViolationFields\n    }\n  }\n": types.Admin_RecordAccountChargeDocument,
    "\n  mutation Admin_waiveAccountCharge($input: WaiveChargeInput!) {\n    result: waiveAccountCharge(input: $input) {\n      __typename\n      ... on AccountCharge {\n        id\n        state\n      }\n      ...RuleViolationFields\n    }\n  }\n": types.Admin_WaiveAccountChargeDocument,
    "\n  query Admin_closureFees($id: Int!) {\n    closure: accountClosure(id: $id) {\n      id\n      feesPaidFen\n      feeShortfallFen\n    }\n  }\n": types.Admin_ClosureFeesDocument,
    "\n  query Admin_reviewBinding($id: Int!) {\n    record: binding(id: $id) {\n      ...BindingFields\n      giver {\n        ...ReviewMemberFields\n      }\n      beneficiary {\n        ...ReviewMemberFields\n      }\n      proofs {\n        ...ProofFields\n      }\n      requiredProofTypes\n      consistency {\n        giverAge\n        beneficiaryAge\n        giverSex\n        beneficiarySex\n        ageGapYears\n        problems\n      }\n      history {\n        ...BindingTransitionFields\n      }\n    }\n  }\n": types.Admin_ReviewBindingDocument,
    "\n  fragment ReviewMemberFields on Member {\n    id\n    name\n    idNumber\n    sex\n    birthYear\n    age\n    diedOn\n    scheme\n    status\n    insuredRegion\n    retired\n    account {\n      balanceFen\n    }\n  }\n": types.ReviewMemberFieldsFragmentDoc,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Admin_changePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input)\n  }\n"): typeof import('./graphql').Admin_ChangePasswordDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Admin_login($input: StaffLoginInput!) {\n    login(input: $input) {\n      token\n      expiresAt\n      mustChangePassword\n      staff {\n        id\n        username\n        displayName\n        roles\n        permissions\n        scope\n      }\n    }\n  }\n"): typeof import('./graphql').Admin_LoginDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Admin_viewer {\n    viewer {\n      kind\n      id\n      name\n      roles\n      permissions\n      scope\n    }\n  }\n"): typeof import('./graphql').Admin_ViewerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Admin_recordMemberExit($input: MemberEventInput!) {\n    result: recordMemberExit(input: $input) {\n      __typename\n      ... on Member {\n        ...MemberFields\n      }\n      ...RuleViolationFields\n    }\n  }\n"): typeof import('./graphql').Admin_RecordMemberExitDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Admin_recordMemberDeath($input: MemberEventInput!) {\n    result: recordMemberDeath(input: $input) {\n      __typename\n      ... on Member {\n        ...MemberFields\n      }\n      ...RuleViolationFields\n    }\n  }\n"): typeof import('./graphql').Admin_RecordMemberDeathDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Admin_suspendBinding($id: Int!, $reason: String!) {\n    result: suspendBinding(id: $id, reason: $reason) {\n      __typename\n      ... on Binding {\n        ...BindingFields\n      }\n      ...RuleViolationFields\n    }\n  }\n"): typeof import('./graphql').Admin_SuspendBindingDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Admin_restoreBinding($id: Int!, $reason: String!) {\n    result: restoreBinding(id: $id, reason: $reason) {\n      __typename\n      ... on Binding {\n        ...BindingFields\n      }\n      ...RuleViolationFields\n    }\n  }\n"): typeof import('./graphql').Admin_RestoreBindingDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Admin_approveBinding($id: Int!, $reason: String!) {\n    result: approveBinding(id: $id, reason: $reason) {\n      __typename\n      ... on Binding {\n        ...BindingFields\n      }\n      ...RuleViolationFields\n    }\n  }\n"): typeof import('./graphql').Admin_ApproveBindingDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Admin_rejectBinding($id: Int!, $reason: String!) {\n    result: rejectBinding(id: $id, reason: $reason) {\n      __typename\n      ... on Binding {\n        ...BindingFields\n      }\n      ...RuleViolationFields\n    }\n  }\n"): typeof import('./graphql').Admin_RejectBindingDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Admin_reviewProof($decision: ReviewDecision!, $id: Int!, $reason: String) {\n    result: reviewProof(decision: $decision, id: $id, reason: $reason) {\n      __typename\n      ... on RelationshipProof {\n        ...ProofFields\n      }\n      ...RuleViolationFields\n    }\n  }\n"): typeof import('./graphql').Admin_ReviewProofDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Admin_addFraudCaseNote($id: Int!, $text: String!) {\n    result: addFraudCaseNote(id: $id, text: $text) {\n      __typename\n      ... on FraudCase {\n        ...FraudCaseFields\n      }\n      ...RuleViolationFields\n    }\n  }\n"): typeof import('./graphql').Admin_AddFraudCaseNoteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Admin_assignFraudCase($assigneeId: Int, $id: Int!) {\n    result: assignFraudCase(assigneeId: $assigneeId, id: $id) {\n      __typename\n      ... on FraudCase {\n        ...FraudCaseFields\n      }\n      ...RuleViolationFields\n    }\n  }\n"): typeof import('./graphql').Admin_AssignFraudCaseDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Admin_dismissFraudCase($id: Int!, $reason: String!) {\n    result: dismissFraudCase(id: $id, reason: $reason) {\n      __typename\n      ... on FraudCase {\n        ...FraudCaseFields\n      }\n      ...RuleViolationFields\n    }\n  }\n"): typeof import('./graphql').Admin_DismissFraudCaseDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Admin_confirmFraudCase($input: ConfirmFraudCaseInput!) {\n    result: confirmFraudCase(input: $input) {\n      __typename\n      ... on FraudCase {\n        ...FraudCaseFields\n      }\n      ...RuleViolationFields\n    }\n  }\n"): typeof import('./graphql').Admin_ConfirmFraudCaseDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Admin_startFraudInvestigation($id: Int!) {\n    result: startFraudInvestigation(id: $id) {\n      __typename\n      ... on FraudCase {\n        ...FraudCaseFields\n      }\n      ...RuleViolationFields\n    }\n  }\n"): typeof import('./graphql').Admin_StartFraudInvestigationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Admin_flagFraud($input: FlagFraudInput!) {\n    result: flagFraud(input: $input) {\n      __typename\n      ... on FraudCase {\n        ...FraudCaseFields\n      }\n      ...RuleViolationFields\n    }\n  }\n"): typeof import('./graphql').Admin_FlagFraudDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Admin_withdrawPolicyVersion($id: Int!, $reason: String!) {\n    result: withdrawPolicyVersion(id: $id, reason: $reason) {\n      __typename\n      ... on PolicyVersion {\n        ...PolicyFields\n      }\n      ...RuleViolationFields\n    }\n  }\n"): typeof import('./graphql').Admin_WithdrawPolicyVersionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Admin_correctMember($input: CorrectMemberInput!) {\n    result: correctMember(input: $input) {\n      __typename\n      ... on Member {\n        ...MemberFields\n      }\n      ...RuleViolationFields\n    }\n  }\n"): typeof import('./graphql').Admin_CorrectMemberDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Admin_staffRevokeBinding($id: Int!, $reason: String!) {\n    result: staffRevokeBinding(id: $id, reason: $reason) {\n      __typename\n      ... on Binding {\n        ...BindingFields\n      }\n      ...RuleViolationFields\n    }\n  }\n"): typeof import('./graphql').Admin_StaffRevokeBindingDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Admin_approveBindingWithProofs($bindingId: Int!, $proofIds: [Int!]!, $reason: String!) {\n    result: approveBindingWithProofs(bindingId: $bindingId, proofIds: $proofIds, reason: $reason) {\n      __typename\n      ... on Binding {\n        ...BindingFields\n      }\n      ...RuleViolationFields\n    }\n  }\n"): typeof import('./graphql').Admin_ApproveBindingWithProofsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RuleViolationFields on RuleViolation {\n    rule\n    code\n    message\n    field\n    params {\n      key\n      value\n    }\n  }\n"): typeof import('./graphql').RuleViolationFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MemberFields on Member {\n    id\n    name\n    idNumber\n    phone\n    sex\n    birthYear\n    age\n    scheme\n    status\n    suspendedUntil\n    insuredRegion\n    provinceCode\n    retired\n    offsiteAccountPermission\n    contributionBaseFen\n    diedOn\n    exitedOn\n    createdAt\n    updatedAt\n  }\n"): typeof import('./graphql').MemberFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment BindingFields on Binding {\n    id\n    kind\n    giverId\n    beneficiaryId\n    relationship\n    initiatedBy\n    state\n    commitmentAcceptedAt\n    confirmationRequired\n    confirmedAt\n    activationMode\n    approved\n    singleLimitFen\n    priority\n    reservedFen\n    giverRegion\n    beneficiaryRegion\n    giverProvince\n    beneficiaryProvince\n    policyVersionId\n    activatedAt\n    endedAt\n    createdAt\n    updatedAt\n  }\n"): typeof import('./graphql').BindingFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment BindingTransitionFields on BindingTransition {\n    id\n    fromState\n    toState\n    actorKind\n    actorId\n    actorName\n    reason\n    rule\n    at\n  }\n"): typeof import('./graphql').BindingTransitionFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ProofFields on RelationshipProof {\n    id\n    bindingId\n    docType\n    fileName\n    mimeType\n    sizeBytes\n    sha256\n    reviewState\n    reviewerId\n    reviewerName\n    reviewedAt\n    reviewReason\n    uploadedByMemberId\n    createdAt\n  }\n"): typeof import('./graphql').ProofFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PolicyFields on PolicyVersion {\n    id\n    provinceCode\n    version\n    effectiveFrom\n    note\n    createdById\n    createdByName\n    createdAt\n  }\n"): typeof import('./graphql').PolicyFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PolicyRulesFields on PolicyRules {\n    allowedRelationships\n    intraProvinceSharing\n    crossProvinceSharing\n    beneficiaryMayInitiate\n    confirmationRequired\n    requiredProofs {\n      relationship\n      docTypes\n    }\n    activationMode\n    maxGiversPerBeneficiary\n    maxBeneficiariesPerGiver\n    singleFamilyNetwork\n    allowedCategories\n    commercialInsuranceMinBalanceFen\n    residentPremiumWindowStart\n    residentPremiumWindowEnd\n    residentPremiumFen\n    retireeMonthlyCreditFen\n    employeeAccountRatePermille\n    settlementMaxTotalFen\n    accountWithdrawalAllowed\n    wallet {\n      enabled\n      maxTransfersPerDay\n      maxTransferFen\n      quietFrom\n      quietUntil\n      acceptanceDays\n    }\n    fraud {\n      travelWindowMinutes\n      travelDistanceKm\n      maxTravelSpeedKmh\n      institutionsPerDay\n      pharmacyVisitsPerPeriod\n      pharmacyPeriodDays\n      pharmaciesPerDay\n      pharmacyPurchasesPerDay\n      sameDrugRepeats\n      drainPercent\n      drainWindowDays\n      fanOutBeneficiaries\n      fanOutInstitutionPatients\n      fanOutWindowDays\n      householdSpouses\n      householdParents\n      householdDescendants\n      bindingMismatchAttempts\n      maternityMinAge\n      maternityMaxAge\n    }\n  }\n"): typeof import('./graphql').PolicyRulesFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment FraudCaseFields on FraudCase {\n    id\n    state\n    score\n    primaryRule\n    rules\n    summary\n    subjectType\n    subjectId\n    regionCode\n    provinceCode\n    otherRegionCode\n    otherProvinceCode\n    assigneeId\n    assignee {\n      id\n      displayName\n    }\n    signalCount\n    dismissalReason\n    createdAt\n    updatedAt\n    closedAt\n  }\n"): typeof import('./graphql').FraudCaseFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment FraudSignalFields on FraudSignal {\n    id\n    rule\n    score\n    summary\n    evidence\n    memberId\n    bindingId\n    settlementId\n    institutionId\n    regionCode\n    caseId\n    createdAt\n  }\n"): typeof import('./graphql').FraudSignalFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SettlementFields on Settlement {\n    id\n    serialNo\n    institutionId\n    patientId\n    credentialType\n    credentialNoMasked\n    category\n    totalFen\n    poolFen\n    selfPayFen\n    acctPayFen\n    mulaidPayFen\n    cashFen\n    reversedFen\n    cashReversedFen\n    acctUsedFlag\n    placeRegion\n    placeProvince\n    patientRegion\n    patientProvince\n    offsite\n    status\n    treatedAt\n    createdAt\n  }\n"): typeof import('./graphql').SettlementFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AccountClosureFields on AccountClosure {\n    id\n    memberId\n    accountId\n    cause\n    state\n    pendingFen\n    closedBalanceFen\n    regionCode\n    fromRegion\n    eventDate\n    documents\n    decisionReason\n    decidedBy\n    decidedAt\n    createdAt\n  }\n"): typeof import('./graphql').AccountClosureFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Admin_members($filter: MemberFilter, $page: Int, $perPage: Int, $sortField: String, $sortOrder: SortOrder) {\n    page: members(filter: $filter, page: $page, perPage: $perPage, sortField: $sortField, sortOrder: $sortOrder) {\n      items {\n        ...MemberFields\n      }\n      total\n      totalCapped\n    }\n  }\n"): typeof import('./graphql').Admin_MembersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Admin_member($id: Int!) {\n    record: member(id: $id) {\n      ...MemberFields\n      account {\n        id\n        balanceFen\n        reservedFen\n      }\n    }\n  }\n"): typeof import('./graphql').Admin_MemberDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Admin_updateMemberRegistry($input: MemberRegistryUpdateInput!) {\n    result: updateMemberRegistry(input: $input) {\n      __typename\n      ... on Member {\n        ...MemberFields\n      }\n      ...RuleViolationFields\n    }\n  }\n"): typeof import('./graphql').Admin_UpdateMemberRegistryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Admin_bindings($filter: BindingFilter, $page: Int, $perPage: Int, $sortField: String, $sortOrder: SortOrder) {\n    page: bindings(filter: $filter, page: $page, perPage: $perPage, sortField: $sortField, sortOrder: $sortOrder) {\n      items {\n        ...BindingFields\n      }\n      total\n      totalCapped\n    }\n  }\n"): typeof import('./graphql').Admin_BindingsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Admin_binding($id: Int!) {\n    record: binding(id: $id) {\n      ...BindingFields\n      transitions: history {\n        ...BindingTransitionFields\n      }\n      consistency {\n        giverAge\n        beneficiaryAge\n        problems\n      }\n    }\n  }\n"): typeof import('./graphql').Admin_BindingDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Admin_proofs($filter: ProofFilter, $page: Int, $perPage: Int, $sortField: String, $sortOrder: SortOrder) {\n    page: proofs(filter: $filter, page: $page, perPage: $perPage, sortField: $sortField, sortOrder: $sortOrder) {\n      items {\n        ...ProofFields\n      }\n      total\n      totalCapped\n    }\n  }\n"): typeof import('./graphql').Admin_ProofsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Admin_proof($id: Int!) {\n    record: proof(id: $id) {\n      ...ProofFields\n    }\n  }\n"): typeof import('./graphql').Admin_ProofDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Admin_policyVersions($filter: PolicyVersionFilter, $page: Int, $perPage: Int, $sortField: String, $sortOrder: SortOrder) {\n    page: policyVersions(filter: $filter, page: $page, perPage: $perPage, sortField: $sortField, sortOrder: $sortOrder) {\n      items {\n        ...PolicyFields\n      }\n      total\n      totalCapped\n    }\n  }\n"): typeof import('./graphql').Admin_PolicyVersionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Admin_policyVersion($id: Int!) {\n    record: policyVersion(id: $id) {\n      ...PolicyFields\n      rules {\n        ...PolicyRulesFields\n      }\n    }\n  }\n"): typeof import('./graphql').Admin_PolicyVersionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Admin_createPolicyVersion($input: CreatePolicyVersionInput!) {\n    result: createPolicyVersion(input: $input) {\n      __typename\n      ... on PolicyVersion {\n        ...PolicyFields\n      }\n      ...RuleViolationFields\n    }\n  }\n"): typeof import('./graphql').Admin_CreatePolicyVersionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Admin_provinces($page: Int, $perPage: Int, $sortField: String, $sortOrder: SortOrder) {\n    page: provinces(page: $page, perPage: $perPage, sortField: $sortField, sortOrder: $sortOrder) {\n      items {\n        code\n        name\n        shortName\n        nameEn\n      }\n      total\n      totalCapped\n    }\n  }\n"): typeof import('./graphql').Admin_ProvincesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Admin_province($code: String!) {\n    record: province(code: $code) {\n      code\n      name\n      shortName\n      nameEn\n    }\n  }\n"): typeof import('./graphql').Admin_ProvinceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Admin_institutions($filter: InstitutionFilter, $page: Int, $perPage: Int, $sortField: String, $sortOrder: SortOrder) {\n    page: institutions(filter: $filter, page: $page, perPage: $perPage, sortField: $sortField, sortOrder: $sortOrder) {\n      items {\n        id\n        code\n        name\n        kind\n        regionCode\n        provinceCode\n        active\n        createdAt\n      }\n      total\n      totalCapped\n    }\n  }\n"): typeof import('./graphql').Admin_InstitutionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Admin_institution($id: Int!) {\n    record: institution(id: $id) {\n      id\n      code\n      name\n      kind\n      regionCode\n      provinceCode\n      active\n      createdAt\n    }\n  }\n"): typeof import('./graphql').Admin_InstitutionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Admin_fraudCases($filter: FraudCaseFilter, $page: Int, $perPage: Int, $sortField: String, $sortOrder: SortOrder) {\n    page: fraudCases(filter: $filter, page: $page, perPage: $perPage, sortField: $sortField, sortOrder: $sortOrder) {\n      items {\n        ...FraudCaseFields\n      }\n      total\n      totalCapped\n    }\n  }\n"): typeof import('./graphql').Admin_FraudCasesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Admin_fraudCase($id: Int!) {\n    record: fraudCase(id: $id) {\n      ...FraudCaseFields\n      signals {\n        ...FraudSignalFields\n      }\n      notes {\n        id\n        kind\n        text\n        actorName\n        actorStaffId\n        createdAt\n      }\n      sanctions {\n        id\n        kind\n        memberId\n        bindingId\n        months\n        untilDate\n        settlementId\n        reversalId\n        amountFen\n        baseFen\n        multiplier\n        createdAt\n        createdByStaffId\n      }\n      settlements {\n        ...SettlementFields\n      }\n      bindings {\n        ...BindingFields\n      }\n      members {\n        id\n        name\n        idNumber\n        sex\n        birthYear\n        age\n        status\n        suspendedUntil\n        insuredRegion\n      }\n    }\n  }\n"): typeof import('./graphql').Admin_FraudCaseDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Admin_settlements($filter: SettlementFilter, $page: Int, $perPage: Int, $sortField: String, $sortOrder: SortOrder) {\n    page: settlements(filter: $filter, page: $page, perPage: $perPage, sortField: $sortField, sortOrder: $sortOrder) {\n      items {\n        ...SettlementFields\n        patient {\n          id\n          name\n        }\n      }\n      total\n      totalCapped\n    }\n  }\n"): typeof import('./graphql').Admin_SettlementsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Admin_settlement($id: SafeInt!) {\n    record: settlement(id: $id) {\n      ...SettlementFields\n      drugCodes\n      patient {\n        id\n        name\n        idNumber\n        sex\n        birthYear\n        age\n        suspendedUntil\n        status\n      }\n      institution {\n        id\n        code\n        name\n        kind\n        regionCode\n      }\n      payments {\n        id\n        seq\n        payerMemberId\n        bindingId\n        accountId\n        amountFen\n        fromReserveFen\n        reversedFen\n      }\n      reversals {\n        id\n        serialNo\n        amountFen\n        accountFen\n        cashFen\n        createdAt\n      }\n      policyVersions {\n        memberId\n        role\n        provinceCode\n        policyVersionId\n      }\n    }\n  }\n"): typeof import('./graphql').Admin_SettlementDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Admin_importJobs($page: Int, $perPage: Int, $sortField: String, $sortOrder: SortOrder) {\n    page: importJobs(page: $page, perPage: $perPage, sortField: $sortField, sortOrder: $sortOrder) {\n      items {\n        ...ImportJobFields\n      }\n      total\n      totalCapped\n    }\n  }\n"): typeof import('./graphql').Admin_ImportJobsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Admin_importJob($id: Int!) {\n    record: importJob(id: $id) {\n      ...ImportJobFields\n    }\n  }\n"): typeof import('./graphql').Admin_ImportJobDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ImportJobFields on ImportJob {\n    id\n    kind\n    dryRun\n    status\n    fileName\n    fileSha256\n    format\n    encoding\n    scope\n    startedBy\n    totalBytes\n    bytesRead\n    rowsRead\n    inserted\n    updated\n    unchanged\n    rejected\n    problemCount\n    failure\n    startedAt\n    finishedAt\n  }\n"): typeof import('./graphql').ImportJobFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Admin_accountClosures($filter: ClosureFilter, $page: Int, $perPage: Int, $sortField: String, $sortOrder: SortOrder) {\n    page: accountClosures(filter: $filter, page: $page, perPage: $perPage, sortField: $sortField, sortOrder: $sortOrder) {\n      items {\n        ...AccountClosureFields\n      }\n      total\n      totalCapped\n    }\n  }\n"): typeof import('./graphql').Admin_AccountClosuresDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Admin_accountClosure($id: Int!) {\n    record: accountClosure(id: $id) {\n      ...AccountClosureFields\n      payments {\n        id\n        amountFen\n        payeeName\n        bankAccount\n        createdAt\n      }\n    }\n  }\n"): typeof import('./graphql').Admin_AccountClosureDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Admin_staffUsers($filter: StaffFilter, $page: Int, $perPage: Int, $sortField: String, $sortOrder: SortOrder) {\n    page: staffUsers(filter: $filter, page: $page, perPage: $perPage, sortField: $sortField, sortOrder: $sortOrder) {\n      items {\n        id\n        username\n        displayName\n        roles\n        permissions\n        scope\n        active\n        lastLoginAt\n        lockedUntil\n        mustChangePassword\n        passwordChangedAt\n        createdAt\n      }\n      total\n      totalCapped\n    }\n  }\n"): typeof import('./graphql').Admin_StaffUsersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Admin_auditLogs($filter: AuditFilter, $page: Int, $perPage: Int, $sortField: String, $sortOrder: SortOrder) {\n    page: auditLogs(filter: $filter, page: $page, perPage: $perPage, sortField: $sortField, sortOrder: $sortOrder) {\n      items {\n        id\n        at\n        actorKind\n        actorId\n        actorName\n        action\n        entityType\n        entityId\n        reason\n        detail\n        prevHash\n        hash\n      }\n      total\n      totalCapped\n    }\n  }\n"): typeof import('./graphql').Admin_AuditLogsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Admin_revealMember($id: Int!, $reason: String!) {\n    result: revealMember(id: $id, reason: $reason) {\n      __typename\n      ... on RevealedMember {\n        id\n        idNumber\n        name\n        phone\n      }\n      ...RuleViolationFields\n    }\n  }\n"): typeof import('./graphql').Admin_RevealMemberDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Admin_accountStatement($memberId: Int!, $page: Int!, $perPage: Int!, $from: String, $to: String) {\n    page: accountStatement(memberId: $memberId, page: $page, perPage: $perPage, from: $from, to: $to, sortField: \"id\", sortOrder: DESC) {\n      items {\n        id\n        at\n        direction\n        cause\n        amountFen\n        balanceAfterFen\n        category\n        counterpart\n        institutionName\n        settlementId\n      }\n      total\n    }\n  }\n"): typeof import('./graphql').Admin_AccountStatementDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Admin_crossProvinceMap($date: String) {\n    rows: crossProvinceMap(date: $date) {\n      provinceCode\n      name\n      crossProvinceSharing\n      intraProvinceSharing\n      policyVersionId\n      version\n      effectiveFrom\n      nextEffectiveFrom\n    }\n  }\n"): typeof import('./graphql').Admin_CrossProvinceMapDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Admin_policyHistory($provinceCode: String!) {\n    rows: policyHistory(provinceCode: $provinceCode) {\n      ...PolicyFields\n      rules {\n        ...PolicyRulesFields\n      }\n    }\n  }\n"): typeof import('./graphql').Admin_PolicyHistoryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Admin_policyDiff($fromId: Int!, $toId: Int!) {\n    rows: policyDiff(fromId: $fromId, toId: $toId) {\n      path\n      before\n      after\n    }\n  }\n"): typeof import('./graphql').Admin_PolicyDiffDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Admin_setCrossProvinceSharing($provinceCode: String!, $enabled: Boolean!, $effectiveFrom: String, $note: String) {\n    result: setCrossProvinceSharing(provinceCode: $provinceCode, enabled: $enabled, effectiveFrom: $effectiveFrom, note: $note) {\n      __typename\n      ... on PolicyVersion {\n        ...PolicyFields\n      }\n      ...RuleViolationFields\n    }\n  }\n"): typeof import('./graphql').Admin_SetCrossProvinceSharingDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Admin_dashboardStats($months: Int) {\n    stats: dashboardStats(months: $months) {\n      fromMonth\n      toMonth\n      mutualAidByMonth {\n        month\n        category\n        amountFen\n        count\n      }\n      mutualAidByProvince {\n        provinceCode\n        amountFen\n        count\n      }\n      queues {\n        queue\n        total\n        oldestAt\n        under1Day\n        days1to3\n        days3to7\n        days7to30\n        over30Days\n      }\n      today {\n        date\n        count\n        mutualAidCount\n        totalFen\n        selfPayFen\n        acctPayFen\n        mulaidPayFen\n        cashFen\n      }\n    }\n  }\n"): typeof import('./graphql').Admin_DashboardStatsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment FraudCaseCountsFields on FraudCaseCounts {\n    total\n    byRule {\n      key\n      count\n    }\n    byRegion {\n      key\n      count\n    }\n    byState {\n      key\n      count\n    }\n  }\n"): typeof import('./graphql').FraudCaseCountsFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Admin_openFraudCaseCounts {\n    open: fraudCaseCounts(state: OPEN) {\n      ...FraudCaseCountsFields\n    }\n    investigating: fraudCaseCounts(state: INVESTIGATING) {\n      ...FraudCaseCountsFields\n    }\n  }\n"): typeof import('./graphql').Admin_OpenFraudCaseCountsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Admin_memberRiskProfile($memberId: Int!) {\n    profile: memberRiskProfile(memberId: $memberId) {\n      openScore\n      member {\n        ...MemberFields\n      }\n      cases {\n        ...FraudCaseFields\n      }\n      signals {\n        ...FraudSignalFields\n      }\n      bindings {\n        ...BindingFields\n      }\n      byPlace {\n        key\n        count\n        selfPayFen\n        accountFen\n      }\n      byCategory {\n        key\n        count\n        selfPayFen\n        accountFen\n      }\n    }\n  }\n"): typeof import('./graphql').Admin_MemberRiskProfileDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Admin_fraudCaseAssignees($id: Int!) {\n    assignees: fraudCaseAssignees(id: $id) {\n      id\n      username\n      displayName\n      scope\n    }\n  }\n"): typeof import('./graphql').Admin_FraudCaseAssigneesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Admin_importProblems($jobId: Int!, $page: Int, $perPage: Int) {\n    page: importProblems(jobId: $jobId, page: $page, perPage: $perPage, sortField: \"rowNumber\") {\n      items {\n        id\n        rowNumber\n        columnName\n        code\n        message\n      }\n      total\n    }\n  }\n"): typeof import('./graphql').Admin_ImportProblemsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Admin_decideClosurePayment($input: HeirPaymentInput!) {\n    result: decideClosurePayment(input: $input) {\n      __typename\n      ... on AccountClosure {\n        id\n        state\n      }\n      ...RuleViolationFields\n    }\n  }\n"): typeof import('./graphql').Admin_DecideClosurePaymentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Admin_acceptAccountTransfer($id: Int!, $reason: String!) {\n    result: acceptAccountTransfer(id: $id, reason: $reason) {\n      __typename\n      ... on AccountClosure {\n        id\n        state\n      }\n      ...RuleViolationFields\n    }\n  }\n"): typeof import('./graphql').Admin_AcceptAccountTransferDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Admin_memberWallet($memberId: Int!, $page: Int!, $perPage: Int!) {\n    wallet: memberWallet(memberId: $memberId) {\n      id\n      balanceFen\n    }\n    transfers: memberWalletTransfers(memberId: $memberId, page: $page, perPage: $perPage, sortField: \"id\", sortOrder: DESC) {\n      items {\n        id\n        senderId\n        recipientId\n        senderName\n        recipientName\n        relationship\n        amountFen\n        state\n        expiresAt\n        decidedAt\n        createdAt\n      }\n      total\n    }\n  }\n"): typeof import('./graphql').Admin_MemberWalletDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Admin_auditChainCheck($afterId: Int, $afterHash: String) {\n    check: auditChainCheck(afterId: $afterId, afterHash: $afterHash) {\n      ok\n      checked\n      brokenAtId\n      lastId\n      lastHash\n      done\n      total\n    }\n  }\n"): typeof import('./graphql').Admin_AuditChainCheckDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Admin_memberCharges($memberId: Int!, $page: Int!, $perPage: Int!) {\n    charges: memberCharges(memberId: $memberId, page: $page, perPage: $perPage) {\n      items {\n        id\n        kind\n        amountFen\n        paidFen\n        state\n        reason\n        fraudCaseId\n        documentRef\n        closureId\n        createdBy\n        createdAt\n        settledBy\n        settledAt\n        waiveReason\n      }\n      total\n    }\n  }\n"): typeof import('./graphql').Admin_MemberChargesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Admin_recordAccountCharge($input: RecordChargeInput!) {\n    result: recordAccountCharge(input: $input) {\n      __typename\n      ... on AccountCharge {\n        id\n        state\n      }\n      ...RuleViolationFields\n    }\n  }\n"): typeof import('./graphql').Admin_RecordAccountChargeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Admin_waiveAccountCharge($input: WaiveChargeInput!) {\n    result: waiveAccountCharge(input: $input) {\n      __typename\n      ... on AccountCharge {\n        id\n        state\n      }\n      ...RuleViolationFields\n    }\n  }\n"): typeof import('./graphql').Admin_WaiveAccountChargeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Admin_closureFees($id: Int!) {\n    closure: accountClosure(id: $id) {\n      id\n      feesPaidFen\n      feeShortfallFen\n    }\n  }\n"): typeof import('./graphql').Admin_ClosureFeesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Admin_reviewBinding($id: Int!) {\n    record: binding(id: $id) {\n      ...BindingFields\n      giver {\n        ...ReviewMemberFields\n      }\n      beneficiary {\n        ...ReviewMemberFields\n      }\n      proofs {\n        ...ProofFields\n      }\n      requiredProofTypes\n      consistency {\n        giverAge\n        beneficiaryAge\n        giverSex\n        beneficiarySex\n        ageGapYears\n        problems\n      }\n      history {\n        ...BindingTransitionFields\n      }\n    }\n  }\n"): typeof import('./graphql').Admin_ReviewBindingDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ReviewMemberFields on Member {\n    id\n    name\n    idNumber\n    sex\n    birthYear\n    age\n    diedOn\n    scheme\n    status\n    insuredRegion\n    retired\n    account {\n      balanceFen\n    }\n  }\n"): typeof import('./graphql').ReviewMemberFieldsFragmentDoc;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
