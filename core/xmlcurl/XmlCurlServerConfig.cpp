// SPDX-License-Identifier: MPL-2.0
#include "core/xmlcurl/XmlCurlServerConfig.h"

#include <QHostAddress>

namespace fsd {

bool XmlCurlServerConfig::setListenAddress(const QString &text, QString *error)
{
    const QString trimmed = text.trimmed();
    const qsizetype colon = trimmed.lastIndexOf(QLatin1Char(':'));
    const auto invalid = [&](const QString &why) {
        *error = QStringLiteral("Invalid mod_xml_curl listen address \"%1\": %2 Use HOST:PORT, "
                                "for example 127.0.0.1:8081 or [::1]:8081.")
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
    if (hostPart.isEmpty() || hostPart.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        hostPart = QStringLiteral("127.0.0.1");
    if (QHostAddress(hostPart).isNull())
        return invalid(QStringLiteral("the host must be an IP address or localhost."));

    host = hostPart;
    port = quint16(portNumber);
    return true;
}

QString XmlCurlServerConfig::listenAddress() const
{
    if (host.contains(QLatin1Char(':')))
        return QStringLiteral("[%1]:%2").arg(host).arg(port);
    return QStringLiteral("%1:%2").arg(host).arg(port);
}

QString XmlCurlServerConfig::gatewayUrl(quint16 actualPort) const
{
    const QHostAddress address(host);
    QString urlHost = host;
    if (address == QHostAddress::AnyIPv4 || address == QHostAddress::AnyIPv6
        || address == QHostAddress::Any)
        urlHost = QStringLiteral("127.0.0.1");
    else if (urlHost.contains(QLatin1Char(':')))
        urlHost = QStringLiteral("[%1]").arg(urlHost);
    return QStringLiteral("%1://%2:%3%4")
        .arg(tlsEnabled() ? QStringLiteral("https") : QStringLiteral("http"), urlHost)
        .arg(actualPort ? actualPort : port)
        .arg(Path);
}

bool XmlCurlServerConfig::isLoopback() const
{
    return QHostAddress(host).isLoopback();
}

Status XmlCurlServerConfig::validate() const
{
    if (tlsEnabled() && (tlsCertificateFile.isEmpty() || tlsKeyFile.isEmpty())) {
        return ApiError::make(QStringLiteral("invalid settings"),
                              QStringLiteral("TLS for the mod_xml_curl listener needs both a "
                                             "certificate and a key file; only one is set."));
    }
    if (credentialsEnabled() && (user.isEmpty() || password.isEmpty())) {
        return ApiError::make(QStringLiteral("invalid settings"),
                              QStringLiteral("mod_xml_curl credentials need both a user and a "
                                             "password; only one is set."));
    }
    if (user.contains(QLatin1Char(':'))) {
        return ApiError::make(QStringLiteral("invalid settings"),
                              QStringLiteral("The mod_xml_curl user \"%1\" contains ':', which "
                                             "gateway-credentials (user:password) cannot "
                                             "carry. Choose another user name.")
                                  .arg(user));
    }
    if (isLoopback() || allowInsecure || (tlsEnabled() && credentialsEnabled()))
        return {};
    return ApiError::make(
        QStringLiteral("invalid settings"),
        QStringLiteral("The mod_xml_curl listener on %1 would serve SIP passwords beyond this "
                       "machine %2. Configure a TLS certificate and key and mod_xml_curl "
                       "credentials, listen on 127.0.0.1, or pass --allow-insecure-xml-curl.")
            .arg(listenAddress(), tlsEnabled() ? QStringLiteral("without credentials")
                                  : credentialsEnabled() ? QStringLiteral("without TLS")
                                                         : QStringLiteral("without TLS and "
                                                                          "credentials")));
}

} // namespace fsd
