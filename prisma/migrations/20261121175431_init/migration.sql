-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Platform" AS ENUM ('IOS', 'IPADOS', 'MACOS', 'ANDROID', 'WINDOWS');

-- CreateEnum
CREATE TYPE "ManagementState" AS ENUM ('MANAGED', 'LOST_MODE', 'WIPED', 'UNENROLLED', 'AWAITING_REENROLLMENT');

-- CreateEnum
CREATE TYPE "ReportChannel" AS ENUM ('WEB', 'GOOGLE_FORM', 'SLACK');

-- CreateEnum
CREATE TYPE "Circumstances" AS ENUM ('LOST', 'STOLEN', 'LEFT_BEHIND');

-- CreateEnum
CREATE TYPE "ReportStatus" AS ENUM ('RECEIVED', 'ADMINS_NOTIFIED', 'LOST_MODE_REQUESTED', 'LOST_MODE_ENABLED', 'LOCATED', 'WIPE_REQUESTED', 'WIPED', 'FOUND', 'DISMISSED', 'CLOSED');

-- CreateEnum
CREATE TYPE "CommandType" AS ENUM ('ENABLE_LOST_MODE', 'DISABLE_LOST_MODE', 'DEVICE_LOCATION', 'PLAY_LOST_MODE_SOUND', 'ERASE_DEVICE', 'DEVICE_LOCK');

-- CreateEnum
CREATE TYPE "CommandState" AS ENUM ('AWAITING_APPROVAL', 'QUEUED', 'SENT', 'ACKNOWLEDGED', 'ERROR', 'EXPIRED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "AppPolicyMode" AS ENUM ('ALLOW', 'DENY');

-- CreateEnum
CREATE TYPE "RenewalKind" AS ENUM ('PUSH_CERTIFICATE', 'ADE_TOKEN', 'VPP_TOKEN', 'ANDROID_ENTERPRISE_GMAIL');

-- CreateEnum
CREATE TYPE "AccountRole" AS ENUM ('PANEL_CONTACT', 'PANEL_SYSTEM_ADMIN', 'PUSH_CERT_APPLE_ID', 'ABM_APPLE_ID', 'ANDROID_ENTERPRISE_GMAIL');

-- CreateEnum
CREATE TYPE "OutboxState" AS ENUM ('PENDING', 'SENT', 'FAILED');

-- CreateTable
CREATE TABLE "Department" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Department_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Person" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT,
    "slackUserId" TEXT,
    "departmentId" TEXT,
    "locale" TEXT,
    "timeZone" TEXT,
    "isSystemAdmin" BOOLEAN NOT NULL DEFAULT false,
    "autoCreated" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DepartmentAdmin" (
    "departmentId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DepartmentAdmin_pkey" PRIMARY KEY ("departmentId","personId")
);

