// SPDX-License-Identifier: MPL-2.0
#pragma once

#include "tests/xmlcurl/FreeSwitchEvent.h"
#include "tests/xmlcurl/FreeSwitchXml.h"

#include <functional>

namespace fsd::test {

// The status and body of one mod_xml_curl request.
struct HttpAnswer
{
    int status = 0;
    QByteArray body;
};

// Stands in for FreeSWITCH 1.11.2 in mod_xml_curl tests: each lookup builds the event its
// module builds (same headers, same order, same event type), posts it as mod_xml_curl does
// through `transport`, treats the answer as switch_xml_locate does (HTTP 200 only,
// preprocessing, parsing, "not found" result) and reads it the way the module reads it. There
// is no static configuration to fall back to: where FreeSWITCH would try its files, the double
// reports "not found".
class FreeSwitchDouble
{
public:
    using Transport = std::function<HttpAnswer(const QByteArray &form)>;

    // One request and what switch_xml_locate made of its answer.
    struct Fetch
    {
        QByteArray form;
        HttpAnswer answer;
        QString preprocessed;
        std::shared_ptr<XmlNode> root; // null unless the answer is a usable document
        bool notFound = false;         // FreeSWITCH's "not found" result
        QString error;                 // why the answer is unusable
        QStringList commands;          // preprocessor commands the answer would have run
    };

    // A user lookup: the unmerged elements where switch_xml_locate_user found them, and the
    // merged user of switch_xml_locate_user_merged.
    struct UserResult
    {
        bool found = false;
        LocatedUser located;
        std::shared_ptr<XmlNode> merged;
        QList<Fetch> fetches; // one per key tried

        QList<QPair<QString, QString>> params() const;
        QList<QPair<QString, QString>> variables() const;
        std::optional<QString> param(const QString &name) const;
        std::optional<QString> variable(const QString &name) const;
    };

    struct Gateway
    {
        QString name;
        QList<QPair<QString, QString>> params;
        QList<QPair<QString, QString>> variables; // name, value
        QStringList directions;                   // per variable, "" when absent
    };

    FreeSwitchDouble(Transport transport, Globals globals);

    // Posts `form` and interprets the answer.
    Fetch fetch(const QByteArray &form) const;
    // Interprets an answer body as switch_xml_locate would after an HTTP 200.
    Fetch interpret(const QByteArray &body) const;

    // switch_xml_locate_user_merged: `keys` may list several keys separated by ':', tried in
    // order with the same event. `ip` is null when the caller passes none.
    UserResult locateUserMerged(const QString &keys, const QString &user, const QString &domain,
                                const QString &ip, FreeSwitchEvent &params) const;
    // switch_xml_locate_user without merge (mod_event_socket, mod_skinny, group_call pointers).
    UserResult locateUser(const QString &key, const QString &user, const QString &domain,
                          const QString &ip, FreeSwitchEvent &params) const;
    // switch_xml_locate_domain / switch_xml_locate_group with the caller's event.
    Fetch locateDomain(const QString &domain, FreeSwitchEvent &params) const;
    Fetch locateGroup(const QString &group, const QString &domain, FreeSwitchEvent &params) const;

    // mod_sofia sofia_reg_parse_auth: a REGISTER of `user` at `domain` from 127.0.0.1.
    UserResult sipAuth(const QString &user, const QString &domain) const;
    // mod_sofia sofia_reg_parse_auth's decision: true when the registration needs no
    // credential check at all (no password, no a1-hash, empty passwords allowed).
    static bool registersWithoutCredentials(const UserResult &result);
    // mod_voicemail resolve_id for message-count: the user's id, or `id` when not found.
    QString messageCountId(const QString &id, const QString &domain) const;
    // mod_voicemail's check (voicemail-lookup) of a mailbox.
    UserResult voicemailLookup(const QString &id, const QString &domain) const;
    // mod_voicemail's vm_fsdb_auth_login API, the PIN check of voicemail web front ends: a
    // lookup without an action. Returns true when `pin` logs in, with no PIN stored in its
    // voicemail_prefs table and allow-empty-password-auth at its default, true.
    bool voicemailApiLogin(const QString &id, const QString &domain, const QString &pin) const;
    // mod_verto login (jsonrpc-authenticate).
    UserResult jsonRpcAuthenticate(const QString &user, const QString &domain) const;
    // mod_event_socket's userauth (event_socket_auth), unmerged.
    UserResult eventSocketAuth(const QString &user, const QString &domain) const;
    // mod_sofia's reverse-auth-lookup for a request to `user`@`domain`.
    UserResult reverseAuthLookup(const QString &user, const QString &domain) const;
    // mod_dptools user/ endpoint (user_call).
    UserResult userCall(const QString &user, const QString &domain) const;
    // mod_skinny device registration (skinny-auth), unmerged.
    UserResult skinnyAuth(const QString &device, const QString &domain) const;
    // mod_commands group_call: the users it would dial, in order.
    QStringList groupCall(const QString &group, const QString &domain) const;
    // mod_sofia profile start with <domain name="all" parse="true"/> (purpose=gateways).
    QList<Gateway> profileGateways(const QString &profile) const;
    // switch_core.c ACL load (purpose=network-list): "id@domain cidr" per user with a cidr.
    QStringList networkList(const QString &domain) const;
    // mod_voicemail voicemail_inject (purpose=publish-vm): merged users a message would reach.
    QList<std::shared_ptr<XmlNode>> publishVoicemail(const QString &target,
                                                     const QString &domain) const;

    const Globals &globals() const { return m_globals; }

private:
    QList<Gateway> gatewaysOf(const XmlNode &domain) const;

    Transport m_transport;
    Globals m_globals;
};

} // namespace fsd::test
