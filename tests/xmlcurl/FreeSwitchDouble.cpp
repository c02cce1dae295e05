// SPDX-License-Identifier: MPL-2.0
#include "tests/xmlcurl/FreeSwitchDouble.h"

namespace fsd::test {

namespace {

const QString Directory = QStringLiteral("directory");
const QString DomainTag = QStringLiteral("domain");
const QString NameKey = QStringLiteral("name");

// switch_false (switch_utils.h): the words FreeSWITCH reads as false, and any number that is 0.
bool switchFalse(const QString &value)
{
    static const QStringList words = {QStringLiteral("no"),       QStringLiteral("off"),
                                      QStringLiteral("false"),    QStringLiteral("f"),
                                      QStringLiteral("disabled"), QStringLiteral("inactive"),
                                      QStringLiteral("disallow")};
    if (words.contains(value, Qt::CaseInsensitive))
        return true;
    bool isNumber = false;
    const double number = value.toDouble(&isNumber);
    return isNumber && int(number) == 0;
}

} // namespace

QList<QPair<QString, QString>> FreeSwitchDouble::UserResult::params() const
{
    return namedValues(merged ? merged.get() : located.user, QStringLiteral("params"),
                       QStringLiteral("param"));
}

QList<QPair<QString, QString>> FreeSwitchDouble::UserResult::variables() const
{
    return namedValues(merged ? merged.get() : located.user, QStringLiteral("variables"),
                       QStringLiteral("variable"));
}

std::optional<QString> FreeSwitchDouble::UserResult::param(const QString &name) const
{
    return lastValue(params(), name);
}

std::optional<QString> FreeSwitchDouble::UserResult::variable(const QString &name) const
{
    return lastValue(variables(), name);
}

FreeSwitchDouble::FreeSwitchDouble(Transport transport, Globals globals)
    : m_transport(std::move(transport))
    , m_globals(std::move(globals))
{
}

FreeSwitchDouble::Fetch FreeSwitchDouble::interpret(const QByteArray &body) const
{
    Fetch fetch;
    fetch.answer = {200, body};
    fetch.preprocessed = preprocess(body, m_globals, &fetch.commands);
    QString error;
    auto root = parseXml(fetch.preprocessed, &error);
    if (!root) {
        fetch.error = QStringLiteral("Error Parsing Result: %1").arg(error);
        return fetch;
    }
    if (isNotFoundResult(*root)) {
        fetch.notFound = true;
        fetch.error = QStringLiteral("not found");
        return fetch;
    }
    fetch.root = root;
    return fetch;
}

FreeSwitchDouble::Fetch FreeSwitchDouble::fetch(const QByteArray &form) const
{
    const HttpAnswer answer = m_transport(form);
    Fetch result;
    if (answer.status == 200)
        result = interpret(answer.body);
    else
        result.error = QStringLiteral("Received HTTP error %1").arg(answer.status);
    result.form = form;
    result.answer = answer;
    return result;
}

FreeSwitchDouble::Fetch FreeSwitchDouble::locateDomain(const QString &domain,
                                                       FreeSwitchEvent &params) const
{
    return fetch(params.form(Directory, DomainTag, NameKey, domain));
}

FreeSwitchDouble::Fetch FreeSwitchDouble::locateGroup(const QString &group, const QString &domain,
                                                      FreeSwitchEvent &params) const
{
    params.add(QStringLiteral("group_name"), group);
    params.add(QStringLiteral("domain"), domain);
    return locateDomain(domain, params);
}

FreeSwitchDouble::UserResult FreeSwitchDouble::locateUser(const QString &key, const QString &user,
                                                          const QString &domain,
                                                          const QString &ip,
                                                          FreeSwitchEvent &params) const
{
    params.add(QStringLiteral("key"), key);
    params.add(QStringLiteral("user"), user);
    params.add(QStringLiteral("domain"), domain);
    if (!ip.isNull())
        params.add(QStringLiteral("ip"), ip);

    UserResult result;
    Fetch fetched = locateDomain(domain, params);
    if (fetched.root) {
        result.located = locateUserInDomain(test::locateDomain(*fetched.root, domain), key, user,
                                            ip);
        result.found = result.located.user != nullptr;
    }
    result.fetches.append(fetched);
    return result;
}

FreeSwitchDouble::UserResult FreeSwitchDouble::locateUserMerged(const QString &keys,
                                                                const QString &user,
                                                                const QString &domain,
                                                                const QString &ip,
                                                                FreeSwitchEvent &params) const
{
    UserResult result;
    for (const QString &key : keys.split(QLatin1Char(':'))) {
        UserResult attempt = locateUser(key, user, domain, ip, params);
        result.fetches += attempt.fetches;
        if (attempt.found) {
            result.found = true;
            result.located = attempt.located;
            result.merged = mergeUser(*attempt.located.user, attempt.located.domain,
                                      attempt.located.group);
            break;
        }
    }
    return result;
}

FreeSwitchDouble::UserResult FreeSwitchDouble::sipAuth(const QString &user,
                                                       const QString &domain) const
{
    FreeSwitchEvent params(FreeSwitchEvent::Type::RequestParams);
    params.add(QStringLiteral("action"), QStringLiteral("sip_auth"));
    params.add(QStringLiteral("sip_profile"), QStringLiteral("internal"));
    params.add(QStringLiteral("sip_user_agent"), QStringLiteral("Test Phone 1.0"));
    params.add(QStringLiteral("sip_auth_username"), user);
    params.add(QStringLiteral("sip_auth_realm"), domain);
    params.add(QStringLiteral("sip_auth_nonce"), QStringLiteral("8b1a9953-c461-4296-8f0e-a1b2c3d4e5f6"));
    params.add(QStringLiteral("sip_auth_uri"), QStringLiteral("sip:%1").arg(domain));
    params.add(QStringLiteral("sip_contact_user"), user);
    params.add(QStringLiteral("sip_contact_host"), QStringLiteral("127.0.0.1"));
    params.add(QStringLiteral("sip_to_user"), user);
    params.add(QStringLiteral("sip_to_host"), domain);
    params.add(QStringLiteral("sip_via_protocol"), QStringLiteral("udp"));
    params.add(QStringLiteral("sip_from_user"), user);
    params.add(QStringLiteral("sip_from_host"), domain);
    params.add(QStringLiteral("sip_call_id"), QStringLiteral("a84b4c76e66710@127.0.0.1"));
    params.add(QStringLiteral("sip_request_host"), domain);
    params.add(QStringLiteral("sip_auth_qop"), QStringLiteral("auth"));
    params.add(QStringLiteral("sip_auth_cnonce"), QStringLiteral("0a4f113b"));
    params.add(QStringLiteral("sip_auth_nc"), QStringLiteral("00000001"));
    params.add(QStringLiteral("sip_auth_response"), QStringLiteral("6629fae49393a05397450978507c4ef1"));
    params.add(QStringLiteral("sip_auth_method"), QStringLiteral("REGISTER"));
    params.add(QStringLiteral("client_port"), QStringLiteral("5062"));
    UserResult result = locateUserMerged(QStringLiteral("id"), user, domain,
                                         QStringLiteral("127.0.0.1"), params);
    // sofia_reg_parse_auth refuses a pointer found this way.
    if (result.found && result.merged->attributeSoft(QStringLiteral("type")) == QLatin1String("pointer"))
        result.found = false;
    return result;
}

bool FreeSwitchDouble::registersWithoutCredentials(const UserResult &result)
{
    if (!result.merged || !result.merged->child(QStringLiteral("params")))
        return true; // no <params>: sofia skips authentication
    bool allowEmpty = true;
    QString password;
    QString a1Hash;
    for (const auto &param : result.params()) {
        if (param.first.compare(QLatin1String("password"), Qt::CaseInsensitive) == 0)
            password = param.second;
        else if (param.first.compare(QLatin1String("a1-hash"), Qt::CaseInsensitive) == 0)
            a1Hash = param.second;
        else if (param.first.compare(QLatin1String("allow-empty-password"), Qt::CaseInsensitive) == 0)
            allowEmpty = param.second == QLatin1String("true") || param.second == QLatin1String("1")
                         || param.second.compare(QLatin1String("yes"), Qt::CaseInsensitive) == 0
                         || param.second.compare(QLatin1String("on"), Qt::CaseInsensitive) == 0;
    }
    return allowEmpty && password.isEmpty() && a1Hash.isEmpty();
}

QString FreeSwitchDouble::messageCountId(const QString &id, const QString &domain) const
{
    FreeSwitchEvent params(FreeSwitchEvent::Type::General);
    params.add(QStringLiteral("action"), QStringLiteral("message-count"));
    const UserResult result = locateUserMerged(QStringLiteral("id:number-alias"), id, domain,
                                               QString(), params);
    return result.found ? result.merged->attributeSoft(QStringLiteral("id")) : id;
}

FreeSwitchDouble::UserResult FreeSwitchDouble::voicemailLookup(const QString &id,
                                                               const QString &domain) const
{
    FreeSwitchEvent params(FreeSwitchEvent::Type::RequestParams);
    params.add(QStringLiteral("action"), QStringLiteral("voicemail-lookup"));
    return locateUserMerged(QStringLiteral("id:number-alias"), id, domain,
                            QStringLiteral("127.0.0.1"), params);
}

bool FreeSwitchDouble::voicemailApiLogin(const QString &id, const QString &domain,
                                         const QString &pin) const
{
    FreeSwitchEvent params(FreeSwitchEvent::Type::General);
    const UserResult result = locateUserMerged(QStringLiteral("id:number-alias"), id, domain,
                                               QString(), params);
    if (!result.found)
        return false;
    bool enabled = true;
    QString storedPin;
    for (const auto &[name, value] : result.params()) {
        if (name.isEmpty() || value.isEmpty())
            continue;
        if (name.compare(QLatin1String("vm-enabled"), Qt::CaseInsensitive) == 0)
            enabled = !switchFalse(value);
        else if (name.compare(QLatin1String("vm-password"), Qt::CaseInsensitive) == 0)
            storedPin = value;
    }
    if (!enabled)
        return false;
    // mod_voicemail compares with strcasecmp, and accepts any PIN when no PIN is stored.
    return storedPin.isEmpty() || storedPin.compare(pin, Qt::CaseInsensitive) == 0;
}

FreeSwitchDouble::UserResult FreeSwitchDouble::jsonRpcAuthenticate(const QString &user,
                                                                   const QString &domain) const
{
    FreeSwitchEvent params(FreeSwitchEvent::Type::RequestParams);
    params.add(QStringLiteral("action"), QStringLiteral("jsonrpc-authenticate"));
    return locateUserMerged(QStringLiteral("id"), user, domain, QString(), params);
}

FreeSwitchDouble::UserResult FreeSwitchDouble::eventSocketAuth(const QString &user,
                                                               const QString &domain) const
{
    FreeSwitchEvent params(FreeSwitchEvent::Type::RequestParams);
    params.add(QStringLiteral("action"), QStringLiteral("event_socket_auth"));
    return locateUser(QStringLiteral("id"), user, domain, QString(), params);
}

FreeSwitchDouble::UserResult FreeSwitchDouble::reverseAuthLookup(const QString &user,
                                                                 const QString &domain) const
{
    FreeSwitchEvent params(FreeSwitchEvent::Type::RequestParams);
    params.add(QStringLiteral("action"), QStringLiteral("reverse-auth-lookup"));
    params.add(QStringLiteral("sip_call_id"), QStringLiteral("f81d4fae-7dec@127.0.0.1"));
    return locateUserMerged(QStringLiteral("id"), user, domain, QString(), params);
}

FreeSwitchDouble::UserResult FreeSwitchDouble::userCall(const QString &user,
                                                        const QString &domain) const
{
    FreeSwitchEvent params(FreeSwitchEvent::Type::RequestParams);
    params.add(QStringLiteral("as_channel"), QStringLiteral("true"));
    params.add(QStringLiteral("action"), QStringLiteral("user_call"));
    return locateUserMerged(QStringLiteral("id"), user, domain, QString(), params);
}

FreeSwitchDouble::UserResult FreeSwitchDouble::skinnyAuth(const QString &device,
                                                          const QString &domain) const
{
    FreeSwitchEvent params(FreeSwitchEvent::Type::RequestParams);
    params.add(QStringLiteral("action"), QStringLiteral("skinny-auth"));
    return locateUser(QStringLiteral("id"), device, domain, QStringLiteral(""), params);
}

QStringList FreeSwitchDouble::groupCall(const QString &group, const QString &domain) const
{
    FreeSwitchEvent params(FreeSwitchEvent::Type::RequestParams);
    params.add(QStringLiteral("group"), group);
    params.add(QStringLiteral("domain"), domain);
    params.add(QStringLiteral("action"), QStringLiteral("group_call"));
    const Fetch fetched = locateGroup(group, domain, params);
    QStringList dialed;
    XmlNode *xDomain = fetched.root ? test::locateDomain(*fetched.root, domain) : nullptr;
    const XmlNode *groups = xDomain ? xDomain->child(QStringLiteral("groups")) : nullptr;
    const XmlNode *xGroup = groups ? findChild(*groups, QStringLiteral("group"), NameKey, group)
                                   : nullptr;
    const XmlNode *users = xGroup ? xGroup->child(QStringLiteral("users")) : nullptr;
    if (!users)
        return dialed;
    for (const XmlNode *user : users->childrenNamed(QStringLiteral("user"))) {
        const QString id = user->attributeSoft(QStringLiteral("id"));
        if (user->attributeSoft(QStringLiteral("type")) == QLatin1String("pointer")) {
            const UserResult pointed = locateUser(QStringLiteral("id"), id, domain, QString(),
                                                  params);
            if (!pointed.found)
                continue; // "Can't find user"
        }
        dialed.append(id);
    }
    return dialed;
}

QList<FreeSwitchDouble::Gateway> FreeSwitchDouble::gatewaysOf(const XmlNode &domain) const
{
    QList<Gateway> gateways;
    auto readGateways = [&](const XmlNode *user) {
        const XmlNode *tag = user->child(QStringLiteral("gateways"));
        if (!tag)
            return;
        for (const XmlNode *gatewayTag : tag->childrenNamed(QStringLiteral("gateway"))) {
            Gateway gateway;
            gateway.name = gatewayTag->attributeSoft(NameKey);
            const XmlNode *paramsTag = gatewayTag->child(QStringLiteral("params"));
            for (const XmlNode *param : (paramsTag ? paramsTag : gatewayTag)->childrenNamed(QStringLiteral("param")))
                gateway.params.append({param->attributeSoft(NameKey),
                                       param->attributeSoft(QStringLiteral("value"))});
            const XmlNode *variablesTag = gatewayTag->child(QStringLiteral("variables"));
            for (const XmlNode *variable : (variablesTag ? variablesTag : gatewayTag)->childrenNamed(QStringLiteral("variable"))) {
                gateway.variables.append({variable->attributeSoft(NameKey),
                                          variable->attributeSoft(QStringLiteral("value"))});
                gateway.directions.append(variable->attributeSoft(QStringLiteral("direction")));
            }
            gateways.append(gateway);
        }
    };
    for (const XmlNode *user : domain.childrenNamed(QStringLiteral("user")))
        readGateways(user);
    for (const XmlNode *groups : domain.childrenNamed(QStringLiteral("groups"))) {
        for (const XmlNode *group : groups->childrenNamed(QStringLiteral("group"))) {
            for (const XmlNode *users : group->childrenNamed(QStringLiteral("users"))) {
                for (const XmlNode *user : users->childrenNamed(QStringLiteral("user")))
                    readGateways(user);
            }
        }
    }
    return gateways;
}

QList<FreeSwitchDouble::Gateway> FreeSwitchDouble::profileGateways(const QString &profile) const
{
    FreeSwitchEvent params(FreeSwitchEvent::Type::RequestParams);
    params.add(QStringLiteral("purpose"), QStringLiteral("gateways"));
    params.add(QStringLiteral("profile"), profile);
    const Fetch fetched = fetch(params.form(Directory, QString(), QString(), QString()));
    QList<Gateway> gateways;
    const XmlNode *section = fetched.root ? findChild(*fetched.root, QStringLiteral("section"),
                                                      NameKey, Directory)
                                          : nullptr;
    if (!section)
        return gateways;
    for (const XmlNode *domain : section->childrenNamed(DomainTag))
        gateways += gatewaysOf(*domain);
    return gateways;
}

QStringList FreeSwitchDouble::networkList(const QString &domain) const
{
    FreeSwitchEvent params(FreeSwitchEvent::Type::General);
    params.add(QStringLiteral("domain"), domain);
    params.add(QStringLiteral("purpose"), QStringLiteral("network-list"));
    const Fetch fetched = locateDomain(domain, params);
    QStringList entries;
    const XmlNode *xDomain = fetched.root ? test::locateDomain(*fetched.root, domain) : nullptr;
    if (!xDomain)
        return entries;
    // switch_core.c reads <users> instead of the domain when it exists, also for <groups>.
    if (const XmlNode *users = xDomain->child(QStringLiteral("users")))
        xDomain = users;
    auto add = [&](const XmlNode *user) {
        const auto cidr = user->attribute(QStringLiteral("cidr"));
        const auto id = user->attribute(QStringLiteral("id"));
        if (cidr && id)
            entries.append(QStringLiteral("%1@%2 %3").arg(*id, domain, *cidr));
    };
    for (const XmlNode *user : xDomain->childrenNamed(QStringLiteral("user")))
        add(user);
    for (const XmlNode *groups : xDomain->childrenNamed(QStringLiteral("groups"))) {
        for (const XmlNode *group : groups->childrenNamed(QStringLiteral("group"))) {
            for (const XmlNode *users : group->childrenNamed(QStringLiteral("users"))) {
                for (const XmlNode *user : users->childrenNamed(QStringLiteral("user")))
                    add(user);
            }
        }
    }
    return entries;
}

QList<std::shared_ptr<XmlNode>> FreeSwitchDouble::publishVoicemail(const QString &target,
                                                                   const QString &domain) const
{
    // `target` is a user id, "_all_", or "group=<name>".
    const bool isGroup = target.startsWith(QLatin1String("group="));
    const QString group = isGroup ? target.mid(6) : QString();
    FreeSwitchEvent params(FreeSwitchEvent::Type::RequestParams);
    params.add(isGroup ? QStringLiteral("group") : QStringLiteral("user"), isGroup ? group : target);
    params.add(QStringLiteral("domain"), domain);
    params.add(QStringLiteral("purpose"), QStringLiteral("publish-vm"));
    const Fetch fetched = locateDomain(domain, params);
    QList<std::shared_ptr<XmlNode>> reached;
    XmlNode *xDomain = fetched.root ? test::locateDomain(*fetched.root, domain) : nullptr;
    if (!xDomain)
        return reached;
    const XmlNode *groups = xDomain->child(QStringLiteral("groups"));
    if (isGroup || target == QLatin1String("_all_")) {
        for (const XmlNode *xGroup : groups ? groups->childrenNamed(QStringLiteral("group"))
                                            : QList<XmlNode *>()) {
            if (isGroup && xGroup->attributeSoft(NameKey).compare(group, Qt::CaseInsensitive) != 0)
                continue;
            const XmlNode *users = xGroup->child(QStringLiteral("users"));
            for (const XmlNode *user : users ? users->childrenNamed(QStringLiteral("user"))
                                             : QList<XmlNode *>()) {
                if (user->attributeSoft(QStringLiteral("type")) == QLatin1String("pointer")) {
                    if (!isGroup)
                        continue;
                    const LocatedUser pointed = locateUserInDomainStrict(
                        xDomain, user->attributeSoft(QStringLiteral("id")));
                    if (pointed.user)
                        reached.append(mergeUser(*pointed.user, xDomain, xGroup));
                    continue;
                }
                reached.append(mergeUser(*user, xDomain, xGroup));
            }
            if (isGroup)
                break;
        }
        return reached;
    }
    const LocatedUser located = locateUserInDomainStrict(xDomain, target);
    if (located.user)
        reached.append(mergeUser(*located.user, xDomain, located.group));
    return reached;
}

} // namespace fsd::test
