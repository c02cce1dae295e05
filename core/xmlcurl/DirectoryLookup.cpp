// SPDX-License-Identifier: MPL-2.0
#include "core/xmlcurl/DirectoryLookup.h"

#include "core/xmlcurl/LookupForm.h"

namespace fsd {

namespace {

// Fills the secrets a known `action` needs; returns false for any other action. Sources,
// FreeSWITCH 1.11.2:
// - sip_auth (mod_sofia sofia_reg.c, sofia_reg_parse_auth) checks `password` or `a1-hash`;
//   without both, it lets the user register unchecked unless allow-empty-password is false.
// - jsonrpc-authenticate (mod_verto) compares `password`, `jsonrpc-password` or `a1-hash`.
// - event_socket_auth (mod_event_socket) reads `esl-password` of domain, group and user.
// - reverse-auth-lookup (mod_sofia sofia_reg.c) reads `reverse-auth-user`/`reverse-auth-pass`.
// - voicemail-lookup (mod_voicemail) checks the PIN against `vm-password` or `vm-a1-hash`,
//   else against `password` or `a1-hash`, and accepts any PIN when none is present (its
//   allow-empty-password-auth setting defaults to true).
// - user_call (mod_dptools user endpoint), message-count (mod_voicemail resolve_id),
//   skinny-auth (mod_skinny) and group_call (mod_commands) read no secret.
bool applyAction(const QString &action, DirectoryLookup &lookup)
{
    if (action == QLatin1String("sip_auth")) {
        lookup.allowedSecrets = {QStringLiteral("password"), QStringLiteral("a1-hash")};
        lookup.denyEmptyPassword = true;
    } else if (action == QLatin1String("jsonrpc-authenticate")) {
        lookup.allowedSecrets = {QStringLiteral("password"), QStringLiteral("a1-hash"),
                                 QStringLiteral("jsonrpc-password")};
    } else if (action == QLatin1String("event_socket_auth")) {
        lookup.allowedSecrets = {QStringLiteral("esl-password")};
    } else if (action == QLatin1String("reverse-auth-lookup")) {
        lookup.allowedSecrets = {QStringLiteral("reverse-auth-user"),
                                 QStringLiteral("reverse-auth-pass")};
    } else if (action == QLatin1String("voicemail-lookup")) {
        lookup.allowedSecrets = {QStringLiteral("vm-password"), QStringLiteral("vm-a1-hash")};
        lookup.voicemailFallback = true;
    } else {
        static const QStringList withoutSecrets = {
            QStringLiteral("user_call"), QStringLiteral("message-count"),
            QStringLiteral("skinny-auth"), QStringLiteral("group_call")};
        return withoutSecrets.contains(action);
    }
    return true;
}

// `purpose` values sent by FreeSWITCH 1.11.2: gateways (mod_sofia, profile start and rescan),
// network-list (switch_core.c, ACL lists naming a domain) and publish-vm (mod_voicemail,
// voicemail_inject). None of them needs a secret.
bool isKnownPurpose(const QString &purpose)
{
    return purpose == QLatin1String("gateways") || purpose == QLatin1String("network-list")
        || purpose == QLatin1String("publish-vm");
}

DirectoryLookup notFound(DirectoryLookup lookup, const QString &reason)
{
    lookup.scope = DirectoryLookup::Scope::NotFound;
    lookup.notFoundReason = reason;
    return lookup;
}

// Decides the scope of a lookup that named a domain.
void classifyDomainLookup(const LookupForm &form, DirectoryLookup &lookup)
{
    const QString purpose = form.value(QStringLiteral("purpose"));
    const QString user = form.value(QStringLiteral("user"));
    // switch_xml_locate_group adds `group_name`; mod_voicemail's publish-vm sends `group`.
    QString group = form.value(QStringLiteral("group_name"));
    if (group.isEmpty() && purpose == QLatin1String("publish-vm"))
        group = form.value(QStringLiteral("group"));

    if (purpose == QLatin1String("gateways")) {
        lookup.scope = DirectoryLookup::Scope::Domain;
        lookup.gatewaysOnly = true;
    } else if (purpose == QLatin1String("network-list")) {
        lookup.scope = DirectoryLookup::Scope::Domain;
    } else if (!group.isEmpty()) {
        lookup.scope = DirectoryLookup::Scope::Group;
        lookup.group = group;
    } else if (!user.isEmpty() && user != QLatin1String("_all_")) {
        // "_all_" is mod_voicemail's publish-vm to every user of the domain.
        lookup.scope = DirectoryLookup::Scope::User;
        lookup.user = user;
        if (form.value(QStringLiteral("key")).compare(QLatin1String("number-alias"),
                                                      Qt::CaseInsensitive) == 0)
            lookup.key = LookupQueries::UserKey::AliasOnly;
    } else {
        lookup.scope = DirectoryLookup::Scope::Domain;
    }
}

} // namespace

const QStringList &DirectoryLookup::secretParameterNames()
{
    static const QStringList names = {
        QStringLiteral("password"),          QStringLiteral("a1-hash"),
        QStringLiteral("vm-password"),       QStringLiteral("vm-a1-hash"),
        QStringLiteral("esl-password"),      QStringLiteral("jsonrpc-password"),
        QStringLiteral("reverse-auth-user"), QStringLiteral("reverse-auth-pass"),
    };
    return names;
}

DirectoryLookup DirectoryLookup::classify(const LookupForm &form)
{
    DirectoryLookup lookup;
    const QString action = form.value(QStringLiteral("action"));
    const QString purpose = form.value(QStringLiteral("purpose"));
    lookup.kind = action.isEmpty() ? purpose : action;
    if (!action.isEmpty()) {
        lookup.unknownKind = !applyAction(action, lookup);
    } else if (!purpose.isEmpty()) {
        lookup.unknownKind = !isKnownPurpose(purpose);
    } else {
        // A user lookup without an action or purpose gets `vm-password`: mod_voicemail's
        // vm_fsdb_auth_login API (FreeSWITCH 1.11.3-dev), the PIN check of voicemail web front
        // ends, sends no action and accepts any PIN when the user it gets has no `vm-password`.
        // Other callers without an action, such as mod_commands' user_data, then see the PIN
        // too, as they do with static files.
        lookup.allowedSecrets = {QStringLiteral("vm-password")};
    }
    if (lookup.unknownKind) {
        lookup.allowedSecrets.clear();
        lookup.voicemailFallback = false;
        lookup.denyEmptyPassword = false;
    }

    if (form.section() != QLatin1String("directory"))
        return notFound(lookup, QStringLiteral("section \"%1\"").arg(form.section()));
    if (form.tagName().isEmpty()) {
        lookup.scope = Scope::Directory;
        lookup.gatewaysOnly = purpose == QLatin1String("gateways");
        return lookup;
    }
    if (form.tagName() != QLatin1String("domain") || form.keyName() != QLatin1String("name")) {
        return notFound(lookup, QStringLiteral("tag_name \"%1\", key_name \"%2\"")
                                    .arg(form.tagName(), form.keyName()));
    }
    lookup.domain = form.keyValue();
    if (lookup.domain.isEmpty())
        return notFound(lookup, QStringLiteral("no domain name"));

    classifyDomainLookup(form, lookup);
    return lookup;
}

} // namespace fsd
