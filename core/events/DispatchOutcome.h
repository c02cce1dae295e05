// SPDX-License-Identifier: MPL-2.0
#pragma once

#include <QByteArray>
#include <QJsonObject>

namespace fsd {

// Result of Dispatcher::dispatch(): the reply and what the transport needs to track.
struct DispatchOutcome
{
    QJsonObject reply;
    // SHA-256 of the token the request authenticated with, or of the token `login` issued.
    // Empty for local requests and failed authentication. A WebSocket binds to it.
    QByteArray tokenHash;
    // True when the request committed a change; the reply was then also emitted as
    // Dispatcher::changeCommitted().
    bool changed = false;
    // True when the request was a successful `logout`: `tokenHash` is no longer valid.
    bool loggedOut = false;
    // True when `tokenHash` belongs to a viewer, whose replies and pushes have secret values
    // masked.
    bool masksSecrets = false;

    bool isError() const { return reply.contains(QLatin1String("error")); }
    QString error() const { return reply.value(QLatin1String("error")).toString(); }
};

} // namespace fsd
