-- Sign-in throttling that an attacker can neither bypass nor turn against the owner (issue 7): a
-- growing wait per (account, address) pair, a per-account ceiling that locks only addresses new to the
-- account, and the addresses each account signed in from. Per-address counting stays in SignInThrottle.

-- The old per-account counters ("email:<address>") are replaced by the tables below.
DELETE FROM "SignInThrottle" WHERE "key" LIKE 'email:%';

-- CreateTable
CREATE TABLE "SignInPairThrottle" (
    "email" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "unreported" INTEGER NOT NULL DEFAULT 0,
    "lastFailureAt" DATETIME NOT NULL,
    "retryAfter" DATETIME,

    PRIMARY KEY ("email", "address")
);

-- CreateTable
CREATE TABLE "SignInAccountGuard" (
    "email" TEXT NOT NULL PRIMARY KEY,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "windowStart" DATETIME NOT NULL,
    "unreported" INTEGER NOT NULL DEFAULT 0,
    "lockedAt" DATETIME,
    "noticeFailures" INTEGER NOT NULL DEFAULT 0
);

-- CreateTable
CREATE TABLE "SignInKnownAddress" (
    "userId" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "lastSignInAt" DATETIME NOT NULL,

    PRIMARY KEY ("userId", "address"),
    CONSTRAINT "SignInKnownAddress_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
