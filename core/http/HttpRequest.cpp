// SPDX-License-Identifier: MPL-2.0
#include "core/http/HttpRequest.h"

namespace fsd {

QByteArray HttpRequest::header(QByteArrayView name) const
{
    for (const auto &[fieldName, value] : headers) {
        if (fieldName.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

bool HttpRequest::hasHeader(QByteArrayView name) const
{
    for (const auto &field : headers) {
        if (field.first.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

QString HttpRequest::peer() const
{
    return formatPeer(peerAddress, peerPort);
}

QString formatAddress(const QHostAddress &address)
{
    bool isIpv4 = false;
    const quint32 ipv4 = address.toIPv4Address(&isIpv4);
    return isIpv4 ? QHostAddress(ipv4).toString() : address.toString();
}

QString formatPeer(const QHostAddress &address, quint16 port)
{
    const QString text = formatAddress(address);
    if (text.contains(QLatin1Char(':')))
        return QStringLiteral("[%1]:%2").arg(text).arg(port);
    return QStringLiteral("%1:%2").arg(text).arg(port);
}

} // namespace fsd
