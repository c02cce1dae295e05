// SPDX-License-Identifier: MPL-2.0
#pragma once

#include <QString>

namespace fsd::ui {

// What the servers of this process are doing, shown in the status bar. The application sets
// it whenever a listener starts, stops or fails.
struct LocalServerStatus
{
    // The remote API (HTTP and WebSocket) listener.
    bool apiListening = false;
    QString apiAddress;
    // The mod_xml_curl listener: while it listens, FreeSWITCH fetches its directory from us,
    // so quitting asks first.
    bool xmlCurlListening = false;
    QString xmlCurlAddress;
    // Why a listener is not running (bind failure, missing TLS file); empty when none failed.
    QString error;
};

} // namespace fsd::ui
