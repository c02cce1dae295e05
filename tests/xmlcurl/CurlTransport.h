// SPDX-License-Identifier: MPL-2.0
#pragma once

#include "tests/xmlcurl/FreeSwitchDouble.h"

#include <QString>
#include <QStringList>

namespace fsd::test {

// Posts forms with the curl program as mod_xml_curl posts them with libcurl (FreeSWITCH
// 1.11.2, mod_xml_curl.c):
// - POST with Content-Type application/x-www-form-urlencoded and User-Agent
//   freeswitch-xml/1.0;
// - "Expect:" cleared, as disable-100-continue (on by default) does;
// - HTTP Basic credentials when set;
// - no certificate check for https, its default without enable-cacert-check.
// Blocks the calling thread until curl exits, without running its event loop, so the server
// under test must respond from another thread.
struct CurlTransport
{
    QString url;
    // "user:password" as in gateway-credentials; empty sends none.
    QString credentials;
    // Arguments added before the URL, e.g. {"-H", "Expect: 100-continue"}.
    QStringList extraArguments;

    HttpAnswer post(const QByteArray &form) const;
    FreeSwitchDouble::Transport transport() const
    {
        return [copy = *this](const QByteArray &form) { return copy.post(form); };
    }
};

} // namespace fsd::test