-- CreateTable
CREATE TABLE "Device" (
    "id" TEXT NOT NULL,
    "platform" "Platform" NOT NULL,
    "name" TEXT NOT NULL,
    "model" TEXT,
    "serial" TEXT,
    "udid" TEXT,
    "imei" TEXT,
    "phoneNumber" TEXT,
    "supervised" BOOLEAN NOT NULL DEFAULT false,
    "ade" BOOLEAN NOT NULL DEFAULT false,
    "ownerId" TEXT,
    "state" "ManagementState" NOT NULL DEFAULT 'MANAGED',
    "driver" TEXT NOT NULL DEFAULT 'agent',
    "externalId" TEXT,
    "agentTokenHash" TEXT,
    "passcodePresent" BOOLEAN,
    "lastCheckInAt" TIMESTAMP(3),
    "lastLatitude" DOUBLE PRECISION,
    "lastLongitude" DOUBLE PRECISION,
    "lastLocatedAt" TIMESTAMP(3),
    "enrolledAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Device_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LossReport" (
    "id" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "statusTokenHash" TEXT NOT NULL,
    "channel" "ReportChannel" NOT NULL,
    "externalId" TEXT,
    "reporterId" TEXT,
    "reporterEmail" TEXT NOT NULL,
    "reporterName" TEXT,
    "reporterSlackUserId" TEXT,
    "reporterVerified" BOOLEAN NOT NULL DEFAULT false,
    "deviceDescription" TEXT NOT NULL,
    "lostAt" TIMESTAMP(3),
    "lostAtText" TEXT,
    "location" TEXT,
    "circumstances" "Circumstances" NOT NULL,
    "contactPhone" TEXT,
    "consentLostMode" BOOLEAN NOT NULL DEFAULT false,
    "locale" TEXT NOT NULL DEFAULT 'ja',
    "status" "ReportStatus" NOT NULL DEFAULT 'RECEIVED',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "closedAt" TIMESTAMP(3),

    CONSTRAINT "LossReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LossReportDevice" (
    "reportId" TEXT NOT NULL,
    "deviceId" TEXT NOT NULL,
    "how" TEXT NOT NULL DEFAULT 'matched',

    CONSTRAINT "LossReportDevice_pkey" PRIMARY KEY ("reportId","deviceId")
);

-- CreateTable
CREATE TABLE "LossReportEvent" (
    "id" TEXT NOT NULL,
    "reportId" TEXT NOT NULL,
    "status" "ReportStatus" NOT NULL,
    "note" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LossReportEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Command" (
    "id" TEXT NOT NULL,
    "uuid" TEXT NOT NULL,
    "deviceId" TEXT NOT NULL,
    "reportId" TEXT,
    "type" "CommandType" NOT NULL,
    "params" JSONB NOT NULL DEFAULT '{}',
    "state" "CommandState" NOT NULL,
    "requestedById" TEXT,
    "approvedById" TEXT,
    "requestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "approvedAt" TIMESTAMP(3),
    "queuedAt" TIMESTAMP(3),
    "sentAt" TIMESTAMP(3),
    "completedAt" TIMESTAMP(3),
    "expiresAt" TIMESTAMP(3),
    "activeKey" TEXT,
    "driver" TEXT,
    "driverRef" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3),
    "result" JSONB,
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Command_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Alert" (
    "id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "deviceId" TEXT NOT NULL,
    "detectedAt" TIMESTAMP(3) NOT NULL,
    "immediate" BOOLEAN NOT NULL,
    "details" JSONB NOT NULL DEFAULT '{}',
    "dedupeKey" TEXT NOT NULL,
    "source" TEXT NOT NULL DEFAULT 'api',
    "postedAt" TIMESTAMP(3),
    "resolvedAt" TIMESTAMP(3),
    "resolvedBy" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Alert_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AppPolicy" (
    "id" TEXT NOT NULL DEFAULT 'default',
    "mode" "AppPolicyMode" NOT NULL DEFAULT 'DENY',
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedBy" TEXT,

    CONSTRAINT "AppPolicy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AppPolicyEntry" (
    "policyId" TEXT NOT NULL,
    "appId" TEXT NOT NULL,

    CONSTRAINT "AppPolicyEntry_pkey" PRIMARY KEY ("policyId","appId")
);

-- CreateTable
CREATE TABLE "Renewal" (
    "id" TEXT NOT NULL,
    "kind" "RenewalKind" NOT NULL,
    "label" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3),
    "lastSignInAt" TIMESTAMP(3),
    "accountId" TEXT,
    "topic" TEXT,
    "serial" TEXT,
    "details" JSONB NOT NULL DEFAULT '{}',
    "renewedAt" TIMESTAMP(3),
    "renewedBy" TEXT,
    "doneAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Renewal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RenewalReminder" (
    "renewalId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RenewalReminder_pkey" PRIMARY KEY ("renewalId","key")
);

-- CreateTable
CREATE TABLE "CustodyAccount" (
    "id" TEXT NOT NULL,
    "role" "AccountRole" NOT NULL,
    "address" TEXT NOT NULL,
    "isGroupAddress" BOOLEAN NOT NULL DEFAULT false,
    "passwordHolder" TEXT,
    "passwordLocation" TEXT,
    "twoFactorHolder" TEXT,
    "lastVerifiedAt" TIMESTAMP(3),
    "notes" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CustodyAccount_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HandoverItem" (
    "key" TEXT NOT NULL,
    "confirmedAt" TIMESTAMP(3),
    "confirmedBy" TEXT,
    "note" TEXT,
    "url" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "HandoverItem_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "PushCertificateRequest" (
    "id" TEXT NOT NULL,
    "appleId" TEXT,
    "requestedBy" TEXT,
    "encryptedPrivateKey" TEXT NOT NULL,
    "csrPem" TEXT NOT NULL,
    "certificatePem" TEXT,
    "uploadedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PushCertificateRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "subject" TEXT,
    "details" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "AuditEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboxMessage" (
    "id" BIGSERIAL NOT NULL,
    "method" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "correlation" TEXT,
    "orderingKey" TEXT,
    "dedupeKey" TEXT,
    "state" "OutboxState" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3),
    "lockedUntil" TIMESTAMP(3),
    "lockedBy" TEXT,
    "lastError" TEXT,
    "result" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),

    CONSTRAINT "OutboxMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SlackMessageRef" (
    "key" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "ts" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SlackMessageRef_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "JobRun" (
    "key" TEXT NOT NULL,
    "job" TEXT NOT NULL,
    "firedAt" TIMESTAMP(3) NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "owner" TEXT NOT NULL,
    "leaseUntil" TIMESTAMP(3) NOT NULL,
    "doneAt" TIMESTAMP(3),

    CONSTRAINT "JobRun_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "JobState" (
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "JobState_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "InboundReceipt" (
    "key" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "result" JSONB,

    CONSTRAINT "InboundReceipt_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Setting" (
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Setting_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "Department_name_key" ON "Department"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Person_email_key" ON "Person"("email");

-- CreateIndex
CREATE UNIQUE INDEX "Person_slackUserId_key" ON "Person"("slackUserId");

-- CreateIndex
CREATE UNIQUE INDEX "Device_serial_key" ON "Device"("serial");

-- CreateIndex
CREATE UNIQUE INDEX "Device_udid_key" ON "Device"("udid");

-- CreateIndex
CREATE UNIQUE INDEX "Device_imei_key" ON "Device"("imei");

-- CreateIndex
CREATE UNIQUE INDEX "Device_externalId_key" ON "Device"("externalId");

-- CreateIndex
CREATE UNIQUE INDEX "Device_agentTokenHash_key" ON "Device"("agentTokenHash");

-- CreateIndex
CREATE INDEX "Device_ownerId_idx" ON "Device"("ownerId");

-- CreateIndex
CREATE INDEX "Device_lastCheckInAt_idx" ON "Device"("lastCheckInAt");

-- CreateIndex
CREATE UNIQUE INDEX "LossReport_reference_key" ON "LossReport"("reference");

-- CreateIndex
CREATE UNIQUE INDEX "LossReport_statusTokenHash_key" ON "LossReport"("statusTokenHash");

-- CreateIndex
CREATE INDEX "LossReport_status_idx" ON "LossReport"("status");

-- CreateIndex
CREATE UNIQUE INDEX "LossReport_channel_externalId_key" ON "LossReport"("channel", "externalId");

-- CreateIndex
CREATE INDEX "LossReportEvent_reportId_at_idx" ON "LossReportEvent"("reportId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "Command_uuid_key" ON "Command"("uuid");

-- CreateIndex
CREATE UNIQUE INDEX "Command_activeKey_key" ON "Command"("activeKey");

-- CreateIndex
CREATE INDEX "Command_deviceId_state_idx" ON "Command"("deviceId", "state");

-- CreateIndex
CREATE INDEX "Command_state_expiresAt_idx" ON "Command"("state", "expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "Alert_dedupeKey_key" ON "Alert"("dedupeKey");

-- CreateIndex
CREATE INDEX "Alert_createdAt_idx" ON "Alert"("createdAt");

-- CreateIndex
CREATE INDEX "Alert_deviceId_resolvedAt_idx" ON "Alert"("deviceId", "resolvedAt");

-- CreateIndex
CREATE INDEX "Alert_type_createdAt_idx" ON "Alert"("type", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "CustodyAccount_role_address_key" ON "CustodyAccount"("role", "address");

-- CreateIndex
CREATE INDEX "AuditEntry_subject_idx" ON "AuditEntry"("subject");

-- CreateIndex
CREATE INDEX "AuditEntry_at_idx" ON "AuditEntry"("at");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxMessage_dedupeKey_key" ON "OutboxMessage"("dedupeKey");

-- CreateIndex
CREATE INDEX "OutboxMessage_state_nextAttemptAt_idx" ON "OutboxMessage"("state", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "OutboxMessage_orderingKey_id_idx" ON "OutboxMessage"("orderingKey", "id");

-- CreateIndex
CREATE INDEX "JobRun_job_firedAt_idx" ON "JobRun"("job", "firedAt");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_name_key" ON "ApiToken"("name");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");

-- AddForeignKey
ALTER TABLE "Person" ADD CONSTRAINT "Person_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DepartmentAdmin" ADD CONSTRAINT "DepartmentAdmin_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DepartmentAdmin" ADD CONSTRAINT "DepartmentAdmin_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Device" ADD CONSTRAINT "Device_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LossReport" ADD CONSTRAINT "LossReport_reporterId_fkey" FOREIGN KEY ("reporterId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LossReportDevice" ADD CONSTRAINT "LossReportDevice_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "LossReport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LossReportDevice" ADD CONSTRAINT "LossReportDevice_deviceId_fkey" FOREIGN KEY ("deviceId") REFERENCES "Device"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LossReportEvent" ADD CONSTRAINT "LossReportEvent_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "LossReport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Command" ADD CONSTRAINT "Command_deviceId_fkey" FOREIGN KEY ("deviceId") REFERENCES "Device"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Command" ADD CONSTRAINT "Command_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "LossReport"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Command" ADD CONSTRAINT "Command_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Command" ADD CONSTRAINT "Command_approvedById_fkey" FOREIGN KEY ("approvedById") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Alert" ADD CONSTRAINT "Alert_deviceId_fkey" FOREIGN KEY ("deviceId") REFERENCES "Device"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AppPolicyEntry" ADD CONSTRAINT "AppPolicyEntry_policyId_fkey" FOREIGN KEY ("policyId") REFERENCES "AppPolicy"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Renewal" ADD CONSTRAINT "Renewal_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "CustodyAccount"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RenewalReminder" ADD CONSTRAINT "RenewalReminder_renewalId_fkey" FOREIGN KEY ("renewalId") REFERENCES "Renewal"("id") ON DELETE CASCADE ON UPDATE CASCADE;
