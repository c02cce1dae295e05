// SPDX-License-Identifier: MPL-2.0
#include "core/common/NameRules.h"

#include <QHostAddress>
#include <QRegularExpression>

namespace fsd::NameRules {

namespace {

const QString InvalidName = QStringLiteral("invalid name");

bool hasControlCharacter(const QString &text)
{
    for (QChar c : text) {
        if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format)
            return true;
    }
    return false;
}

bool isHostName(const QString &name)
{
    static const QRegularExpression label(
        QStringLiteral("^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$"));
    if (name.size() > 253)
        return false;
    const QStringList labels = name.split(QLatin1Char('.'));
    for (const QString &part : labels) {
        if (!label.match(part).hasMatch())
            return false;
    }
    return true;
}

// A dotted quad as inet_pton() reads it: four decimal numbers of 0 to 255, without leading
// zeros. QHostAddress also accepts shortened forms such as "192.0.2", which FreeSWITCH rejects.
bool isIPv4Address(const QString &text)
{
    static const QRegularExpression dottedQuad(QStringLiteral(
        "^((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])$"));
    return dottedQuad.match(text).hasMatch();
}

// ADDRESS/PREFIX. FreeSWITCH loads each entry of a user's cidr with switch_parse_cidr()
// (src/switch_utils.c), which rejects an entry without a prefix length.
bool isSubnet(const QString &entry)
{
    static const QRegularExpression prefixLength(QStringLiteral("^(0|[1-9][0-9]{0,2})$"));
    const qsizetype slash = entry.indexOf(QLatin1Char('/'));
    if (slash < 0)
        return false;
    const QString address = entry.left(slash);
    const QString prefix = entry.mid(slash + 1);
    if (!prefixLength.match(prefix).hasMatch())
        return false;
    if (isIPv4Address(address))
        return prefix.toInt() <= 32;
    QHostAddress ipv6;
    return address.contains(QLatin1Char(':')) && ipv6.setAddress(address)
        && ipv6.protocol() == QAbstractSocket::IPv6Protocol && prefix.toInt() <= 128;
}

} // namespace

QString key(const QString &name)
{
    return name.toCaseFolded();
}

QString storedSpellingNote(const QString &name, const QString &stored)
{
    if (name == stored)
        return {};
    return QStringLiteral(" (as \"%1\"; names are compared without regard to case)").arg(stored);
}

Status checkDomainName(const QString &name)
{
    QHostAddress address;
    if (isHostName(name) || address.setAddress(name))
        return {};
    return ApiError::make(InvalidName,
                          QStringLiteral("The domain name \"%1\" is neither a host name nor an IP "
                                         "address. Use letters, digits, '-' and dots, such as "
                                         "\"pbx.example.com\".")
                              .arg(name));
}

Status checkUserName(const QString &name)
{
    for (QChar c : name) {
        if (c.isSpace() || c == QLatin1Char('@') || c == QLatin1Char(':')) {
            return ApiError::make(InvalidName,
                                  QStringLiteral("The user name \"%1\" contains '%2'. SIP user "
                                                 "names cannot contain white space, '@' or ':'.")
                                      .arg(name, c.isSpace() ? QStringLiteral("white space")
                                                             : QString(c)));
        }
    }
    if (hasControlCharacter(name)) {
        return ApiError::make(InvalidName,
                              QStringLiteral("The user name \"%1\" contains a control character.")
                                  .arg(name));
    }
    return {};
}

Status checkGatewayName(const QString &name)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9_.-]+$"));
    if (pattern.match(name).hasMatch())
        return {};
    return ApiError::make(InvalidName,
                          QStringLiteral("The gateway name \"%1\" may only contain letters, "
                                         "digits, '_', '.' and '-'; mod_sofia ignores gateways "
                                         "with other names.")
                              .arg(name));
}

Status checkPlainName(const QString &name, const QString &what)
{
    if (!hasControlCharacter(name))
        return {};
    return ApiError::make(InvalidName,
                          QStringLiteral("The %1 name \"%2\" contains a control character.")
                              .arg(what, name));
}

Status checkCidrList(const QString &cidr)
{
    if (cidr.isEmpty())
        return {};
    const QStringList entries = cidr.split(QLatin1Char(','));
    for (const QString &raw : entries) {
        const QString entry = raw.trimmed();
        if (!isSubnet(entry)) {
            return ApiError::make(
                QStringLiteral("invalid cidr"),
                QStringLiteral("\"%1\" in \"%2\" is not a subnet. Write subnets with their prefix "
                               "length, such as \"192.0.2.0/24\" or \"192.0.2.7/32\", separated by "
                               "commas, or leave it empty.")
                    .arg(entry, cidr));
        }
    }
    return {};
}

} // namespace fsd::NameRules
