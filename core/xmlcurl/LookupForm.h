// SPDX-License-Identifier: MPL-2.0
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace fsd {

// The fields of one mod_xml_curl request, decoded from its form-encoded body.
//
// mod_xml_curl (FreeSWITCH 1.11.2, mod_xml_curl.c, xml_url_fetch) posts
// "hostname=..&section=..&tag_name=..&key_name=..&key_value=..&" without encoding those five,
// followed by every header of the lookup's event as "name=url-encoded value&". Event headers
// can repeat: events of type GENERAL keep duplicates, so a second lookup attempt
// (key "id:number-alias") sends `key` twice. The last occurrence is the current one.
class LookupForm
{
public:
    static LookupForm parse(const QByteArray &body);

    // The last value of `name`, or an empty string. Names are case-sensitive, as in FreeSWITCH
    // events.
    QString value(const QString &name) const;
    bool contains(const QString &name) const;
    // The five fields mod_xml_curl writes first; later event headers of the same name (a
    // channel variable called "section", say) do not replace them.
    QString section() const { return firstValue(QStringLiteral("section")); }
    QString tagName() const { return firstValue(QStringLiteral("tag_name")); }
    QString keyName() const { return firstValue(QStringLiteral("key_name")); }
    QString keyValue() const { return firstValue(QStringLiteral("key_value")); }

    const QList<QPair<QString, QString>> &fields() const { return m_fields; }

private:
    QString firstValue(const QString &name) const;

    QList<QPair<QString, QString>> m_fields;
};

} // namespace fsd
