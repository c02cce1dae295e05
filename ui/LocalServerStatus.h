// SPDX-License-Identifier: MPL-2.0
#pragma once

#include <QString>

namespace fsd {
class NetworkServices;
}

namespace fsd::ui {

// State of the servers of this process, shown in the status bar. The application sets it
// whenever a listener starts, stops or fails.
struct LocalServerStatus
{
    // The remote API (HTTP and WebSocket) listener.
    bool apiListening = false;
    QString apiAddress;
    // The mod_xml_curl listener. While it listens, FreeSWITCH fetches its directory from this
    // process, so quitting needs a confirmation.
    bool xmlCurlListening = false;
    QString xmlCurlAddress;
    // Reason a listener is not running (bind failure, missing TLS file), or empty.
    QString error;

    // The state of `services` (null when none were started), with `error` as the reason
    // start() failed, if it did.
    static LocalServerStatus of(const NetworkServices *services, const QString &error = {});
};

} // namespace fsd::ui
