// SPDX-License-Identifier: MPL-2.0
#include "core/net/ApiServerConfig.h"

namespace fsd {

bool ApiServerConfig::setListenAddress(const QString &text, QString *error)
{
    const QString trimmed = text.trimmed();
    const qsizetype colon = trimmed.lastIndexOf(QLatin1Char(':'));
    const auto invalid = [&](const QString &why) {
        *error = QStringLiteral("Invalid listen address \"%1\": %2 Use HOST:PORT, for example "
                                "127.0.0.1:8080 or [::1]:8080.")
                     .arg(text, why);
        return false;
    };
    if (colon < 0)
        return invalid(QStringLiteral("the port is missing."));

    QString hostPart = trimmed.left(colon);
    bool isNumber = false;
    const uint portNumber = trimmed.mid(colon + 1).toUInt(&isNumber);
    if (!isNumber || portNumber > 65535)
        return invalid(QStringLiteral("the port must be a number from 0 to 65535."));
    if (hostPart.startsWith(QLatin1Char('[')) && hostPart.endsWith(QLatin1Char(']')))
        hostPart = hostPart.mid(1, hostPart.size() - 2);
    else if (hostPart.contains(QLatin1Char(':')))
        return invalid(QStringLiteral("an IPv6 address must be written in brackets."));
    if (hostPart.isEmpty())
        hostPart = QStringLiteral("127.0.0.1");

    host = hostPart;
    port = quint16(portNumber);
    return true;
}

QString ApiServerConfig::listenAddress() const
{
    if (host.contains(QLatin1Char(':')))
        return QStringLiteral("[%1]:%2").arg(host).arg(port);
    return QStringLiteral("%1:%2").arg(host).arg(port);
}

} // namespace fsd
