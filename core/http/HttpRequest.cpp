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

QString formatPeer(const QHostAddress &address, quint16 port)
{
    QHostAddress plain = address;
    bool isMappedIpv4 = false;
    const quint32 ipv4 = address.toIPv4Address(&isMappedIpv4);
    if (isMappedIpv4)
        plain = QHostAddress(ipv4);
    if (plain.protocol() == QAbstractSocket::IPv6Protocol)
        return QStringLiteral("[%1]:%2").arg(plain.toString()).arg(port);
    return QStringLiteral("%1:%2").arg(plain.toString()).arg(port);
}

} // namespace fsd
