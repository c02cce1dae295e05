// SPDX-License-Identifier: MPL-2.0
#include "core/xmlcurl/DirectoryAnswerBuilder.h"

#include "core/storage/LookupQueries.h"
#include "core/xmlcurl/DirectoryDocument.h"
#include "core/xmlcurl/LookupForm.h"
#include "core/xmlcurl/XmlCurlLog.h"

#include <QElapsedTimer>

Q_LOGGING_CATEGORY(lcXmlCurl, "fsdirector.xmlcurl", QtInfoMsg)

namespace fsd {

namespace {

using Answer = DirectoryAnswerBuilder::Answer;

Answer notFound(const DirectoryLookup &lookup, const QString &reason)
{
    Answer answer;
    answer.lookup = lookup;
    answer.lookup.notFoundReason = reason;
    answer.document = DirectoryAnswerBuilder::notFoundDocument();
    return answer;
}

Answer failed(const DirectoryLookup &lookup, const ApiError &error)
{
    qCWarning(lcXmlCurl).noquote() << QStringLiteral("Cannot read the directory for a %1 lookup "
                                                     "of domain \"%2\": %3")
                                          .arg(lookup.kind, lookup.domain, error.detail);
    Answer answer;
    answer.lookup = lookup;
    answer.failed = true;
    return answer;
}

Answer found(const DirectoryLookup &lookup, QByteArray document)
{
    Answer answer;
    answer.lookup = lookup;
    answer.found = true;
    answer.document = std::move(document);
    return answer;
}

// The names (lower case) of the parameters FreeSWITCH's merge gives the user: its own, its
// group's and its domain's (switch_xml.c, switch_xml_merge_user).
QSet<QString> mergedParameterNames(const model::Domain &domain, const model::User &user,
                                   const model::Group *home)
{
    QSet<QString> names;
    for (const model::Attribute &param : user.params)
        names.insert(param.name.toLower());
    if (home) {
        for (const model::Attribute &param : home->params)
            names.insert(param.name.toLower());
    }
    for (const model::Attribute &param : domain.params)
        names.insert(param.name.toLower());
    return names;
}

} // namespace

DirectoryAnswerBuilder::DirectoryAnswerBuilder(const LookupQueries &queries)
    : m_queries(queries)
{
}

const QByteArray &DirectoryAnswerBuilder::notFoundDocument()
{
    static const QByteArray document(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n"
        "<document type=\"freeswitch/xml\">\n"
        "  <section name=\"result\">\n"
        "    <result status=\"not found\"/>\n"
        "  </section>\n"
        "</document>\n");
    return document;
}

Answer DirectoryAnswerBuilder::answer(const QByteArray &formBody)
{
    QElapsedTimer timer;
    timer.start();
    const DirectoryLookup lookup = DirectoryLookup::classify(LookupForm::parse(formBody));
    if (lookup.unknownKind)
        reportUnknownKind(lookup);

    Answer result;
    switch (lookup.scope) {
    case DirectoryLookup::Scope::NotFound:
        result = notFound(lookup, lookup.notFoundReason);
        break;
    case DirectoryLookup::Scope::User:
        result = answerUser(lookup);
        break;
    case DirectoryLookup::Scope::Group:
        result = answerGroup(lookup);
        break;
    case DirectoryLookup::Scope::Domain:
    case DirectoryLookup::Scope::Directory:
        result = answerDomains(lookup);
        break;
    }

    if (result.document.size() > ResponseMaxBytes) {
        qCWarning(lcXmlCurl).noquote()
            << QStringLiteral("The answer to a %1 lookup of domain \"%2\" has %3 bytes, more "
                              "than mod_xml_curl accepts by default (%4). Raise the binding's "
                              "response-max-bytes parameter in xml_curl.conf.xml, or FreeSWITCH "
                              "discards this answer.")
                   .arg(lookup.kind.isEmpty() ? QStringLiteral("directory") : lookup.kind,
                        lookup.domain)
                   .arg(result.document.size())
                   .arg(ResponseMaxBytes);
    }
    logLookup(result, double(timer.nsecsElapsed()) / 1e6);
    return result;
}

Answer DirectoryAnswerBuilder::answerUser(const DirectoryLookup &lookup)
{
    auto loaded = m_queries.user(lookup.domain, lookup.user, lookup.key, false);
    if (!loaded)
        return failed(lookup, loaded.error());
    if (!loaded->has_value())
        return notFound(lookup, QStringLiteral("no such enabled user in an enabled domain"));
    const model::Domain &domain = **loaded;
    const model::User &user = domain.users.first();

    const model::Group *home = nullptr;
    for (const model::Group &group : domain.groups) {
        if (group.members.first().type.isEmpty()) {
            home = &group;
            break;
        }
    }

    QStringList allowed = lookup.allowedSecrets;
    bool denyEmptyPassword = lookup.denyEmptyPassword;
    const QSet<QString> merged = mergedParameterNames(domain, user, home);
    if (lookup.voicemailFallback && !merged.contains(QStringLiteral("vm-password")))
        allowed += {QStringLiteral("password"), QStringLiteral("a1-hash")};
    // FreeSWITCH caches a cacheable user's merged answer under key, user and domain, whatever
    // the lookup's action (switch_xml.c, switch_xml_locate_user_merged), and serves it to
    // later sip_auth lookups. So such a user gets every secret in every answer; otherwise a
    // cached user_call answer would let anyone register without a password.
    if (user.hasCacheable && !user.cacheable.isEmpty()) {
        allowed = DirectoryLookup::secretParameterNames();
        denyEmptyPassword = true;
    }
    QList<model::Attribute> extraParams;
    if (denyEmptyPassword && !merged.contains(QStringLiteral("allow-empty-password"))) {
        model::Attribute deny;
        deny.name = QStringLiteral("allow-empty-password");
        deny.value = QStringLiteral("false");
        extraParams.append(deny);
    }

    DirectoryDocument document;
    document.writeUserDomain(domain, user, home, ParameterFilter(allowed), extraParams);
    reportBrokenFragments(document.brokenFragments());
    return found(lookup, document.finish());
}

Answer DirectoryAnswerBuilder::answerGroup(const DirectoryLookup &lookup)
{
    auto loaded = m_queries.group(lookup.domain, lookup.group);
    if (!loaded)
        return failed(lookup, loaded.error());
    if (!loaded->has_value())
        return notFound(lookup, QStringLiteral("no such enabled group in an enabled domain"));

    DirectoryDocument document;
    document.writeGroupDomain(**loaded);
    reportBrokenFragments(document.brokenFragments());
    return found(lookup, document.finish());
}

Answer DirectoryAnswerBuilder::answerDomains(const DirectoryLookup &lookup)
{
    const QString domainName =
        lookup.scope == DirectoryLookup::Scope::Domain ? lookup.domain : QString();
    auto tree = lookup.gatewaysOnly ? m_queries.gateways(domainName)
                                    : m_queries.directory(domainName);
    if (!tree)
        return failed(lookup, tree.error());
    if (tree->domains.isEmpty())
        return notFound(lookup, QStringLiteral("no such enabled domain"));

    DirectoryDocument document;
    for (const model::Domain &domain : tree->domains) {
        if (lookup.gatewaysOnly)
            document.writeGatewayDomain(domain);
        else
            document.writeWholeDomain(domain);
    }
    reportBrokenFragments(document.brokenFragments());
    return found(lookup, document.finish());
}

void DirectoryAnswerBuilder::logLookup(const Answer &answer, double milliseconds) const
{
    if (!lcXmlCurl().isDebugEnabled())
        return;
    const DirectoryLookup &lookup = answer.lookup;
    QString outcome = answer.failed ? QStringLiteral("failed")
                      : answer.found ? QStringLiteral("found")
                                     : QStringLiteral("not found (%1)").arg(lookup.notFoundReason);
    qCDebug(lcXmlCurl).noquote() << QStringLiteral("Lookup %1 user \"%2\" group \"%3\" domain "
                                                   "\"%4\": %5, %6 bytes in %7 ms")
                                        .arg(lookup.kind.isEmpty() ? QStringLiteral("(none)")
                                                                   : lookup.kind,
                                             lookup.user, lookup.group, lookup.domain, outcome)
                                        .arg(answer.document.size())
                                        .arg(milliseconds, 0, 'f', 2);
}

void DirectoryAnswerBuilder::reportUnknownKind(const DirectoryLookup &lookup)
{
    if (m_reportedKinds.contains(lookup.kind))
        return;
    m_reportedKinds.insert(lookup.kind);
    qCInfo(lcXmlCurl).noquote()
        << QStringLiteral("FreeSWITCH sent a directory lookup of unknown kind \"%1\"; it is "
                          "answered like a user or domain lookup, without passwords. Reported "
                          "once per kind.")
               .arg(lookup.kind);
}

void DirectoryAnswerBuilder::reportBrokenFragments(const QStringList &owners)
{
    for (const QString &owner : owners) {
        if (m_reportedFragments.contains(owner))
            continue;
        m_reportedFragments.insert(owner);
        qCWarning(lcXmlCurl).noquote()
            << QStringLiteral("The extra XML kept for %1 is not well-formed and is left out of "
                              "mod_xml_curl answers. Fix or remove it by re-importing. Reported "
                              "once.")
                   .arg(owner);
    }
}

} // namespace fsd
