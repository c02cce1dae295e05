// SPDX-License-Identifier: MPL-2.0
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

// The request side of the FreeSWITCH test double: the event a module fills for a directory
// lookup, and the form mod_xml_curl posts from it (FreeSWITCH 1.11.2: src/switch_event.c,
// src/mod/xml_int/mod_xml_curl/mod_xml_curl.c). Rewritten from its behaviour, not its code.
namespace fsd::test {

class FreeSwitchEvent
{
public:
    // Event types that matter here: REQUEST_PARAMS events replace a header that is added
    // again (EF_UNIQ_HEADERS); GENERAL events keep both.
    enum class Type { RequestParams, General };

    // Creates the event with the headers switch_event_create adds to every event (Event-Name,
    // Core-UUID, FreeSWITCH-Hostname, ..., Event-Sequence).
    explicit FreeSwitchEvent(Type type);

    // switch_event_add_header_string with SWITCH_STACK_BOTTOM: an empty value deletes the
    // header instead.
    void add(const QString &name, const QString &value);
    QString value(const QString &name) const;
    const QList<QPair<QString, QString>> &headers() const { return m_headers; }

    // The body mod_xml_curl posts: "hostname=&section=&tag_name=&key_name=&key_value=&"
    // unencoded, then "name=value&" per header with switch_url_encode'd values. A null
    // tagName (a whole-directory lookup) is sent as empty, like switch_str_nil.
    QByteArray form(const QString &section, const QString &tagName, const QString &keyName,
                    const QString &keyValue) const;

    // switch_url_encode: bytes below ' ', above '~' and in "\r\n #%&+:;<=>?@[\]^`{|}\"" become
    // %XX, except a '%' already followed by two upper-case hex digits.
    static QByteArray urlEncode(const QString &value);

    static inline const QString Hostname = QStringLiteral("fs-double");

private:
    Type m_type;
    QList<QPair<QString, QString>> m_headers;
};

} // namespace fsd::test
