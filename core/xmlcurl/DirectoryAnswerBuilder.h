// SPDX-License-Identifier: MPL-2.0
#pragma once

#include "core/xmlcurl/DirectoryLookup.h"

#include <QByteArray>
#include <QSet>
#include <QString>

namespace fsd {

class LookupQueries;

// Turns one mod_xml_curl request body into the XML document FreeSWITCH expects, reading the
// directory through LookupQueries. Logs each lookup at debug level (kind, user, domain, found,
// time taken) and never a form field value other than those, because forms can carry
// passwords (mod_verto's user_supplied_pass, mod_voicemail's VM-User-Password). Not
// thread-safe: use it on the thread that owns the queries' connection.
class DirectoryAnswerBuilder
{
public:
    struct Answer
    {
        // The document to send with HTTP 200; empty when `failed`.
        QByteArray document;
        bool found = false;
        // True when the directory could not be read. The caller then sends an HTTP error,
        // which mod_xml_curl treats like no answer.
        bool failed = false;
        DirectoryLookup lookup;
    };

    // mod_xml_curl's default response-max-bytes (FreeSWITCH 1.11.2, XML_CURL_MAX_BYTES): a
    // longer answer is discarded by FreeSWITCH unless that binding setting is raised.
    static constexpr qsizetype ResponseMaxBytes = 1024 * 1024;

    explicit DirectoryAnswerBuilder(const LookupQueries &queries);

    Answer answer(const QByteArray &formBody);

    // FreeSWITCH's "not found" document, byte for byte; switch_xml_locate then tries its next
    // binding and finally its static configuration.
    static const QByteArray &notFoundDocument();

private:
    Answer answerUser(const DirectoryLookup &lookup);
    Answer answerGroup(const DirectoryLookup &lookup);
    Answer answerDomains(const DirectoryLookup &lookup);
    void logLookup(const Answer &answer, double milliseconds) const;
    void reportUnknownKind(const DirectoryLookup &lookup);
    void reportBrokenFragments(const QStringList &owners);

    const LookupQueries &m_queries;
    QSet<QString> m_reportedKinds;
    QSet<QString> m_reportedFragments;
};

} // namespace fsd
