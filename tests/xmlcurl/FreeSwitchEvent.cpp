// SPDX-License-Identifier: MPL-2.0
#include "tests/xmlcurl/FreeSwitchEvent.h"

#include <QDateTime>

namespace fsd::test {

FreeSwitchEvent::FreeSwitchEvent(Type type)
    : m_type(type)
{
    static int sequence = 4000;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    add(QStringLiteral("Event-Name"),
        type == Type::RequestParams ? QStringLiteral("REQUEST_PARAMS") : QStringLiteral("GENERAL"));
    add(QStringLiteral("Core-UUID"), QStringLiteral("5b1c8e0e-3c0a-4a8e-9d41-0c1f2e3d4a5b"));
    add(QStringLiteral("FreeSWITCH-Hostname"), Hostname);
    add(QStringLiteral("FreeSWITCH-Switchname"), Hostname);
    add(QStringLiteral("FreeSWITCH-IPv4"), QStringLiteral("127.0.0.1"));
    add(QStringLiteral("FreeSWITCH-IPv6"), QStringLiteral("::1"));
    add(QStringLiteral("Event-Date-Local"), now.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
    add(QStringLiteral("Event-Date-GMT"), now.toString(Qt::RFC2822Date));
    add(QStringLiteral("Event-Date-Timestamp"), QString::number(now.toMSecsSinceEpoch() * 1000));
    add(QStringLiteral("Event-Calling-File"), QStringLiteral("sofia_reg.c"));
    add(QStringLiteral("Event-Calling-Function"), QStringLiteral("sofia_reg_parse_auth"));
    add(QStringLiteral("Event-Calling-Line-Number"), QStringLiteral("3123"));
    add(QStringLiteral("Event-Sequence"), QString::number(++sequence));
}

void FreeSwitchEvent::add(const QString &name, const QString &value)
{
    const bool replace = value.isEmpty() || m_type == Type::RequestParams;
    if (replace) {
        m_headers.removeIf([&](const QPair<QString, QString> &header) {
            return header.first == name;
        });
    }
    if (!value.isEmpty())
        m_headers.append({name, value});
}

QString FreeSwitchEvent::value(const QString &name) const
{
    QString found;
    for (const auto &header : m_headers) {
        if (header.first == name)
            found = header.second;
    }
    return found;
}

QByteArray FreeSwitchEvent::urlEncode(const QString &value)
{
    static const QByteArray unsafe("\r\n #%&+:;<=>?@[\\]^`{|}\"");
    static const QByteArray upperHex("0123456789ABCDEF");
    const QByteArray bytes = value.toUtf8();
    QByteArray out;
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const auto c = static_cast<unsigned char>(bytes[i]);
        const bool escapeAlready = c == '%' && i + 2 < bytes.size()
                                   && upperHex.contains(bytes[i + 1])
                                   && upperHex.contains(bytes[i + 2]);
        if (!escapeAlready && (c < ' ' || c > '~' || unsafe.contains(char(c)))) {
            out.append('%');
            out.append(upperHex[c >> 4]);
            out.append(upperHex[c & 0x0f]);
        } else {
            out.append(char(c));
        }
    }
    return out;
}

QByteArray FreeSwitchEvent::form(const QString &section, const QString &tagName,
                                 const QString &keyName, const QString &keyValue) const
{
    QByteArray body = QStringLiteral("hostname=%1&section=%2&tag_name=%3&key_name=%4&key_value=%5&")
                          .arg(Hostname, section, tagName, keyName, keyValue)
                          .toUtf8();
    for (const auto &header : m_headers) {
        body.append(header.first.toUtf8());
        body.append('=');
        body.append(urlEncode(header.second));
        body.append('&');
    }
    return body;
}

} // namespace fsd::test
