// SPDX-License-Identifier: MPL-2.0
#pragma once

#include "core/freeswitch/EslMessage.h"

#include <QByteArray>
#include <QList>

namespace fsd::freeswitch {

// Splits the byte stream of an Event Socket connection into messages.
class EslParser
{
public:
    // Appends received bytes; returns the messages they complete.
    QList<EslMessage> feed(const QByteArray &bytes);
    // Parses the body of a text/event-plain message: URL-encoded headers, then an optional
    // body after its own Content-Length.
    static EslMessage parseEventBody(const QByteArray &body);

private:
    QByteArray m_buffer;
};

} // namespace fsd::freeswitch
