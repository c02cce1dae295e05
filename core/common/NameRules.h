// SPDX-License-Identifier: MPL-2.0
#pragma once

#include "core/common/Result.h"

#include <QString>

// Naming rules of the directory, shared by the event handlers and the XML importer. Each check
// returns `invalid name` or `invalid cidr` with a detail that names the value and the rule.
namespace fsd::NameRules {

// The key that makes names unique case-insensitively (Unicode case folding).
QString key(const QString &name);

// Returns the note for a message about `name` clashing with the stored name `stored` (same
// key). It is empty when both are spelled alike, otherwise
// ` (as "stored"; names are compared without regard to case)`.
QString storedSpellingNote(const QString &name, const QString &stored);

// A host name (letters, digits and '-' in dot-separated labels of at most 63 characters) or an
// IPv4/IPv6 address. FreeSWITCH matches the domain against the host part of SIP URIs.
Status checkDomainName(const QString &name);
// A SIP user part: no white space, control characters, '@' or ':'. Used for user names and
// number aliases.
Status checkUserName(const QString &name);
// ^[A-Za-z0-9_.-]+$, because mod_sofia ignores gateways with other names.
Status checkGatewayName(const QString &name);
// Group, parameter and variable names: not empty, no control characters.
Status checkPlainName(const QString &name, const QString &what);
// Empty, or a comma-separated list of subnets with their prefix length ("192.0.2.0/24",
// "192.0.2.7/32", "2001:db8::/32"), as FreeSWITCH reads a user's cidr attribute.
Status checkCidrList(const QString &cidr);

} // namespace fsd::NameRules
