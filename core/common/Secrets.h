// SPDX-License-Identifier: MPL-2.0
#pragma once

#include <QByteArray>
#include <QString>

namespace fsd::Secrets {

// A random password of `length` letters and digits from the system's secure generator
// (about 5.95 bits each, so the default 24 characters give about 142 bits). Letters and digits
// only, because SIP phones and provisioning templates mishandle other characters.
QString generatePassword(int length = 24);
// 128 random bits as 32 lowercase hex digits.
QByteArray generateToken();
// Lowercase hex SHA-256 of `token`: the form in which tokens are stored and compared.
QByteArray hashToken(const QByteArray &token);

} // namespace fsd::Secrets
