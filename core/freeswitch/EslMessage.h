// SPDX-License-Identifier: MPL-2.0
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>

namespace fsd::freeswitch {

// One message of FreeSWITCH's Event Socket (mod_event_socket): "Name: value" header lines,
// an empty line, then Content-Length bytes of body when that header is present.
struct EslMessage
{
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;

    // The first header of that name (case-insensitive), or an empty array.
    QByteArray header(QByteArrayView name) const
    {
        for (const auto &[key, value] : headers) {
            if (key.compare(name, Qt::CaseInsensitive) == 0)
                return value;
        }
        return {};
    }
    QByteArray contentType() const { return header("Content-Type"); }
};

} // namespace fsd::freeswitch
