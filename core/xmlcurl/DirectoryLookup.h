// SPDX-License-Identifier: MPL-2.0
#pragma once

#include "core/storage/LookupQueries.h"

#include <QString>
#include <QStringList>

namespace fsd {

class LookupForm;

// The target of one mod_xml_curl request and the secret parameters its answer may carry.
// Facts from FreeSWITCH 1.11.2 (switch_xml.c and the modules named below):
// - Every directory lookup arrives as section=directory, tag_name=domain, key_name=name,
//   key_value=<domain>. The event headers say the rest: `user` and `key` for user lookups
//   (switch_xml_locate_user), `group_name` for group lookups (switch_xml_locate_group),
//   `action` or `purpose` naming the caller.
// - An empty tag_name asks for the whole directory (mod_sofia, profile <domain name="all">).
struct DirectoryLookup
{
    enum class Scope {
        NotFound,  // not a directory lookup served here
        Directory, // every domain
        Domain,    // one domain, all of it
        Group,     // one domain with one group and its members
        User,      // one domain with one user
    };

    Scope scope = Scope::NotFound;
    // purpose=gateways: only users with gateways, and their gateways (mod_sofia).
    bool gatewaysOnly = false;
    QString domain;
    QString user;
    QString group;
    LookupQueries::UserKey key = LookupQueries::UserKey::IdOrAlias;

    // The caller's `action`, else its `purpose`, for logs ("" when neither was sent).
    QString kind;
    // True when `kind` is none of the kinds handled here, so the answer carries no secret.
    bool unknownKind = false;
    // Reason for the not-found document, for logs.
    QString notFoundReason;

    // Secret parameter names (lower case) this lookup may receive.
    QStringList allowedSecrets;
    // voicemail-lookup: password and a1-hash are allowed too when no vm-password applies,
    // because mod_voicemail then checks the PIN against them.
    bool voicemailFallback = false;
    // sip_auth: add allow-empty-password=false unless the operator set that parameter.
    bool denyEmptyPassword = false;

    static DirectoryLookup classify(const LookupForm &form);

    // Every parameter name treated as secret (lower case).
    static const QStringList &secretParameterNames();
};

} // namespace fsd
