// SPDX-License-Identifier: MPL-2.0
#pragma once

#include <QString>

namespace fsd {

// Salted PBKDF2-HMAC-SHA256 hashes of operator passwords, stored as
// "pbkdf2-sha256$<iterations>$<salt base64>$<hash base64>".
class PasswordHasher
{
public:
    static constexpr int DefaultIterations = 100000;

    static QString hash(const QString &password, int iterations = DefaultIterations);
    // Compares in constant time. False for a malformed stored hash.
    static bool verify(const QString &password, const QString &storedHash);
};

} // namespace fsd
