// SPDX-License-Identifier: MPL-2.0
#pragma once

#include <QString>
#include <QtGlobal>

namespace fsd {

// Who sent a request, as far as the handlers may know. Handlers never learn the transport.
struct RequestContext
{
    // True for the desktop GUI and the command line on the local database: the request runs
    // as the local operator with the admin role and needs no token.
    bool local = false;
    // The peer address, used to throttle failed logins and in log lines. Empty when local.
    QString peer;
    // An id the caller chooses for its connection (0 for none). Change notifications carry it,
    // so that a transport can skip the connection whose request caused the change.
    quint64 originId = 0;
};

} // namespace fsd
